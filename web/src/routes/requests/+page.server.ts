import type { BoardPage, RecommendedRequestsList } from '@board/shared';
import { redirect } from '@sveltejs/kit';
import { boardApiPath, canonicalBoardSearch, readBoardFilters } from '#lib/board/query.ts';
import { callApi } from '#lib/server/api.ts';
import { errorMessagesFor } from '#lib/server/error-messages.ts';
import { fieldCodes } from '#lib/server/form-result.ts';
import { fetchActiveMunicipalities, fetchAllMunicipalities } from '#lib/server/municipalities.ts';
import { nameReasonSkills } from '#lib/server/reason-skills.ts';
import type { PageServerLoad } from './$types';

/**
 * The board (掲示板): published requests of every active municipality, for anyone. The filters
 * are the URL's query string (a GET form), tidied by a redirect so the address is short and
 * shareable; the API does the filtering, searching and keyset paging.
 */
export const load: PageServerLoad = async (event) => {
  const { url } = event;
  const canonical = canonicalBoardSearch(url.searchParams);
  // compared as parsed parameters, so an address that only encodes characters differently stays put
  if (canonical.slice(1) !== url.searchParams.toString()) redirect(303, `${url.pathname}${canonical}`);

  const filters = readBoardFilters(url.searchParams);
  // おすすめ (issue 10): a volunteer's own suggestions; for anyone else the sort is the newest first
  const isVolunteer = Boolean(event.locals.me?.roles.some((grant) => grant.role === 'volunteer'));
  if (filters.sort === 'recommended' && !isVolunteer) filters.sort = 'newest';
  const recommending = filters.sort === 'recommended';
  const [municipalities, result, recommended, everyMunicipality] = await Promise.all([
    fetchActiveMunicipalities(event),
    callApi<BoardPage>(event, 'GET', boardApiPath(filters)),
    recommending ? callApi<RecommendedRequestsList>(event, 'GET', '/api/me/recommended-requests?limit=20') : null,
    // a reason may name the volunteer's own area, active or not ("next to 荒川区")
    recommending ? fetchAllMunicipalities(event) : null,
  ]);
  if (!result.ok) event.setHeaders({ 'cache-control': 'no-store' });
  // the filters' outcome in the one failure shape (`form: 'filters'`), with the HTTP status for the results
  const failure = result.ok
    ? null
    : {
        form: 'filters',
        status: result.status,
        code: result.error.code,
        fields: fieldCodes(result.error, {}, { rename: { languages: 'language' } }),
        values: {},
      };

  return {
    filters,
    municipalities: municipalities.ok ? municipalities.items : [],
    page: result.ok ? result.data : null,
    canRecommend: isVolunteer,
    recommended: recommended?.ok
      ? { items: nameReasonSkills(event.locals.lang, recommended.data.items), municipalities: everyMunicipality ?? [] }
      : null,
    failure,
    errorMessages: errorMessagesFor(failure ?? {}),
  };
};
