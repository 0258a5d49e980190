import type { Database } from '@board/db';
import { elevateWithin } from '../database/door.ts';
import { counterKey, hitCounter, hitCounterWithin } from './counters.ts';

const minute = 60_000;
const hour = 60 * minute;

/**
 * Mail that repeats because someone repeats an action, and how much of it goes out. The action
 * itself always succeeds; past the allowance its mail is simply not sent, so a loop (raise a
 * hand, withdraw, raise again…) cannot flood an inbox. The one throttle for mail: counters in
 * PostgreSQL (counters.ts), shared by every server instance.
 */
export const mailThrottles = {
  /** "new hand raised" to the officers: per volunteer and request */
  handRaised: { max: 1, timeWindow: 24 * hour },
  /** "match withdrawn" to the officers: per volunteer and request */
  matchWithdrawn: { max: 1, timeWindow: 24 * hour },
  /** invitations (new or resent): per inviter and invited address */
  invitation: { max: 3, timeWindow: 24 * hour },
  /** "new message" to one side of a match thread: per thread and receiving side */
  newMessage: { max: 1, timeWindow: 15 * minute },
  /** "wrong passwords for your account" to its owner: per address */
  passwordAttempts: { max: 1, timeWindow: 6 * hour },
} as const satisfies Record<string, { max: number; timeWindow: number }>;

export type ThrottledMail = keyof typeof mailThrottles;

/** Which throttle a mail counts against, and for whom (e.g. [volunteer id, request id]). */
export interface MailThrottle {
  kind: ThrottledMail;
  per: string[];
}

/** The counter behind one throttle (tests move its window). */
export function mailThrottleKey(throttle: MailThrottle): string {
  return counterKey(`mail:${throttle.kind}`, throttle.per.join('\n'));
}

/** Counts one mail of this kind for these subjects; false once the allowance is used up. */
export async function mayMail(db: Database, throttle: MailThrottle): Promise<boolean> {
  const limit = mailThrottles[throttle.kind];
  const state = await hitCounter(db, mailThrottleKey(throttle), { ms: limit.timeWindow });
  return state.hits <= limit.max;
}

/** The same inside a transaction: the hit commits or rolls back with the mail queued beside it. */
export async function mayMailWithin(tx: Database, throttle: MailThrottle): Promise<boolean> {
  const limit = mailThrottles[throttle.kind];
  const state = await elevateWithin(tx, 'count a mail against its throttle', () =>
    hitCounterWithin(tx, mailThrottleKey(throttle), { ms: limit.timeWindow }),
  );
  return state.hits <= limit.max;
}
