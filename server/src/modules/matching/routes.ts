import {
  IdParams,
  RecommendedRequestsList,
  RecommendedRequestsQuery,
  SuggestedVolunteersList,
  SuggestedVolunteersQuery,
} from '@board/shared';
import { byQuery, defineRoutes, route } from '../../routes/define-routes.ts';
import { listRecommendedRequests, listSuggestedVolunteers } from './service.ts';

/** Suggestions with reasons (おすすめ, issue 10): requests for a volunteer, volunteers for a request. */
export default defineRoutes('matching', {
  listRecommendedRequests: route('GET /api/me/recommended-requests', {
    summary: 'Requests suggested to you (volunteers), best first, each with the reasons why',
    description:
      'Published requests still open for hands, ranked by skill, area (same or neighbouring municipality, or ' +
      'online), free weekday, language, a near deadline and few hands (shared/src/matching/scoring.ts). ' +
      'Requests you raised a hand for are left out. Reasons are keys with parameters; the web says them.',
    input: { query: RecommendedRequestsQuery },
    response: { 200: RecommendedRequestsList },
    errors: [403],
    handler: byQuery(listRecommendedRequests),
  }),
  listSuggestedVolunteers: route('GET /api/requests/:id/suggested-volunteers', {
    summary: "Volunteers who agreed to be suggested, for the request's officers and its municipality's staff",
    description:
      'Only volunteers who turned on "suggest me to officers" (`suggestable`), and none who already raised a ' +
      'hand; ranked by the same fit plus past helps in the category, thanks received and fewer open matches. ' +
      'Empty unless the request is open for hands. `quiet`: published a few days ago and no hand yet.',
    input: { params: IdParams, query: SuggestedVolunteersQuery },
    response: { 200: SuggestedVolunteersList },
    errors: [403],
    handler: (context, { params, query }) => listSuggestedVolunteers(context, params.id, query),
  }),
});
