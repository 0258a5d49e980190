import { z } from 'zod';
import { can, type Action, type Actor, type Resource } from './permissions.ts';

/** Help-request (依頼) states, DOMAIN.md "Request lifecycle". */
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

/** A moment, a span, a day whose time is not fixed yet, or to be arranged (shared/src/help-requests.ts `When`). */
export const whenKinds = ['at', 'range', 'day', 'flexible'] as const;
export const WhenKind = z.enum(whenKinds);
export type WhenKind = z.infer<typeof WhenKind>;

interface Transition {
  from: readonly RequestStatus[];
  to: RequestStatus;
  /** who may fire it: the permission (shared/src/permissions.ts), or `system` when only the server does */
  by: Action | 'system';
  /** a reason is required and shown to the officer */
  reason?: true;
}

/**
 * The request lifecycle as data: the server enforces it, the web reads it to decide which
 * buttons exist, and the lifecycle test walks every pair. No state check is written elsewhere.
 */
export const requestTransitions = {
  /** officer submits for review (moderation on) */
  submit: { from: ['draft', 'changes_requested'], to: 'pending_review', by: 'request.submit' },
  /** officer submits where the municipality turned moderation off: published at once */
  submitAndPublish: { from: ['draft', 'changes_requested'], to: 'published', by: 'request.submit' },
  approve: { from: ['pending_review'], to: 'published', by: 'request.moderate' },
  requestChanges: { from: ['pending_review'], to: 'changes_requested', by: 'request.moderate', reason: true },
  reject: { from: ['pending_review'], to: 'rejected', by: 'request.moderate', reason: true },
  withdraw: {
    from: ['draft', 'pending_review', 'changes_requested', 'published', 'filled'],
    to: 'withdrawn',
    by: 'request.withdraw',
  },
  close: { from: ['published', 'filled'], to: 'closed', by: 'request.moderate', reason: true },
  /** the last open slot was matched */
  fill: { from: ['published'], to: 'filled', by: 'system' },
  /** a matched volunteer withdrew: a slot is open again */
  reopen: { from: ['filled'], to: 'published', by: 'system' },
  /** every match is done and confirmed */
  complete: { from: ['published', 'filled'], to: 'completed', by: 'system' },
  /** the application deadline passed with open slots */
  expire: { from: ['published'], to: 'expired', by: 'system' },
} as const satisfies Record<string, Transition>;

export type RequestTransition = keyof typeof requestTransitions;
export const requestTransitionNames = Object.keys(requestTransitions) as RequestTransition[];

/** The state a transition leads to from `from`, or null when the lifecycle does not allow it. */
export function transitionTarget(transition: RequestTransition, from: RequestStatus): RequestStatus | null {
  const t: Transition = requestTransitions[transition];
  return t.from.includes(from) ? t.to : null;
}

/** The permission that lets a person fire a transition; null when only the server fires it. */
export function transitionPermission(transition: RequestTransition): Action | null {
  const by: Transition['by'] = requestTransitions[transition].by;
  return by === 'system' ? null : by;
}

/**
 * The transitions this person may fire on a request in this state (the web shows exactly these
 * buttons); of the two submits, the one the municipality's moderation setting calls for.
 */
export function availableTransitions(
  actor: Actor | null,
  request: Resource & { status: RequestStatus; moderationRequired: boolean },
): RequestTransition[] {
  return requestTransitionNames.filter((name) => {
    const permission = transitionPermission(name);
    if (!permission || !can(actor, permission, request)) return false;
    if (transitionTarget(name, request.status) === null) return false;
    if (name === 'submit') return request.moderationRequired;
    if (name === 'submitAndPublish') return !request.moderationRequired;
    return true;
  });
}

/** Officers may edit a request's content only while it is a draft or changes were asked for. */
export const editableStatuses: readonly RequestStatus[] = ['draft', 'changes_requested'];
/** Only a draft can be deleted (nobody else has seen it); anything sent keeps its history and is withdrawn instead. */
export const deletableStatuses: readonly RequestStatus[] = ['draft'];
/** States anyone can read by link (the request page); completed work stays readable for thanks and case stories. */
export const publicStatuses: readonly RequestStatus[] = ['published', 'filled', 'completed'];
/**
 * States listed on the board: open and filled requests. The SQL side (`onBoard` in
 * db/src/schema/help-requests.ts: the `board_requests` view and the board's partial indexes) is
 * written from this list, and a test compares the view with it.
 */
export const boardStatuses: readonly RequestStatus[] = ['published', 'filled'];
/**
 * States in which a request takes hands: exactly those the lifecycle could still fill (the `fill`
 * transition's sources), so no second list of "open" states exists anywhere.
 */
export const openForHandsStatuses: readonly RequestStatus[] = requestTransitions.fill.from;

export function takesHands(status: RequestStatus): boolean {
  return openForHandsStatuses.includes(status);
}

/** Readable by anyone: a public state, not hidden after a flag, in an active municipality. */
export function isPublic(request: { status: RequestStatus; hiddenAt: unknown; municipalityActive: boolean }): boolean {
  return publicStatuses.includes(request.status) && !request.hiddenAt && request.municipalityActive;
}

/**
 * Open for hands right now: a state that takes hands, a slot left, the deadline not passed.
 * The same rule as `openForHands` in SQL (db/src/schema/help-requests.ts) for the board's filter.
 */
export function isOpenForHands(
  request: { status: RequestStatus; slots: number; matchedCount: number; applicationDeadline: Date | string | null },
  now = Date.now(),
): boolean {
  const deadline = request.applicationDeadline === null ? null : new Date(request.applicationDeadline).getTime();
  return takesHands(request.status) && request.matchedCount < request.slots && (deadline === null || deadline > now);
}
