import type { Database } from '@board/db';
import { counterKey, hitCounter } from './counters.ts';

const hour = 60 * 60_000;

/**
 * Mail one person's repeatable action sends to someone else, and how much of it goes out. The
 * action itself always succeeds; past the allowance its mail is simply not sent, so a loop
 * (raise a hand, withdraw, raise again…) cannot flood an officer's inbox. New messages are
 * coalesced elsewhere (messages: one mail until the recipient reads).
 */
export const mailThrottles = {
  /** "new hand raised" to the officers: per volunteer and request */
  handRaised: { max: 1, timeWindow: 24 * hour },
  /** "match withdrawn" to the officers: per volunteer and request */
  matchWithdrawn: { max: 1, timeWindow: 24 * hour },
  /** invitations (new or resent): per inviter and invited address */
  invitation: { max: 3, timeWindow: 24 * hour },
} as const satisfies Record<string, { max: number; timeWindow: number }>;

export type ThrottledMail = keyof typeof mailThrottles;

/** Counts one mail of this kind for this actor and subject; false once the allowance is used up. */
export async function mayMail(db: Database, kind: ThrottledMail, actorId: string, subject: string): Promise<boolean> {
  const limit = mailThrottles[kind];
  const state = await hitCounter(db, counterKey(`mail:${kind}`, `${actorId}\n${subject}`), { ms: limit.timeWindow });
  return state.hits <= limit.max;
}
