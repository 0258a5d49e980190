import type { OpenData } from '@board/shared';
import { callApi } from '#lib/server/api.ts';
import { filterOutcome } from '#lib/server/form-result.ts';
import { figureFilters, statisticsQuery } from '#lib/figures/filters.ts';
import type { PageServerLoad } from './$types';

/** Open data (public): the API's suppressed aggregates for a period (GET form), with the CSV's link. */
export const load: PageServerLoad = async (event) => {
  const filters = figureFilters(event.url.searchParams, false);
  const answer = await callApi<OpenData>(event, 'GET', `/api/open-data?${statisticsQuery(filters)}`);
  return {
    filters,
    data: answer.ok ? answer.data : null,
    ...filterOutcome('open-data-filter', answer, filters),
  };
};
