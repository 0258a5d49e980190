import type { MatchSummary } from '@board/shared';
import { loadOversightList } from '#lib/server/oversight-list.ts';
import type { PageServerLoad } from './$types';

/** Matches for review, filtered and paged by the API (staff: their municipality; foundation: all). */
export const load: PageServerLoad = (event) =>
  loadOversightList<MatchSummary>(event, {
    action: 'match.review',
    api: '/api/matches',
    filterNames: ['category', 'status', 'origin', 'from', 'to', 'sort'],
    form: 'match-filter',
  });
