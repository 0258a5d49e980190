import type { Database } from '@board/db';
import { jobQueueConnection, type JobQueueName } from '@board/db/job-queue';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { fromDrizzle, PgBoss, type Job } from 'pg-boss';
import type { AppConfig } from '../config.ts';

/**
 * The board's durable job queue (pg-boss in the `pgboss` schema, db/src/job-queue.ts): every mail
 * and every timer is a job in PostgreSQL, so it survives a crash and each job is done by one
 * instance. Workers run in every app process unless JOB_WORKERS=0.
 */
export interface JobQueue {
  /**
   * Queues one job per item. With `within`, the jobs are rows of that transaction: they exist
   * only if it commits (the transactional outbox). Without, they are queued on their own at once.
   */
  enqueue(queue: JobQueueName, items: object[], within?: Database): Promise<void>;
  /**
   * The handler of a queue's jobs, one job at a time. A throw fails this try; the job comes back
   * later with the queue's backoff and, past its retries, stays `failed` (kept, visible).
   */
  work<T extends object>(queue: JobQueueName, handler: (data: T, job: Job<T>) => Promise<void>): void;
  /** Sends a job to `queue` on this cron schedule (in `tz`, UTC unless said); each tick is sent, and done, once across all instances. */
  schedule(queue: JobQueueName, cron: string, tz?: string): void;
  /** pg-boss itself, for tests and the failed-deliveries reader */
  readonly boss: PgBoss;
}

declare module 'fastify' {
  interface FastifyInstance {
    jobs: JobQueue;
  }
}

/** Jobs fetched at once by a worker (then done one after the other). */
const batchSize = 10;

/** How long stopping waits for the job in hand (a mail being handed to the mail server). */
const stopTimeoutMs = 5_000;

export default fp(
  async (app: FastifyInstance, opts: { config: AppConfig }) => {
    const working = opts.config.jobWorkers;
    const boss = new PgBoss({
      ...jobQueueConnection(app.database),
      // the schema belongs to the migration owner (installJobQueue); the app's login only uses it
      migrate: false,
      createSchema: false,
      supervise: working,
      schedule: working,
      reindex: false,
      monitorVacuum: false,
      useListenNotify: true,
    });
    boss.on('error', (err) => app.log.error({ err }, 'job queue error'));
    await boss.start();

    const handlers: (() => Promise<unknown>)[] = [];
    const jobs: JobQueue = {
      boss,
      async enqueue(queue, items, within) {
        if (items.length === 0) return;
        const db = within ? fromDrizzle(within as never, sql) : undefined;
        await boss.insert(
          queue,
          items.map((data) => ({ data })),
          { db },
        );
      },
      work(queue, handler) {
        // a batch per fetch, each job settled on its own: one refused mail does not hold back the rest
        const options = { batchSize, burstWhenBatchFull: true, pollingIntervalSeconds: 1 };
        handlers.push(() =>
          boss.work<object>(queue, options, async (batch) => {
            for (const job of batch) {
              try {
                await handler(job.data as never, job as never);
              } catch (err) {
                const error = err instanceof Error ? { message: err.message } : { message: String(err) };
                await boss.fail(queue, job, error);
              }
            }
            // the rest complete together (a failed job is no longer active, so it stays failed)
          }),
        );
      },
      schedule(queue, cron, tz = 'UTC') {
        handlers.push(() => boss.schedule(queue, cron, null, { tz }));
      },
    };
    app.decorate('jobs', jobs);
    app.addHook('onReady', async () => {
      if (!working) return;
      for (const start of handlers) await start();
    });
    app.addHook('onClose', async () => boss.stop({ graceful: true, timeout: stopTimeoutMs }));
  },
  { name: 'jobs', dependencies: ['database'] },
);
