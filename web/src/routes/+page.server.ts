import { fetchActiveMunicipalities } from '#lib/server/municipalities.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, setHeaders }) => {
  const municipalities = await fetchActiveMunicipalities(fetch);
  // a failure must not be cached: the next visit should try again
  if (!municipalities.ok) setHeaders({ 'cache-control': 'no-store' });
  return { municipalities };
};
