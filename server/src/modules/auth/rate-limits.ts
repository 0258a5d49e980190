import type { Database } from '@board/db';
import { DomainError } from '@board/shared';
import type { errorResponseBuilderContext, RateLimitOptions, RateLimitPluginOptions } from '@fastify/rate-limit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { counterKey, hitCounter } from '../../limits/counters.ts';
import { postgresRateLimitStore } from '../../limits/store.ts';

const minute = 60_000;
const hour = 60 * minute;

export interface Limit {
  max: number;
  timeWindow: number;
}

/**
 * How often sign-in and emailed links may be asked for. Per client address (route config,
 * counted before the body is read) and per account (keyed by the normalised email whether or
 * not an account exists, so being limited never tells an account apart from an unknown
 * address). Wrong passwords are throttled separately (password-throttle.ts). Counters live in
 * PostgreSQL (limits/counters.ts), shared by every server instance.
 */
export const rateLimits = {
  /** every sign-in attempt from one address */
  signInPerIp: { max: 10, timeWindow: minute },
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

export function rateLimitedError(retryAfterSeconds: number): DomainError {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return new DomainError(
    'RATE_LIMITED',
    `Too many attempts. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
  );
}

/** Answers 429 RATE_LIMITED with Retry-After. */
export function refuse(reply: FastifyReply, waitMs: number): never {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  reply.header('retry-after', seconds);
  throw rateLimitedError(seconds);
}

const errorResponseBuilder = (_request: FastifyRequest, context: errorResponseBuilderContext) =>
  rateLimitedError(Math.ceil(context.ttl / 1000));

/**
 * @fastify/rate-limit's registration: limits are opt-in per route, keyed by the client address
 * (plugins/app/client-address.ts), counted in PostgreSQL, and answer with our error shape.
 */
export function rateLimitPluginOptions(db: Database): RateLimitPluginOptions {
  return {
    global: false,
    errorResponseBuilder,
    keyGenerator: (request) => request.clientAddress,
    store: postgresRateLimitStore(db),
  };
}

/** Route `config` for a per-address limit: over it, 429 RATE_LIMITED with Retry-After. */
export function perIp(limit: Limit): { rateLimit: RateLimitOptions } {
  return { rateLimit: { max: limit.max, timeWindow: limit.timeWindow, errorResponseBuilder } };
}

const accountLimits = {
  signInLinkRequests: rateLimits.emailLinkPerAccount,
  resetRequests: rateLimits.emailLinkPerAccount,
  signUps: rateLimits.signUpPerAccount,
  emailChanges: rateLimits.emailChangePerAccount,
} satisfies Record<string, Limit>;
export type AccountLimiter = keyof typeof accountLimits;

/** Per-account counters, keyed by what the caller names (a normalised email or a user id). */
export function accountRateLimits(db: Database) {
  return {
    /** counts this request against the account and answers 429 once it goes over the allowance */
    async take(reply: FastifyReply, limiter: AccountLimiter, account: string) {
      const limit = accountLimits[limiter];
      const state = await hitCounter(db, counterKey(`account:${limiter}`, account), { ms: limit.timeWindow });
      if (state.hits > limit.max) refuse(reply, state.windowEndsAt.getTime() - state.lastHitAt.getTime());
    },
  };
}
export type AccountRateLimits = ReturnType<typeof accountRateLimits>;
