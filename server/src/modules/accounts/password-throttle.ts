import type { Language } from '@board/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { publicLink, webPages } from '../../links/public-links.ts';
import { mailContextOf, sendMail } from '../../mail/send-mail.ts';
import { passwordAttemptsMail } from '../../mail/security-mails.ts';
import { clearCounter, counterKey, hitCounter, readCounter } from '../../limits/counters.ts';
import { refuse } from '../auth/rate-limits.ts';

const minute = 60_000;
const hour = 60 * minute;

/**
 * Wrong passwords slow down the one who types them instead of locking the account: strangers
 * must not be able to lock an officer out before a deadline. Sign-in by emailed link ignores
 * all of this.
 */
export const passwordThrottle = {
  /** wrong passwords one address may type for one account before it has to wait */
  freeFailuresPerPair: 5,
  /** the first wait; it doubles with each further failure, up to longestWaitMs */
  firstWaitMs: 15_000,
  longestWaitMs: 15 * minute,
  /** a pair's count is forgotten this long after its last failure */
  pairMemoryMs: hour,
  /** all addresses together, against guessing spread over many addresses */
  accountCeiling: { max: 100, timeWindow: hour },
  /** the owner is told once the account has this many failures in the ceiling's window (at most one mail in 6 hours: mailThrottles.passwordAttempts) */
  noticeAfterFailures: 5,
} as const;

/** How long a pair with this many failures must wait after its last one. */
export function waitAfter(failures: number): number {
  const t = passwordThrottle;
  if (failures < t.freeFailuresPerPair) return 0;
  return Math.min(t.longestWaitMs, t.firstWaitMs * 2 ** (failures - t.freeFailuresPerPair));
}

export interface AccountOwner {
  email: string;
  displayName: string;
  language: Language;
}

/** Guards one password check: refuses while a wait runs, counts a failure, forgets on success. */
export interface PasswordGuard {
  before(email: string): Promise<void>;
  /** `owner`: the account the email belongs to, if any (they are told of repeated failures) */
  failed(email: string, owner: AccountOwner | null): Promise<void>;
  succeeded(email: string): Promise<void>;
}

/** The guard for password checks made by this request (sign-in, password/email change, account deletion). */
export function passwordGuard(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply): PasswordGuard {
  const db = app.db;
  const pairKey = (email: string) => counterKey('password:pair', `${email}\n${request.clientAddress}`);
  const accountKey = (email: string) => counterKey('password:account', email);

  async function tellOwner(owner: AccountOwner) {
    await sendMail(mailContextOf(app), {
      template: passwordAttemptsMail,
      to: [owner],
      vars: { displayName: owner.displayName, signInUrl: publicLink(app.config, webPages.signIn) },
      throttle: { kind: 'passwordAttempts', per: [owner.email] },
    });
  }

  return {
    async before(email) {
      const pair = await readCounter(db, pairKey(email));
      if (pair) {
        const waitEnds = pair.lastHitAt.getTime() + waitAfter(pair.hits);
        if (waitEnds > pair.readAt.getTime()) refuse(reply, waitEnds - pair.readAt.getTime());
      }
      const account = await readCounter(db, accountKey(email));
      if (account && account.hits >= passwordThrottle.accountCeiling.max) {
        refuse(reply, account.windowEndsAt.getTime() - account.readAt.getTime());
      }
    },

    async failed(email, owner) {
      await hitCounter(db, pairKey(email), { ms: passwordThrottle.pairMemoryMs, sliding: true });
      const account = await hitCounter(db, accountKey(email), { ms: passwordThrottle.accountCeiling.timeWindow });
      if (owner && account.hits >= passwordThrottle.noticeAfterFailures) await tellOwner(owner);
    },

    async succeeded(email) {
      await clearCounter(db, pairKey(email));
    },
  };
}
