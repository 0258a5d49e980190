import { jobSchema, rowsOf, type Database } from '@board/db';
import { sql } from 'drizzle-orm';

/** A mail job that failed for good, as the queue keeps it. */
export interface FailedMailRow {
  id: string;
  failed_at: Date | string;
  queued_at: Date | string;
  to: string | null;
  subject: string | null;
  error: string | null;
  tries: number;
  municipality_code: string | null;
}

/**
 * Reads of the job queue's mail jobs (db/src/job-queue.ts). The queue's tables have no row-level
 * security, so the scope is the WHERE given here: 'any', or the municipalities the reader may see.
 */
export function deliveryRepository(tx: Database) {
  return {
    /** Mail jobs that stay `failed` after every retry, newest first, at most `limit`. */
    async failedMail(scope: 'any' | string[], limit: number): Promise<FailedMailRow[]> {
      const within = scope === 'any' ? sql`true` : sql`data->>'municipalityCode' = any(${sql.param(scope)}::text[])`;
      const result: unknown = await tx.execute(sql`
        select id::text, completed_on as failed_at, created_on as queued_at, data->>'to' as to,
               data->>'subject' as subject, coalesce(output->>'message', output->'value'->>'message') as error,
               retry_count + 1 as tries, data->>'municipalityCode' as municipality_code
        from ${sql.raw(jobSchema)}.job
        where name = 'mail' and state = 'failed' and ${within}
        order by completed_on desc, id
        limit ${limit}`);
      return rowsOf<FailedMailRow>(result);
    },
  };
}
