import { DomainError } from '@board/shared';
import type {
  CreateRateLimitOptions,
  errorResponseBuilderContext,
  RateLimitOptions,
  RateLimitPluginOptions,
} from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const minute = 60_000;
const hour = 60 * minute;

interface Limit {
  max: number;
  timeWindow: number;
}

/**
 * How often sign-in and emailed links may be asked for. Per IP address (route config, counted
 * before the body is read) and per account (keyed by the normalised email whether or not an
 * account exists, so being limited never tells an account apart from an unknown address).
 */
export const rateLimits = {
  /** every sign-in attempt from one address */
  signInPerIp: { max: 10, timeWindow: minute },
  /** wrong passwords for one account: sign-in, and the current-password check of a signed-in change */
  passwordFailuresPerAccount: { max: 5, timeWindow: 15 * minute },
  /** password-reset requests from one address; sign-in-link requests count separately with the same limit */
  emailLinkPerIp: { max: 20, timeWindow: hour },
  /** password-reset requests for one account; sign-in-link requests count separately with the same limit */
  emailLinkPerAccount: { max: 5, timeWindow: hour },
  /** sign-ups from one address (generous: a smartphone class at the community hall shares one address) */
  signUpPerIp: { max: 50, timeWindow: hour },
  /** sign-ups naming one email: each one mails that address, so this caps mail to a stranger's inbox */
  signUpPerAccount: { max: 5, timeWindow: hour },
  /** email-change requests by one signed-in person (each one mails an address they name) */
  emailChangePerAccount: { max: 5, timeWindow: hour },
} as const satisfies Record<string, Limit>;

/** Distinct emails are cheap to send; keep enough keys that flooding cannot quickly evict someone's counter. */
const accountKeysKept = 100_000;

export function rateLimitedError(retryAfterSeconds: number): DomainError {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return new DomainError(
    'RATE_LIMITED',
    `Too many attempts. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
  );
}

const errorResponseBuilder = (_request: FastifyRequest, context: errorResponseBuilderContext) =>
  rateLimitedError(Math.ceil(context.ttl / 1000));

/** @fastify/rate-limit's registration: limits are opt-in per route, and answer with our error shape. */
export const rateLimitPluginOptions: RateLimitPluginOptions = { global: false, errorResponseBuilder };

/** Route `config` for a per-IP limit: over it, 429 RATE_LIMITED with Retry-After. */
export function perIp(limit: Limit): { rateLimit: RateLimitOptions } {
  return { rateLimit: { max: limit.max, timeWindow: limit.timeWindow, errorResponseBuilder } };
}

type AccountLimiter = 'passwordFailures' | 'signInLinkRequests' | 'resetRequests' | 'signUps' | 'emailChanges';

/** Guards a password check: refuses when the account's failures are used up, counts each failure. */
export interface PasswordGuard {
  before(account: string): Promise<void>;
  failed(account: string): Promise<void>;
}

/**
 * Per-account counters on @fastify/rate-limit's store (`app.createRateLimit`), keyed by what the
 * caller names (a normalised email or a user id) rather than by anything in the request.
 */
export function accountRateLimits(app: FastifyInstance) {
  const keys = new WeakMap<FastifyRequest, string>();
  const make = (limit: Limit, namespace: string) =>
    app.createRateLimit({
      max: limit.max,
      timeWindow: limit.timeWindow,
      keyGenerator: (request) => `${namespace}:${keys.get(request) ?? ''}`,
      // honoured by createRateLimit too, though only RateLimitOptions declares it
      cache: accountKeysKept,
    } satisfies RateLimitOptions as CreateRateLimitOptions);
  const limiters: Record<AccountLimiter, ReturnType<typeof make>> = {
    passwordFailures: make(rateLimits.passwordFailuresPerAccount, 'password'),
    signInLinkRequests: make(rateLimits.emailLinkPerAccount, 'link'),
    resetRequests: make(rateLimits.emailLinkPerAccount, 'reset'),
    signUps: make(rateLimits.signUpPerAccount, 'signup'),
    emailChanges: make(rateLimits.emailChangePerAccount, 'email-change'),
  };

  function refuse(reply: FastifyReply, ttlMs: number): never {
    const seconds = Math.max(1, Math.ceil(ttlMs / 1000));
    reply.header('retry-after', seconds);
    throw rateLimitedError(seconds);
  }

  return {
    /** counts this request against the account and answers 429 once it goes over the allowance */
    async take(request: FastifyRequest, reply: FastifyReply, limiter: AccountLimiter, account: string) {
      keys.set(request, account);
      const state = await limiters[limiter](request);
      if (!state.isAllowed && state.isExceeded) refuse(reply, state.ttl);
    },

    /** wrong-password counting for one request: checked before the password, counted only on failure */
    passwordGuard(request: FastifyRequest, reply: FastifyReply): PasswordGuard {
      return {
        async before(account) {
          keys.set(request, account);
          const state = await limiters.passwordFailures(request, { increment: false });
          if (!state.isAllowed && state.remaining <= 0) refuse(reply, state.ttl);
        },
        async failed(account) {
          keys.set(request, account);
          await limiters.passwordFailures(request);
        },
      };
    },
  };
}
export type AccountRateLimits = ReturnType<typeof accountRateLimits>;
