import { jobSchema, rowsOf } from '@board/db';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';

/**
 * Waits until the app's job queue has no job due or in hand (mail queued by a request has been
 * handed to the mailer). Jobs waiting for a later retry do not count. The workers are the app's
 * own, woken by LISTEN/NOTIFY, so this is usually one or two short polls.
 */
export async function queuedWorkDone(app: FastifyInstance, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result: unknown = await app.db.execute(
      sql.raw(
        `select count(*)::int as due from ${jobSchema}.job where state in ('created', 'retry', 'active') and start_after <= now()`,
      ),
    );
    const [row] = rowsOf<{ due: number }>(result);
    if (!row?.due) return;
    if (Date.now() > deadline) throw new Error(`the job queue still has ${row.due} job(s) due after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
