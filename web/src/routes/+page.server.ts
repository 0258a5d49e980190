import { fetchActiveMunicipalities } from '#lib/server/municipalities.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const municipalities = await fetchActiveMunicipalities(event);
  // a failure must not be cached: the next visit should try again
  if (!municipalities.ok) event.setHeaders({ 'cache-control': 'no-store' });
  return { municipalities };
};
