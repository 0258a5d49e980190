import { index, integer, pgPolicy, pgTable, text } from 'drizzle-orm/pg-core';
import { at } from './columns.ts';
import { systemOnly } from './access.ts';

/**
 * Counters behind every rate limit and mail throttle (server/src/limits), shared by all server
 * instances. System-only: the one policy admits system access only, so no request's transaction
 * can read or change them; the server counts in a transaction of its own with system access
 * (server/src/limits/counters.ts). Keys hash the email or address they count
 * (see counters.ts), so the table holds no contact details.
 */
export const rateLimitCounters = pgTable(
  'rate_limit_counters',
  {
    key: text('key').primaryKey(),
    hits: integer('hits').notNull(),
    /** the counter starts again from zero after this (expired rows are swept) */
    windowEndsAt: at('window_ends_at').notNull(),
    lastHitAt: at('last_hit_at').notNull().defaultNow(),
  },
  (t) => [
    index('rate_limit_counters_window_idx').on(t.windowEndsAt),
    pgPolicy('rate_limit_counters_system', systemOnly),
  ],
);
