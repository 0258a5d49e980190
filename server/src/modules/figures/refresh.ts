import type { Database } from '@board/db';
import type { FastifyInstance } from 'fastify';
import { systemContext } from '../../services/context.ts';
import { figuresRepository } from './repository.ts';

/** How often the rollups are recomputed (a cron schedule on the job queue, UTC): every hour. */
export const refreshSchedule = '17 * * * *';

/** Recomputes every monthly rollup in one transaction (readers see the old rows until it commits). */
export async function refreshFigures(app: FastifyInstance): Promise<void> {
  const ctx = systemContext(app);
  await ctx.door.asSystem('refresh the monthly figures', (tx: Database) => figuresRepository(tx).refresh());
}

/**
 * The refresh as a scheduled job on the durable queue (like the expiry sweep): one instance
 * works each tick; each instance queues one as it starts. Tests call refreshFigures directly.
 */
export function scheduleFiguresRefresh(app: FastifyInstance): void {
  app.jobs.work('refresh-figures', async () => {
    const started = Date.now();
    await refreshFigures(app);
    app.log.info({ ms: Date.now() - started }, 'refreshed the monthly figures');
  });
  if (app.config.env === 'test' || !app.config.jobWorkers) return;
  app.jobs.schedule('refresh-figures', refreshSchedule);
  app.addHook('onReady', async () => app.jobs.enqueue('refresh-figures', [{}]));
}
