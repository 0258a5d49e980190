import type { Database } from '@board/db';
import {
  DomainError,
  isOpenForHands,
  quietAfterDays,
  rankRequestsForVolunteer,
  rankVolunteersForRequest,
  type RecommendedRequestsList,
  type Scored,
  type RecommendedRequestsQuery,
  type SuggestedVolunteersList,
  type SuggestedVolunteersQuery,
} from '@board/shared';
import type { SignedInContext } from '../../services/context.ts';
import { publicView, resourceOf } from '../help-requests/views.ts';
import { elevateWithin } from '../../database/door.ts';
import {
  boundTermsFor,
  categoryOf,
  handsMost,
  keysForRequest,
  keysForVolunteer,
  requestBoundTermsFor,
} from './keys.ts';
import { matchingRepository, type CandidateRequest } from './repository.ts';
import { authorize } from '../../services/authorize.ts';

/**
 * The head of a list scored without a part that can only add (at most `bonusMax`): those whose
 * score plus that most still reaches the `limit`-th score. Nobody else can enter the top `limit`
 * once the part is known, so ranking the head gives the order ranking everyone would.
 */
function headOf<T>(scored: readonly Scored<T>[], limit: number, bonusMax: number): T[] {
  const threshold = scored[limit - 1]?.score ?? Number.NEGATIVE_INFINITY;
  return scored.filter(({ score }) => score + bonusMax >= threshold).map(({ item }) => item);
}

/** How many candidate requests, best bound first, the first read takes per place in the list. */
const firstRequestsPerPlace = 10;
/** Hands not counted yet: scores as a request with no room for "few hands" (adds nothing). */
const handsNotCounted = Number.POSITIVE_INFINITY;

/**
 * Requests suggested to the signed-in volunteer (おすすめ): open for hands on the board, ranked by
 * the shared scoring, each with its reasons. A volunteer with only skills, or only areas, still
 * gets suggestions (cold start).
 */
export async function listRecommendedRequests(
  ctx: SignedInContext,
  query: RecommendedRequestsQuery,
): Promise<RecommendedRequestsList> {
  authorize(ctx.actor, 'suggestion.listRequests', 'Suggestions are for volunteers.');
  return ctx.door.asActor(ctx.actor, async (tx) => {
    const repo = matchingRepository(tx);
    const volunteer = await repo.volunteer(ctx.actor.userId);
    const now = ctx.clock();
    const keys = keysForVolunteer(volunteer);
    const terms = requestBoundTermsFor(volunteer);
    // reasons are told for the list returned, not for the rankings that find it
    const rank = (requests: CandidateRequest[], limit: number, withReasons = false) =>
      rankRequestsForVolunteer(volunteer, requests, { now, categoryOf, limit, withReasons });
    // candidates best bound first; hands only add to a score: ranked without them, counted for the
    // head of the list alone
    const candidates = new Map<string, CandidateRequest>();
    const read = async (by: string[], how: { first?: number; atLeast?: number }) => {
      const found = await repo.candidateRequests(ctx.actor.userId, by, terms, { now, ...how });
      for (const c of found) candidates.set(c.id, { ...c, hands: handsNotCounted });
      return found;
    };
    const first = firstRequestsPerPlace * query.limit;
    const firstRead = await read(keys.own, { first });
    // every candidate whose bound is at least this has been read, by their own skills (bounds are
    // whole numbers) and by their skills' categories
    let ownFrom = firstRead.length < first ? Number.NEGATIVE_INFINITY : firstRead.at(-1)!.bound + 1;
    let categoriesFrom = Number.POSITIVE_INFINITY;
    let withoutHands = rank([...candidates.values()], candidates.size);
    for (;;) {
      const threshold = withoutHands[query.limit - 1]?.score ?? Number.NEGATIVE_INFINITY;
      if (threshold < ownFrom) {
        await read(keys.own, { atLeast: threshold });
        ownFrom = threshold;
      } else if (keys.categories.bound >= threshold && threshold < categoriesFrom) {
        // a request found only by a category can still enter the list: read those that could
        await read(keys.categories.keys, { atLeast: threshold });
        categoriesFrom = threshold;
      } else break;
      withoutHands = rank([...candidates.values()], candidates.size);
    }
    const head = headOf(withoutHands, query.limit, handsMost);
    const hands = await repo.hands(head.map((c) => c.id));
    const ranked = rank(
      head.map((c) => ({ ...c, hands: hands.get(c.id) ?? 0 })),
      query.limit,
      true,
    );
    const rows = await repo.boardRows(ranked.map(({ item }) => item.id));
    return {
      items: ranked.flatMap(({ item, score, reasons }) => {
        const row = rows.get(item.id);
        // a request taken off the board since the candidates were read is left out
        return row ? [{ request: publicView(row), score, reasons }] : [];
      }),
    };
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
    authorize(
      ctx.actor,
      'suggestion.listVolunteers',
      "Only the request's officers and its municipality's staff see suggestions.",
      resourceOf(request),
    );
    return suggestVolunteers(tx, request, ctx.clock().getTime(), query.limit);
  });
}

type SuggestableRequest = NonNullable<Awaited<ReturnType<ReturnType<typeof matchingRepository>['request']>>>;

/** Candidates read past the list's length at first: room for some who are no longer suggestable. */
const spareCandidates = 5;

/**
 * Whether a candidate not read yet could still enter the best `limit`: those not read come after
 * `last` in the order the candidates are read (bound, highest first, then id), and none scores
 * above its bound.
 */
function couldStillEnter(best: readonly Scored<{ id: string }>[], limit: number, last: { bound: number; id: string }) {
  const worst = best[limit - 1];
  if (!worst) return true;
  return last.bound > worst.score || (last.bound === worst.score && last.id < worst.item.id);
}

/**
 * The volunteers who agreed to be suggested and fit a request, ranked (skills, area, category,
 * record), the best `limit`. Candidates come in the order scoring gives (their score is computed
 * from their profile row: `suggestion_candidates`), a page at a time, until no candidate left
 * could enter the list; scoring ranks those read. Who the best are is read last, and a candidate
 * without an answer there (no longer suggestable, no longer a volunteer, or deleted) is left out,
 * reading further if the list is then short. The order is the one scoring every candidate gives.
 */
async function rankedCandidates(tx: Database, request: SuggestableRequest, limit: number) {
  const repo = matchingRepository(tx);
  const keys = keysForRequest(request);
  const terms = boundTermsFor(request);
  const firstPage = limit + spareCandidates;
  const nextPage = 2 * limit;
  const candidates = await repo.candidateVolunteers(request, keys, terms, { first: firstPage });
  let exhausted = candidates.length < firstPage;
  const people = new Map<string, { displayName: string; showThanks: boolean }>();
  const left = new Set<string>();
  for (;;) {
    const best = rankVolunteersForRequest(
      request,
      candidates.filter((v) => !left.has(v.id)),
      { categoryOf, limit },
    );
    const last = candidates.at(-1);
    if (!exhausted && last && couldStillEnter(best, limit, last)) {
      const more = await repo.candidateVolunteers(request, keys, terms, { first: nextPage, after: last });
      candidates.push(...more);
      exhausted = more.length < nextPage;
      continue;
    }
    const unknown = best.filter(({ item }) => !people.has(item.id)).map(({ item }) => item.id);
    if (unknown.length > 0) {
      const found = await repo.people(request.id, unknown);
      for (const id of unknown) {
        const person = found.get(id);
        if (person) people.set(id, { displayName: person.display_name, showThanks: person.show_thanks });
        else left.add(id);
      }
      if (unknown.some((id) => left.has(id))) continue;
    }
    return best.map(({ item, ...scored }) => ({ ...scored, item: { ...item, ...people.get(item.id)! } }));
  }
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
