import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Counters behind every rate limit and mail throttle (server/src/limits), shared by all server
 * instances. System-only: row-level security is on with no policy and board_app has no grant,
 * so no request's transaction can read or change them; the server updates them on its own
 * connection, outside any actor's access. Keys hash the email or address they count
 * (see counters.ts), so the table holds no contact details.
 */
export const rateLimitCounters = pgTable(
  'rate_limit_counters',
  {
    key: text('key').primaryKey(),
    hits: integer('hits').notNull(),
    /** the counter starts again from zero after this (expired rows are swept) */
    windowEndsAt: timestamp('window_ends_at', { withTimezone: true }).notNull(),
    lastHitAt: timestamp('last_hit_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rate_limit_counters_window_idx').on(t.windowEndsAt)],
).enableRLS();
