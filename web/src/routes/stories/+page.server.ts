import { fetchActiveMunicipalities } from '#lib/server/municipalities.ts';
import { fetchStories } from '#lib/server/stories.ts';
import type { PageServerLoad } from './$types';

/** The public stories, filtered by a GET form (municipality, category), newest first. */
export const load: PageServerLoad = async (event) => {
  const params = event.url.searchParams;
  const query = new URLSearchParams();
  for (const name of ['municipalityCode', 'category', 'cursor']) {
    const value = params.get(name);
    if (value) query.set(name, value);
  }
  const [stories, municipalities] = await Promise.all([fetchStories(event, query), fetchActiveMunicipalities(event)]);
  if (!stories) event.setHeaders({ 'cache-control': 'no-store' });
  return {
    stories,
    municipalities: municipalities.ok ? municipalities.items : [],
    filter: { municipalityCode: params.get('municipalityCode') ?? '', category: params.get('category') ?? '' },
  };
};
