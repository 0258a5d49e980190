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
 * The setting is transaction-local and switched off again before returning. When `work` throws
 * the transaction is rolled back by the caller (`withAccess`), so the flag ends with it.
 */
export async function systemStep<T>(tx: Database, work: () => Promise<T>): Promise<T> {
  await tx.execute(sql`select set_config('app.system', 'on', true)`);
  const result = await work();
  await tx.execute(sql`select set_config('app.system', 'off', true)`);
  return result;
}
