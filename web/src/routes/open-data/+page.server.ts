import type { OpenData } from '@board/shared';
import { callApi } from '#lib/server/api.ts';
import { fieldCodes } from '#lib/server/form-result.ts';
import { figureFilters, statisticsQuery } from '#lib/figures/filters.ts';
import type { PageServerLoad } from './$types';

/** Open data (public): the API's suppressed aggregates for a period (GET form), with the CSV's link. */
export const load: PageServerLoad = async (event) => {
  const filters = figureFilters(event.url.searchParams, false);
  const answer = await callApi<OpenData>(event, 'GET', `/api/open-data?${statisticsQuery(filters)}`);
  return {
    filters,
    data: answer.ok ? answer.data : null,
    failure:
      !answer.ok && answer.status === 400
        ? { form: 'open-data-filter', code: answer.error.code, fields: fieldCodes(answer.error, {}), values: filters }
        : null,
    loadFailed: !answer.ok && answer.status !== 400,
  };
};
