import { schema, type Database } from '@board/db';
import {
  timelineStepKinds,
  type AuditAction,
  type MatchDurations,
  type TimelineStep,
  type TimelineStepKind,
} from '@board/shared';
import { asc, eq } from 'drizzle-orm';
import { requestEntries } from '../audit/repository.ts';
import type { MatchRow } from './matches-repository.ts';

const { auditLog, applications, helpRequests, thanks, ratings } = schema;

/** Request steps the audit log keeps (publishing is the request's own `published_at`). */
const auditedSteps = {
  'request.submit': 'submitted',
  'request.request_changes': 'changes_requested',
  'request.close': 'closed',
  'request.expire': 'expired',
  'request.complete': 'request_completed',
} as const satisfies Partial<Record<AuditAction, TimelineStepKind>>;

interface Moment {
  kind: TimelineStepKind;
  at: Date;
  thisMatch?: boolean;
}

/** What a match's timeline is made of, read under the reader's row-level security. */
export async function timelineFacts(tx: Database, match: MatchRow) {
  const [request] = await tx
    .select({ createdAt: helpRequests.createdAt, publishedAt: helpRequests.publishedAt })
    .from(helpRequests)
    .where(eq(helpRequests.id, match.requestId));
  const audited = await tx
    .select({ action: auditLog.action, at: auditLog.at })
    .from(auditLog)
    .where(requestEntries([match.requestId], Object.keys(auditedSteps) as (keyof typeof auditedSteps)[]));
  const hands = await tx
    .select({ id: applications.id, at: applications.createdAt })
    .from(applications)
    .where(eq(applications.requestId, match.requestId));
  const thanksRows = await tx
    .select({ toVolunteer: thanks.toVolunteer, body: thanks.body, at: thanks.createdAt })
    .from(thanks)
    .where(eq(thanks.applicationId, match.id))
    .orderBy(asc(thanks.createdAt));
  const ratingRows = await tx
    .select({ toVolunteer: ratings.toVolunteer, score: ratings.score, comment: ratings.comment, at: ratings.createdAt })
    .from(ratings)
    .where(eq(ratings.applicationId, match.id))
    .orderBy(asc(ratings.createdAt));
  return { request: request!, audited, hands, thanks: thanksRows, ratings: ratingRows };
}

export type TimelineFacts = Awaited<ReturnType<typeof timelineFacts>>;

const seconds = (from: Date | null | undefined, to: Date | null | undefined) =>
  from && to ? Math.round((to.getTime() - from.getTime()) / 1000) : null;

/** Steps of the same moment (one transaction) in the order they happen: the order of the kinds. */
const kindOrder = (kind: TimelineStepKind) => timelineStepKinds.indexOf(kind);

/**
 * The timeline, oldest first, each step with the seconds since the one before, and the spans a
 * reviewer compares across matches.
 */
export function buildTimeline(
  match: MatchRow,
  facts: TimelineFacts,
): { timeline: TimelineStep[]; durations: MatchDurations } {
  const moments: Moment[] = [
    { kind: 'posted', at: facts.request.createdAt },
    ...facts.audited.map((entry) => ({ kind: auditedSteps[entry.action as keyof typeof auditedSteps], at: entry.at })),
    ...(facts.request.publishedAt ? [{ kind: 'published' as const, at: facts.request.publishedAt }] : []),
    ...facts.hands.map((hand) => ({ kind: 'hand' as const, at: hand.at, thisMatch: hand.id === match.id })),
    { kind: 'accepted', at: match.matchedAt! },
    ...(match.doneAt ? [{ kind: 'done' as const, at: match.doneAt }] : []),
    ...(match.confirmedAt ? [{ kind: 'confirmed' as const, at: match.confirmedAt }] : []),
    ...(match.withdrawnAt ? [{ kind: 'withdrawn' as const, at: match.withdrawnAt }] : []),
    ...facts.thanks.map((t) => ({
      kind: t.toVolunteer ? ('thanks_to_volunteer' as const) : ('thanks_to_association' as const),
      at: t.at,
    })),
    ...facts.ratings.map((t) => ({
      kind: t.toVolunteer ? ('rated_by_association' as const) : ('rated_by_volunteer' as const),
      at: t.at,
    })),
  ];
  // within one second, steps go in the order they happen (one transaction stamps its audit entry
  // at its start, its rows a moment later: the request completes with the last confirmation)
  const second = (m: Moment) => Math.floor(m.at.getTime() / 1000);
  moments.sort(
    (x, y) => second(x) - second(y) || kindOrder(x.kind) - kindOrder(y.kind) || x.at.getTime() - y.at.getTime(),
  );
  const timeline = moments.map((m, i) => ({
    kind: m.kind,
    at: m.at.toISOString(),
    sincePrevious: i === 0 ? null : seconds(moments[i - 1]!.at, m.at),
    thisMatch: m.thisMatch ?? false,
  }));
  const { publishedAt, createdAt } = facts.request;
  const firstHand = facts.hands.map((h) => h.at).sort((x, y) => x.getTime() - y.getTime())[0];
  return {
    timeline,
    durations: {
      postedToPublished: seconds(createdAt, publishedAt),
      publishedToFirstHand: seconds(publishedAt, firstHand),
      publishedToMatched: seconds(publishedAt, match.matchedAt),
      matchedToDone: seconds(match.matchedAt, match.doneAt),
      doneToConfirmed: seconds(match.doneAt, match.confirmedAt),
    },
  };
}
