import { sql } from 'drizzle-orm';
import { fromPglite, PgBoss, type ConstructorOptions, type Queue } from 'pg-boss';
import { appRole } from './app-connection.ts';
import type { DatabaseHandle } from './client.ts';

/** The PostgreSQL schema the job queue (pg-boss) keeps its tables in, beside `public`. */
export const jobSchema = 'pgboss';

const minute = 60;
const day = 24 * 60 * minute;

/**
 * Every queue of the board and how its jobs are retried. The owner creates them at migration (a
 * queue is a table partition; the app's login owns nothing and cannot create one), so a new queue
 * is a line here and takes effect at the next start. Names: kebab-case, what the job does.
 */
export const jobQueues = {
  /**
   * One composed mail to one address. Retried with backoff (about 30 s, 1, 2, 4 … minutes, at most
   * an hour apart; 8 tries, about 4 hours) while the mail server refuses; then it stays `failed` and
   * staff see it (listFailedDeliveries). Kept 14 days after it settled, then deleted.
   */
  mail: {
    retryLimit: 8,
    retryDelay: 30,
    retryBackoff: true,
    retryDelayMax: 60 * minute,
    expireInSeconds: 2 * minute,
    deleteAfterSeconds: 14 * day,
    notify: true,
  },
  /** The expiry sweep (help-requests/expiry.ts), sent by the schedule every five minutes; a missed one is caught up by the next. */
  'expire-requests': { retryLimit: 0, expireInSeconds: 10 * minute, deleteAfterSeconds: day },
  /** The digests of one period ({ cadence: 'daily' | 'weekly' }), sent by their schedules; a digest row per person, kind and period keeps a rerun from sending twice. */
  'mail-digests': { retryLimit: 2, retryDelay: 60, expireInSeconds: 10 * minute, deleteAfterSeconds: 7 * day },
  /** The check for requests waiting more than 2 days for review (notifications/review-overdue.ts), daily. */
  'review-overdue': { retryLimit: 2, retryDelay: 60, expireInSeconds: 10 * minute, deleteAfterSeconds: 7 * day },
  /** The figures' monthly rollups recomputed (figures/refresh.ts), every hour by the schedule; the next tick retries. */
  'refresh-figures': { retryLimit: 0, expireInSeconds: 30 * minute, deleteAfterSeconds: day },
  /** The day-before reminders of matched work (calendar/reminders.ts), sent daily by the schedule; each match is told once. */
  'work-reminders': {
    retryLimit: 2,
    retryDelay: 5 * minute,
    expireInSeconds: 10 * minute,
    deleteAfterSeconds: 7 * day,
  },
  /** Officers of requests with no hands for 3 days (calendar/reminders.ts), sent daily; each request once. */
  'no-hands-reminders': {
    retryLimit: 2,
    retryDelay: 5 * minute,
    expireInSeconds: 10 * minute,
    deleteAfterSeconds: 7 * day,
  },
} as const satisfies Record<string, Omit<Queue, 'name'>>;

export type JobQueueName = keyof typeof jobQueues;

/** pg-boss's connection options for a handle: its own small pool on the handle's URL, or PGlite's connection. */
export function jobQueueConnection(handle: DatabaseHandle): ConstructorOptions {
  const target = handle.queueConnection;
  return 'url' in target
    ? { connectionString: target.url, schema: jobSchema, max: 3, application_name: 'machi-udekiki-jobs' }
    : { db: fromPglite(target.pglite), backend: 'pglite', schema: jobSchema };
}

/**
 * Installs or upgrades the job queue's schema and queues as the migration owner, then lets the
 * app's login use them (rows only; the app never changes the queue's shape). Safe at every start.
 */
export async function installJobQueue(owner: DatabaseHandle): Promise<void> {
  const boss = new PgBoss({
    ...jobQueueConnection(owner),
    migrate: true,
    createSchema: true,
    supervise: false,
    schedule: false,
    registerInstance: false,
  });
  boss.on('error', () => {});
  await boss.start();
  try {
    for (const [name, options] of Object.entries(jobQueues)) {
      if (await boss.getQueue(name)) await boss.updateQueue(name, options);
      else await boss.createQueue(name, options);
    }
  } finally {
    await boss.stop({ graceful: false, close: true });
  }
  for (const grant of [
    `grant usage on schema ${jobSchema} to ${appRole}`,
    `grant select, insert, update, delete on all tables in schema ${jobSchema} to ${appRole}`,
    `grant usage, select on all sequences in schema ${jobSchema} to ${appRole}`,
    `grant execute on all functions in schema ${jobSchema} to ${appRole}`,
  ])
    await owner.db.execute(sql.raw(grant));
}
