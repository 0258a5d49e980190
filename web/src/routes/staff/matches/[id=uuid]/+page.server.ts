import type { MatchDetail } from '@board/shared';
import { callApi, pageData } from '#lib/server/api.ts';
import { requireStaffArea } from '#lib/server/guards.ts';
import { fetchAllMunicipalities } from '#lib/server/municipalities.ts';
import type { PageServerLoad } from './$types';

/** One match's whole timeline for staff of its municipality and the foundation (the API says who). */
export const load: PageServerLoad = async (event) => {
  requireStaffArea(event.locals, event.url, 'match.review');
  const [match, municipalities] = await Promise.all([
    callApi<MatchDetail>(event, 'GET', `/api/matches/${encodeURIComponent(event.params.id)}`),
    fetchAllMunicipalities(event),
  ]);
  return { match: pageData(match), municipalities };
};
