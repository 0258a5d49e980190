import type { ApplicationStatus } from './applications.ts';
import type { Action } from './permissions.ts';

/**
 * A hand's lifecycle (手を挙げる → match → done → confirmed) as data, beside the request's
 * (requests.ts). The database stores a status plus the times the work was marked done and
 * confirmed; a stage names where a hand stands, and the transitions say which stage each action
 * leaves from, where it leads and who may fire it. Every writer of `applications` goes through it.
 */
export const applicationStages = ['pending', 'accepted', 'completed', 'confirmed', 'declined', 'withdrawn'] as const;
export type ApplicationStage = (typeof applicationStages)[number];

/** A match: the officer accepted the hand (done and confirmed are later stages of the same match). */
export const matchStages: readonly ApplicationStage[] = ['accepted', 'completed', 'confirmed'];

export function applicationStage(row: {
  status: ApplicationStatus;
  completedAt: Date | string | null;
  confirmedAt: Date | string | null;
}): ApplicationStage {
  if (row.status !== 'accepted') return row.status;
  if (row.confirmedAt) return 'confirmed';
  return row.completedAt ? 'completed' : 'accepted';
}

interface ApplicationTransition {
  from: readonly ApplicationStage[];
  to: ApplicationStage;
  /** the permission (shared/src/permissions.ts) that lets a person fire it */
  by: Action;
}

export const applicationTransitions = {
  /** the officer takes the hand: a match (and a slot of the request) */
  accept: { from: ['pending'], to: 'accepted', by: 'application.decide' },
  decline: { from: ['pending'], to: 'declined', by: 'application.decide' },
  /** the volunteer takes the hand back; a match gives its slot back; done work stays done */
  withdraw: { from: ['pending', 'accepted'], to: 'withdrawn', by: 'application.withdraw' },
  /** the officer marks the work done */
  complete: { from: ['accepted'], to: 'completed', by: 'match.complete' },
  /** the volunteer confirms it */
  confirm: { from: ['completed'], to: 'confirmed', by: 'match.confirm' },
} as const satisfies Record<string, ApplicationTransition>;

export type ApplicationTransitionName = keyof typeof applicationTransitions;
export const applicationTransitionNames = Object.keys(applicationTransitions) as ApplicationTransitionName[];

/** The stage a transition leads to from `from`, or null when the lifecycle does not allow it. */
export function applicationTransitionTarget(
  transition: ApplicationTransitionName,
  from: ApplicationStage,
): ApplicationStage | null {
  const t: ApplicationTransition = applicationTransitions[transition];
  return t.from.includes(from) ? t.to : null;
}
