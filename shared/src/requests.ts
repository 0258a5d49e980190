import { z } from 'zod';

/** Help-request (依頼) states, DOMAIN.md "Request lifecycle". Transitions arrive with the lifecycle issue. */
export const requestStatuses = [
  'draft',
  'pending_review',
  'changes_requested',
  'published',
  'filled',
  'completed',
  'rejected',
  'withdrawn',
  'expired',
  'closed',
] as const;
export const RequestStatus = z.enum(requestStatuses);
export type RequestStatus = z.infer<typeof RequestStatus>;

export const whenKinds = ['at', 'range', 'flexible'] as const;
export const WhenKind = z.enum(whenKinds);
export type WhenKind = z.infer<typeof WhenKind>;
