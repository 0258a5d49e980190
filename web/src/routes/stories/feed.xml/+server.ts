import { error } from '@sveltejs/kit';
import { apiFetch } from '#lib/server/api.ts';
import type { RequestHandler } from './$types';

/** The stories' Atom feed at a page address (/stories/feed.xml): the API's feed, passed on. */
export const GET: RequestHandler = async (event) => {
  const response = await apiFetch(event, 'GET', '/api/stories/feed.atom');
  if (!response?.ok) error(503, 'The feed is not available');
  return new Response(await response.text(), {
    headers: {
      'content-type': 'application/atom+xml; charset=utf-8',
      'cache-control': response.headers.get('cache-control') ?? 'public, max-age=300',
    },
  });
};
