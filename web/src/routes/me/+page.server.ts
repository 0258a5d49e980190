import type { RecommendedRequestsList } from '@board/shared';
import { redirect } from '@sveltejs/kit';
import { fetchAllMunicipalities } from '#lib/server/municipalities.ts';
import { callApi } from '#lib/server/api.ts';
import { requireSignedIn } from '#lib/server/guards.ts';
import { movedMeActions } from '#lib/server/my-account.ts';
import { nameReasonSkills } from '#lib/server/reason-skills.ts';
import type { Actions, PageServerLoad } from './$types';

/** "My page": a short overview (roles, what needs attention, suggestions) with a link to each part. */
export const load: PageServerLoad = async (event) => {
  const me = requireSignedIn(event.locals, event.url);
  const isVolunteer = me.roles.some((grant) => grant.role === 'volunteer');
  // the top few suggestions (issue 10); the page does without them if the API cannot answer
  const recommended = isVolunteer
    ? await callApi<RecommendedRequestsList>(event, 'GET', '/api/me/recommended-requests?limit=3')
    : null;
  return {
    me,
    isVolunteer,
    recommended: recommended?.ok ? nameReasonSkills(event.locals.lang, recommended.data.items) : null,
    municipalities: await fetchAllMunicipalities(event),
  };
};

/**
 * The forms of the single page /me was before its parts had their own pages: a form still open in
 * a browser (or bookmarked) posts here, and a 307 re-sends it, method and fields, to its new page.
 */
const forward = (to: string) => () => redirect(307, to);

export const actions: Actions = Object.fromEntries(
  Object.entries(movedMeActions).map(([name, to]) => [name, forward(to)]),
) as Actions;
