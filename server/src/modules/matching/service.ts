import type { Database } from '@board/db';
import {
  can,
  DomainError,
  isOpenForHands,
  neighboursOf,
  quietAfterDays,
  rankRequestsForVolunteer,
  rankVolunteersForRequest,
  skillOf,
  skills,
  type RecommendedRequestsList,
  type RecommendedRequestsQuery,
  type SuggestedVolunteersList,
  type SuggestedVolunteersQuery,
} from '@board/shared';
import type { SignedInContext } from '../../services/context.ts';
import { publicView, resourceOf } from '../help-requests/views.ts';
import { matchingRepository } from './repository.ts';

const categoryOf = (key: string) => skillOf(key)?.category;

/**
 * Skill keys to look candidates up by: the keys themselves and the other skills of their
 * categories (a category fit scores too, weaker).
 */
function withCategorySkills(keys: readonly string[]): string[] {
  const categories = new Set(keys.map(categoryOf).filter((c) => c !== undefined));
  return [...new Set([...keys, ...skills.filter((s) => categories.has(s.category)).map((s) => s.key)])].sort();
}

/** These municipalities and those next to them. */
function withNeighbours(codes: readonly string[]): string[] {
  return [...new Set(codes.flatMap((code) => [code, ...neighboursOf(code)]))].sort();
}

/**
 * Requests suggested to the signed-in volunteer (おすすめ): open for hands on the board, ranked by
 * the shared scoring, each with its reasons. A volunteer with only skills, or only areas, still
 * gets suggestions (cold start).
 */
export async function listRecommendedRequests(
  ctx: SignedInContext,
  query: RecommendedRequestsQuery,
): Promise<RecommendedRequestsList> {
  if (!can(ctx.actor, 'suggestion.listRequests')) {
    throw new DomainError('FORBIDDEN', 'Suggestions are for volunteers.');
  }
  return ctx.door.asActor(ctx.actor, async (tx) => {
    const repo = matchingRepository(tx);
    const volunteer = await repo.volunteer(ctx.actor.userId);
    const candidates = await repo.candidateRequests({
      volunteerId: ctx.actor.userId,
      skillKeys: withCategorySkills(volunteer.skills.map((s) => s.key)),
      municipalityCodes: withNeighbours(volunteer.municipalityCodes),
    });
    const ranked = rankRequestsForVolunteer(volunteer, candidates, {
      now: ctx.clock(),
      categoryOf,
      limit: query.limit,
    });
    return { items: ranked.map(({ item, score, reasons }) => ({ request: publicView(item), score, reasons })) };
  });
}

/**
 * Volunteers who agreed to be suggested, for a request's officers and its municipality's staff:
 * ranked by the same fit plus their record, each with its reasons; empty unless the request is
 * open for hands on the board. Never a volunteer who did not agree.
 */
export async function listSuggestedVolunteers(
  ctx: SignedInContext,
  requestId: string,
  query: SuggestedVolunteersQuery,
): Promise<SuggestedVolunteersList> {
  return ctx.door.asActor(ctx.actor, async (tx) => {
    const request = await matchingRepository(tx).request(requestId);
    if (!request) throw new DomainError('NOT_FOUND', 'No such request.');
    if (!can(ctx.actor, 'suggestion.listVolunteers', resourceOf(request))) {
      throw new DomainError('FORBIDDEN', "Only the request's officers and its municipality's staff see suggestions.");
    }
    return suggestVolunteers(tx, request, ctx.clock().getTime(), query.limit);
  });
}

type SuggestableRequest = NonNullable<Awaited<ReturnType<ReturnType<typeof matchingRepository>['request']>>>;

/** The volunteers who agreed to be suggested and may fit a request (skills, area, category), unranked. */
function candidatesFor(tx: Database, request: SuggestableRequest) {
  return matchingRepository(tx).candidateVolunteers({
    requestId: request.id,
    skillKeys: withCategorySkills(request.skillKeys),
    municipalityCodes: withNeighbours([request.municipalityCode]),
    category: request.category,
  });
}

/**
 * The volunteers suggested for a request, ranked, each with its reasons: for its officers and
 * staff (above) and for the mail to officers of a request with no hands (calendar/reminders.ts).
 * `tx` must be allowed to read suggestable volunteers (an officer's or staff's transaction, or
 * the system's); the candidates are read with `suggestable = true` in every WHERE.
 */
export async function suggestVolunteers(
  tx: Database,
  request: SuggestableRequest,
  now: number,
  limit: number,
): Promise<SuggestedVolunteersList> {
  if (request.hiddenAt !== null || !isOpenForHands(request, now)) return { items: [], quiet: false };
  const ranked = rankVolunteersForRequest(request, await candidatesFor(tx, request), { categoryOf, limit });
  const publishedDays = request.publishedAt ? (now - request.publishedAt.getTime()) / 86_400_000 : 0;
  return {
    items: ranked.map(({ item, score, reasons }) => ({
      volunteerId: item.id,
      displayName: item.displayName,
      skills: [...item.skills],
      municipalityCodes: [...item.municipalityCodes],
      languages: [...item.languages],
      completedHelps: item.completedHelps,
      score,
      // thanks are told only where the volunteer shows them on their profile
      reasons: reasons.filter((reason) => reason.key !== 'thanks' || item.showThanks),
    })),
    quiet: request.hands === 0 && publishedDays >= quietAfterDays,
  };
}

/** How many volunteers hear of one newly published request that fits them (notifications: requestFits). */
export const fittingVolunteersCap = 20;

/**
 * The volunteers who agreed to be suggested and whom a newly published request fits best, by the
 * same scoring as the officers' suggestions (at most `fittingVolunteersCap`), read in `tx`.
 */
export async function volunteersWhoFit(tx: Database, requestId: string): Promise<string[]> {
  const request = await matchingRepository(tx).request(requestId);
  if (!request) return [];
  const ranked = rankVolunteersForRequest(request, await candidatesFor(tx, request), {
    categoryOf,
    limit: fittingVolunteersCap,
  });
  return ranked.map(({ item }) => item.id);
}
