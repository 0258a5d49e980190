import type { Database } from '@board/db';
import {
  can,
  DomainError,
  isOpenForHands,
  matchingWeights,
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
import { elevateWithin } from '../../database/door.ts';
import { matchingRepository, type CandidateVolunteer } from './repository.ts';

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

/** The most a volunteer's record can add to a score (past helps and thanks; open matches only take). */
const recordBonusMax = matchingWeights.pastHelpsMax + matchingWeights.thanksMax;

/**
 * The volunteers who agreed to be suggested and fit a request, ranked (skills, area, category,
 * record), the best `limit`. Candidates come with their matches under way; the rest of their
 * record (past helps, thanks: at most `recordBonusMax`) is read only for the head of the list,
 * those whose score without it, plus that most, still reaches the `limit`-th score without it:
 * nobody else can enter the top `limit`, so the order is the one reading every record gives.
 */
async function rankedCandidates(tx: Database, request: SuggestableRequest, limit: number) {
  const repo = matchingRepository(tx);
  const candidates = await repo.candidateVolunteers({
    requestId: request.id,
    skillKeys: withCategorySkills(request.skillKeys),
    municipalityCodes: withNeighbours([request.municipalityCode]),
  });
  const rank = (volunteers: CandidateVolunteer[], n: number) =>
    rankVolunteersForRequest(request, volunteers, { categoryOf, limit: n });
  const withoutRecord = rank(candidates, candidates.length);
  const threshold = withoutRecord[limit - 1]?.score ?? Number.NEGATIVE_INFINITY;
  const head = withoutRecord.filter(({ score }) => score + recordBonusMax >= threshold).map(({ item }) => item);
  const records = await repo.records(
    request.id,
    head.map((v) => v.id),
  );
  return rank(
    head.map((v) => {
      const record = records.get(v.id);
      return record
        ? {
            ...v,
            completedHelps: record.completed_helps,
            pastHelpsInCategory: record.helps_in_category,
            thanksReceived: record.thanks_received,
          }
        : v;
    }),
    limit,
  );
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
  const ranked = await rankedCandidates(tx, request, limit);
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
  // the system's news, whoever published the request: the candidates' reads check for system work
  const ranked = await elevateWithin(tx, 'find volunteers a published request fits', () =>
    rankedCandidates(tx, request, fittingVolunteersCap),
  );
  return ranked.map(({ item }) => item.id);
}
