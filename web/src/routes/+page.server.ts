import { fetchActiveMunicipalities } from '#lib/server/municipalities.ts';
import { fetchStories } from '#lib/server/stories.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const [municipalities, stories] = await Promise.all([
    fetchActiveMunicipalities(event),
    // the good cases foundation staff featured (none, or a failure: the section is left out)
    fetchStories(event, new URLSearchParams({ featured: 'true', limit: '3' })),
  ]);
  // a failure must not be cached: the next visit should try again
  if (!municipalities.ok) event.setHeaders({ 'cache-control': 'no-store' });
  return { municipalities, featuredStories: stories?.items ?? [] };
};
