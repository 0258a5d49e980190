import type { Database } from '@board/db';
import type { FastifyInstance } from 'fastify';
import { counterKey, hitCounter, readCounter, sweepExpiredCounters } from './counters.ts';

/** What @fastify/rate-limit passes a store (its declared types say RouteOptions; at run time it is the merged limit with routeInfo). */
type LimitParams = object & { routeInfo?: { url?: string } };

type Callback = (err: Error | null, result?: { current: number; ttl: number }) => void;

function answer(promise: Promise<{ current: number; ttl: number }>, cb: Callback) {
  promise.then(
    (result) => cb(null, result),
    (err: unknown) => cb(err instanceof Error ? err : new Error(String(err))),
  );
}

/**
 * @fastify/rate-limit's store interface over the shared counters table, so every server
 * instance counts against one quota. Each route gets its own namespace (its URL), so two routes
 * with the same limit still count separately.
 */
export function postgresRateLimitStore(db: Database) {
  return class PostgresRateLimitStore {
    readonly namespace: string;

    constructor(options: object = {}) {
      this.namespace = `route:${(options as LimitParams).routeInfo?.url ?? 'global'}`;
    }

    incr(key: string, cb: Callback, timeWindow: number) {
      answer(
        hitCounter(db, counterKey(this.namespace, key), { ms: timeWindow }).then((state) => ({
          current: state.hits,
          ttl: Math.max(0, state.windowEndsAt.getTime() - state.lastHitAt.getTime()),
        })),
        cb,
      );
    }

    read(key: string, cb: Callback) {
      answer(
        readCounter(db, counterKey(this.namespace, key)).then((state) =>
          state
            ? { current: state.hits, ttl: state.windowEndsAt.getTime() - state.readAt.getTime() }
            : { current: 0, ttl: 0 },
        ),
        cb,
      );
    }

    child(routeOptions: object) {
      return new PostgresRateLimitStore(routeOptions);
    }
  };
}

/** How often each instance deletes counters whose window has ended. */
export const counterSweepIntervalMs = 10 * 60_000;

export function sweepCountersRegularly(app: FastifyInstance): void {
  const timer = setInterval(() => {
    sweepExpiredCounters(app.db).catch((err: unknown) => app.log.error({ err }, 'rate-limit counter sweep failed'));
  }, counterSweepIntervalMs);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}
