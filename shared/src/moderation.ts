import { z } from 'zod';
import { HelpRequestPublic } from './help-requests.ts';
import { MunicipalityCode } from './municipalities.ts';
import { blank, cursor, keysetPage, limit } from './query-strings.ts';

/**
 * API contract for moderation: the queue of requests waiting for review or sent back, its
 * counts, and what the reviewer sees of a request's earlier returns.
 */

/** The states a moderation list shows: waiting for review (the queue), or sent back to the officers. */
export const moderationListStatuses = ['pending_review', 'changes_requested'] as const;
export const ModerationListStatus = z.enum(moderationListStatuses);
export type ModerationListStatus = z.infer<typeof ModerationListStatus>;

export const ModerationQueueQuery = z.object({
  municipalityCode: z.union([blank, MunicipalityCode]).optional(),
  /** one association's requests only (another municipality's association gives an empty list) */
  associationId: z.union([blank, z.uuid()]).optional(),
  status: z.union([blank, ModerationListStatus]).optional(),
  cursor,
  limit: limit(100, 50),
});
export const ModerationQueueItem = HelpRequestPublic.extend({
  /** when it reached its state: sent for review, or sent back (the list is oldest first) */
  submittedAt: z.string(),
  /** whole days since then */
  daysWaiting: z.number().int(),
  /** sent back for changes before and sent for review again */
  resubmitted: z.boolean(),
});
export type ModerationQueueItem = z.infer<typeof ModerationQueueItem>;
export const ModerationCounts = z.object({
  pendingReview: z.number().int(),
  changesRequested: z.number().int(),
  openFlags: z.number().int(),
});
export const ModerationQueue = keysetPage(ModerationQueueItem).extend({ counts: ModerationCounts });
export type ModerationQueue = z.infer<typeof ModerationQueue>;

/** The parts of a request its officers write, compared between a return and the resubmission. */
export const reviewedFields = [
  'title',
  'body',
  'category',
  'skills',
  'slots',
  'when',
  'area',
  'exactPlace',
  'online',
  'estimatedHours',
  'expensesCovered',
  'applicationDeadline',
  'languages',
  'skillKeys',
] as const;
export const ReviewedField = z.enum(reviewedFields);
export type ReviewedField = z.infer<typeof ReviewedField>;

/**
 * What the reviewer needs from the request's moderation history: the last time staff asked for
 * changes, their reason, and which fields the officers changed since (null when that return was
 * recorded before snapshots were kept).
 */
export const ReviewHistory = z.object({
  lastReturn: z
    .object({
      at: z.string(),
      reason: z.string(),
      changedFields: z.array(ReviewedField).nullable(),
    })
    .nullable(),
});
export type ReviewHistory = z.infer<typeof ReviewHistory>;
