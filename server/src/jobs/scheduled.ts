import type { JobQueueName } from '@board/db/job-queue';
import type { FastifyInstance } from 'fastify';

/** A cron schedule, in UTC or in the time zone it names. */
export type JobSchedule = string | { cron: string; tz: string };

/**
 * A timer on the durable queue: `work` handles each of the queue's jobs, one instance a tick, and
 * the schedule sends one job per tick (a tick missed while no server ran is caught up by the next).
 * Not scheduled in tests, which call the work directly with their own clock, nor where
 * JOB_WORKERS=0. `atStart`: each instance also queues one as it comes up, for what fell due while
 * none ran.
 */
export function scheduleJob(
  app: FastifyInstance,
  queue: JobQueueName,
  schedule: JobSchedule,
  work: () => Promise<unknown>,
  options: { atStart?: boolean } = {},
): void {
  app.jobs.work(queue, async () => {
    await work();
  });
  if (app.config.env === 'test' || !app.config.jobWorkers) return;
  if (typeof schedule === 'string') app.jobs.schedule(queue, schedule);
  else app.jobs.schedule(queue, schedule.cron, schedule.tz);
  if (options.atStart) app.addHook('onReady', async () => app.jobs.enqueue(queue, [{}]));
}
