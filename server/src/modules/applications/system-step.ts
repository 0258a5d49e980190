import type { Database } from '@board/db';
import { sql } from 'drizzle-orm';

/**
 * Runs `work` with system rights INSIDE the actor's own transaction (`request.withAccess`), for
 * the few statements row-level security rightly refuses the actor but the domain does for them,
 * atomically with the actor's own change:
 * - a matched volunteer withdraws: the request's matched count goes down (volunteers cannot
 *   update `help_requests`);
 * - the volunteer's confirmation is the last one: the request completes (same);
 * - counts over other people's rows (a volunteer's completed helps for their public profile)
 *   and the officers of an association (role assignments are private), to reveal a contact
 *   or address a mail to the matched counterpart;
 * - the summary of a request a volunteer applied to after it left the public board.
 * Every statement inside must name the rows it is about: policies do not filter here.
 *
 * The setting is transaction-local and set back to what it was before returning. When `work` throws
 * the transaction is rolled back by the caller (`withAccess`), so the flag ends with it.
 */
export async function systemStep<T>(tx: Database, work: () => Promise<T>): Promise<T> {
  const result: unknown = await tx.execute(sql`select coalesce(current_setting('app.system', true), 'off') as was`);
  // postgres.js answers with the rows, PGlite with { rows }
  const [before] = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { was: string }[];
  await tx.execute(sql`select set_config('app.system', 'on', true)`);
  const done = await work();
  // back to what it was: a step inside system work (token tables, 0009) leaves it system work
  await tx.execute(sql`select set_config('app.system', ${before?.was === 'on' ? 'on' : 'off'}, true)`);
  return done;
}
