import { actorOf } from '#lib/actor.ts';
import { figureFilters, statisticsQuery } from '#lib/figures/filters.ts';
import { apiDownload } from '#lib/server/downloads.ts';
import type { RequestHandler } from './$types';

/**
 * The figures as a file (`?format=csv|json` with the page's filters): the API's exportStatistics
 * passed through. A plain link: the figures hold no personal data and the download writes nothing.
 */
export const GET: RequestHandler = (event) => {
  const filterable = actorOf(event.locals.me)?.roles.some((g) => g.role === 'foundation_staff') ?? false;
  const params = event.url.searchParams;
  const format = params.get('format') === 'json' ? 'json' : 'csv';
  const query = statisticsQuery(figureFilters(params, filterable), { format, language: event.locals.lang });
  return apiDownload(event, {
    page: `/staff/figures${event.url.search}`,
    method: 'GET',
    api: `/api/statistics/export?${query}`,
    timeoutMs: 30_000,
    type: 'text/csv; charset=utf-8',
    fileName: 'machi-udekiki-figures.csv',
  });
};
