import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { setTimeout as sleep } from 'node:timers/promises';

/** Where the process is in its life: readiness (modules/health) answers 503 while it drains. */
export interface Lifecycle {
  draining: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    lifecycle: Lifecycle;
  }
}

export default fp(
  async (app: FastifyInstance) => {
    app.decorate('lifecycle', { draining: false });
  },
  { name: 'lifecycle' },
);

/**
 * Graceful shutdown (server/src/main.ts on SIGTERM): readiness turns "draining" (503) at once and
 * the server keeps answering for `delayMs`, so a load balancer that polls readiness stops sending
 * first; then it stops listening, finishes the requests in flight (a request arriving on a kept-alive
 * connection meanwhile gets 503, which nginx retries elsewhere), lets the job workers finish the job
 * in hand (jobs/queue.ts) and closes the database.
 */
export async function drainAndClose(app: FastifyInstance, delayMs: number): Promise<void> {
  app.lifecycle.draining = true;
  app.log.info({ delayMs }, 'draining: readiness answers 503');
  if (delayMs > 0) await sleep(delayMs);
  await app.close();
}
