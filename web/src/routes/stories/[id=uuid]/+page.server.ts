import type { StoryView } from '@board/shared';
import { callApi, pageData } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

/** One story: public ones for anyone (the API answers 404 for one not public to this person). */
export const load: PageServerLoad = async (event) => {
  return { story: pageData(await callApi<StoryView>(event, 'GET', `/api/stories/${event.params.id}`)) };
};
