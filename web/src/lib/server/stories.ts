import type { StoryList } from '@board/shared';
import { callApi, type ApiEvent } from './api.ts';

/** Public stories for a page: the API's query as given (filters, cursor), or null when it failed. */
export async function fetchStories(event: ApiEvent, query: URLSearchParams): Promise<StoryList | null> {
  const search = query.toString();
  const result = await callApi<StoryList>(event, 'GET', `/api/stories${search ? `?${search}` : ''}`);
  return result.ok ? result.data : null;
}
