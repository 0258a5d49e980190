import type { Database } from '@board/db';
import type { FastifyInstance } from 'fastify';
import { systemContext } from '../../services/context.ts';
import { scheduleJob } from '../../jobs/scheduled.ts';
import { figuresRepository } from './repository.ts';

/** How often the rollups are recomputed (a cron schedule on the job queue, UTC): every hour. */
export const refreshSchedule = '17 * * * *';

/**
 * Recomputes the monthly rollups of the months written since the last refresh (every month the
 * first time, or with `everything`) in one transaction (readers see the old rows until it
 * commits). Returns the months recomputed ('all', or how many).
 */
export async function refreshFigures(app: FastifyInstance, everything = false): Promise<number | 'all'> {
  const ctx = systemContext(app);
  return ctx.door.asSystem('refresh the monthly figures', (tx: Database) => figuresRepository(tx).refresh(everything));
}

/**
 * The refresh as a scheduled job on the durable queue (jobs/scheduled.ts), like the expiry sweep;
 * each instance queues one as it starts. Tests call refreshFigures directly.
 */
export function scheduleFiguresRefresh(app: FastifyInstance): void {
  scheduleJob(
    app,
    'refresh-figures',
    refreshSchedule,
    async () => {
      const started = Date.now();
      const months = await refreshFigures(app);
      app.log.info({ ms: Date.now() - started, months }, 'refreshed the monthly figures');
    },
    { atStart: true },
  );
}
