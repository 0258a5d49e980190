import { error, redirect } from '@sveltejs/kit';
import { actorOf } from '#lib/actor.ts';
import { apiFetch } from '#lib/server/api.ts';
import { figureFilters, statisticsQuery } from '#lib/figures/filters.ts';
import type { RequestHandler } from './$types';

/**
 * The figures as a file (`?format=csv|json` with the page's filters): the API's exportStatistics
 * passed through. A plain link: the figures hold no personal data and the download writes nothing.
 */
export const GET: RequestHandler = async (event) => {
  const back = `/staff/figures${event.url.search}`;
  if (!event.locals.me) redirect(303, `/signin?returnTo=${encodeURIComponent(back)}`);
  const filterable = actorOf(event.locals.me)?.roles.some((g) => g.role === 'foundation_staff') ?? false;
  const params = event.url.searchParams;
  const format = params.get('format') === 'json' ? 'json' : 'csv';
  const query = statisticsQuery(figureFilters(params, filterable), { format, language: event.locals.lang });
  const response = await apiFetch(event, 'GET', `/api/statistics/export?${query}`, undefined, { timeoutMs: 30_000 });
  if (!response) error(503, 'The server did not answer.');
  if (!response.ok || !response.body) error(response.status >= 500 ? 503 : response.status, 'Download failed');
  return new Response(response.body, {
    headers: {
      'content-type': response.headers.get('content-type') ?? 'text/csv; charset=utf-8',
      'content-disposition': response.headers.get('content-disposition') ?? 'attachment',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
};
