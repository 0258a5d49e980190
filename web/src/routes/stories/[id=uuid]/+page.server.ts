import type { StoryView } from '@board/shared';
import { error } from '@sveltejs/kit';
import { callApi } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

/** One story: public ones for anyone (the API answers 404 for one not public to this person). */
export const load: PageServerLoad = async (event) => {
  const result = await callApi<StoryView>(event, 'GET', `/api/stories/${event.params.id}`);
  if (!result.ok) error(result.status === 404 || result.status === 400 ? 404 : 503, 'No such story');
  return { story: result.data };
};
