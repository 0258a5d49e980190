import { z } from 'zod';
import { keysetPage, unlessBlank } from './query-strings.ts';
import { Category } from './categories.ts';
import { ApplicationOrigin, applicationOrigins } from './help-invitations.ts';
import { RequestStatus } from './help-request-lifecycle.ts';
import { MunicipalityCode } from './municipalities.ts';
import { Language } from './roles.ts';
import { Day } from './safe-input.ts';

/**
 * Oversight (issue 12): the match review of foundation and municipal staff (every match of
 * their scope, each with its whole timeline) and the staff's list of every request of their
 * municipality. Query strings come from GET forms: '' is "not set".
 */

// ---- match review

/**
 * Where a match stands, for review: accepted and not yet done (`matched`), marked done by the
 * association (`done`), confirmed by the volunteer (`confirmed`), or taken back by the volunteer
 * after it was accepted (`withdrawn`).
 */
export const matchReviewStatuses = ['matched', 'done', 'confirmed', 'withdrawn'] as const;
export const MatchReviewStatus = z.enum(matchReviewStatuses);
export type MatchReviewStatus = z.infer<typeof MatchReviewStatus>;

/**
 * How a match began: a hand raised from the board (search), a suggestion, or an invitation to
 * help; the origin its application recorded (`applications.origin`), under the review's name.
 */
export const matchOrigins = applicationOrigins;
export const MatchOrigin = ApplicationOrigin;
export type MatchOrigin = ApplicationOrigin;

/** Newest match first, oldest first, or by municipality (code order; newest first inside one). */
export const matchSorts = ['newest', 'oldest', 'municipality'] as const;
export const MatchSort = z.enum(matchSorts);
export type MatchSort = z.infer<typeof MatchSort>;

/** `from` ≤ `to`, both days in Tokyo time, both included. */
const dayRange = (query: object, ctx: z.RefinementCtx) => {
  const q = query as { from?: string; to?: string };
  if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: 'custom', message: 'DATE_RANGE_INVALID', path: ['to'] });
};

const matchFilters = {
  /** one municipality (foundation staff; staff may name only their own) */
  municipalityCode: unlessBlank(MunicipalityCode),
  category: unlessBlank(Category),
  status: unlessBlank(MatchReviewStatus),
  origin: unlessBlank(MatchOrigin),
  /** matched on or after this day (Tokyo) */
  from: unlessBlank(Day),
  /** matched on or before this day (Tokyo) */
  to: unlessBlank(Day),
  sort: unlessBlank(MatchSort),
};

/** A list's filters with its page: `cursor` from `nextCursor`, `limit` 1–200. */
const paged = <S extends z.ZodRawShape>(filters: S) =>
  z
    .object({
      ...filters,
      cursor: unlessBlank(z.string().max(400)),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    })
    .superRefine(dayRange);

/** The match review's filters, sort and page. */
export const ListMatchesQuery = paged(matchFilters);
export type ListMatchesQuery = z.infer<typeof ListMatchesQuery>;
/** The headings of a CSV download (the reader's language; Japanese if not said). */
const csvLanguage = { language: unlessBlank(Language) };
/** The same filters for a CSV of every match they select (no paging). */
export const ExportMatchesBody = z.object({ ...matchFilters, ...csvLanguage }).superRefine(dayRange);
export type ExportMatchesBody = z.infer<typeof ExportMatchesBody>;

export const MatchSummary = z.object({
  /** the application's id (a match is an accepted application) */
  id: z.string(),
  requestId: z.string(),
  requestTitle: z.string(),
  category: Category,
  municipalityCode: z.string(),
  associationName: z.string(),
  /** null when the volunteer deleted their account */
  volunteerName: z.string().nullable(),
  status: MatchReviewStatus,
  origin: MatchOrigin,
  appliedAt: z.string(),
  matchedAt: z.string(),
  doneAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  messageCount: z.number().int(),
});
export type MatchSummary = z.infer<typeof MatchSummary>;
export const MatchPage = keysetPage(MatchSummary);
export type MatchPage = z.infer<typeof MatchPage>;

/** The steps of a match's timeline, from the request's posting to the last thanks or rating, in the order they happen. */
export const timelineStepKinds = [
  'posted',
  'submitted',
  'changes_requested',
  'published',
  'hand',
  'accepted',
  'done',
  'confirmed',
  'withdrawn',
  'request_completed',
  'closed',
  'expired',
  'thanks_to_volunteer',
  'rated_by_association',
  'thanks_to_association',
  'rated_by_volunteer',
] as const;
export const TimelineStepKind = z.enum(timelineStepKinds);
export type TimelineStepKind = z.infer<typeof TimelineStepKind>;

export const TimelineStep = z.object({
  kind: TimelineStepKind,
  at: z.string(),
  /** seconds since the step before (null for the first) */
  sincePrevious: z.number().int().nullable(),
  /** for `hand`: this match's own volunteer raised it (other hands on the request are counted, not named) */
  thisMatch: z.boolean(),
});
export type TimelineStep = z.infer<typeof TimelineStep>;

/** The spans a reviewer compares across matches, in seconds (null when a step has not happened). */
export const MatchDurations = z.object({
  postedToPublished: z.number().int().nullable(),
  publishedToFirstHand: z.number().int().nullable(),
  publishedToMatched: z.number().int().nullable(),
  matchedToDone: z.number().int().nullable(),
  doneToConfirmed: z.number().int().nullable(),
});
export type MatchDurations = z.infer<typeof MatchDurations>;

export const MatchDetail = MatchSummary.extend({
  requestStatus: RequestStatus,
  /** hands raised on the request, this one included */
  handCount: z.number().int(),
  timeline: z.array(TimelineStep),
  durations: MatchDurations,
  /** thanks are public; both sides' notes */
  thanks: z.array(z.object({ toVolunteer: z.boolean(), body: z.string(), at: z.string() })),
  /** the private 1–5 ratings, read only by staff */
  ratings: z.array(
    z.object({ toVolunteer: z.boolean(), score: z.number().int(), comment: z.string(), at: z.string() }),
  ),
});
export type MatchDetail = z.infer<typeof MatchDetail>;

// ---- every request of a municipality (staff)

/** Newest posted first, or oldest first. */
export const municipalityRequestSorts = ['newest', 'oldest'] as const;

const municipalityRequestFilters = {
  municipalityCode: unlessBlank(MunicipalityCode),
  category: unlessBlank(Category),
  status: unlessBlank(RequestStatus),
  /** posted on or after this day (Tokyo) */
  from: unlessBlank(Day),
  /** posted on or before this day (Tokyo) */
  to: unlessBlank(Day),
  sort: unlessBlank(z.enum(municipalityRequestSorts)),
};
export const ListMunicipalityRequestsQuery = paged(municipalityRequestFilters);
export type ListMunicipalityRequestsQuery = z.infer<typeof ListMunicipalityRequestsQuery>;
export const ExportMunicipalityRequestsBody = z
  .object({ ...municipalityRequestFilters, ...csvLanguage })
  .superRefine(dayRange);
export type ExportMunicipalityRequestsBody = z.infer<typeof ExportMunicipalityRequestsBody>;

export const MunicipalityRequestItem = z.object({
  id: z.string(),
  title: z.string(),
  category: Category,
  status: RequestStatus,
  municipalityCode: z.string(),
  associationName: z.string(),
  slots: z.number().int(),
  matchedCount: z.number().int(),
  /** hands raised, every state */
  handCount: z.number().int(),
  hidden: z.boolean(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type MunicipalityRequestItem = z.infer<typeof MunicipalityRequestItem>;
export const MunicipalityRequestPage = keysetPage(MunicipalityRequestItem);
export type MunicipalityRequestPage = z.infer<typeof MunicipalityRequestPage>;
