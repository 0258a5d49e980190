import { z } from 'zod';
import { MunicipalityCode } from './municipalities.ts';
import { plainText } from './safe-input.ts';

/** API contract for flags: anyone signed in reports a help request or a message; the municipality's staff decide. */

export const flagTargetTypes = ['request', 'message'] as const;
export const FlagTargetType = z.enum(flagTargetTypes);
export type FlagTargetType = z.infer<typeof FlagTargetType>;
export const flagStatuses = ['open', 'hidden', 'dismissed'] as const;
export const FlagStatus = z.enum(flagStatuses);
export type FlagStatus = z.infer<typeof FlagStatus>;

export const FlagBody = z.object({
  targetType: FlagTargetType,
  targetId: z.uuid({ error: 'TARGET_INVALID' }),
  reason: plainText(1, 500, 'REASON_REQUIRED'),
});
export type FlagBody = z.infer<typeof FlagBody>;

export const flagDecisions = ['hide', 'dismiss'] as const;
export const ResolveFlagBody = z.object({
  decision: z.enum(flagDecisions),
  note: plainText(0, 500, 'NOTE_REQUIRED').optional(),
});
export type ResolveFlagBody = z.infer<typeof ResolveFlagBody>;

export const ListFlagsQuery = z.object({
  municipalityCode: MunicipalityCode.optional(),
  status: FlagStatus.optional(),
});

export const FlagView = z.object({
  id: z.string(),
  municipalityCode: z.string(),
  targetType: FlagTargetType,
  targetId: z.string(),
  reason: z.string(),
  status: FlagStatus,
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolutionNote: z.string().nullable(),
  /**
   * what was flagged, for the staff deciding: the request's title and `text` the opening of its
   * body (400 characters, then …), or the flagged message's text (null where staff may not read it)
   */
  target: z.object({
    requestId: z.string().nullable(),
    title: z.string().nullable(),
    text: z.string().nullable(),
    hidden: z.boolean(),
  }),
});
export type FlagView = z.infer<typeof FlagView>;

export const FlagList = z.object({
  items: z.array(FlagView),
  /** open flags in the listed municipalities (the queue's header) */
  openCount: z.number().int(),
});
export type FlagList = z.infer<typeof FlagList>;
