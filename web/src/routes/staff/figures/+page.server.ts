import { tokyoMonthOf, type Statistics } from '@board/shared';
import { actorOf } from '#lib/actor.ts';
import { callApi } from '#lib/server/api.ts';
import { filterOutcome } from '#lib/server/form-result.ts';
import { requireStaffArea } from '#lib/server/guards.ts';
import { fetchAllMunicipalities } from '#lib/server/municipalities.ts';
import { figureFilters, statisticsQuery } from '#lib/figures/filters.ts';
import { quickPeriods } from '#lib/figures/periods.ts';
import type { PageServerLoad } from './$types';

/** The figures (KPIs): a GET form of period and municipality (foundation only), the API's answer. */
export const load: PageServerLoad = async (event) => {
  const me = requireStaffArea(event.locals, event.url, 'figures.read');
  const filterable = actorOf(me)?.roles.some((g) => g.role === 'foundation_staff') ?? false;
  const filters = figureFilters(event.url.searchParams, filterable);
  const [answer, municipalities] = await Promise.all([
    callApi<Statistics>(event, 'GET', `/api/statistics?${statisticsQuery(filters)}`),
    fetchAllMunicipalities(event),
  ]);
  return {
    filters,
    filterable,
    municipalities,
    figures: answer.ok ? answer.data : null,
    periods: quickPeriods(tokyoMonthOf(new Date())),
    ...filterOutcome('figures-filter', answer, filters, { rename: { municipalityCode: 'municipality' } }),
  };
};
