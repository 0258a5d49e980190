import { sql, type SQL } from 'drizzle-orm';

/**
 * The database's `now()` moved by `ms` (negative: earlier), for expiries and windows. Their
 * moment is always the database's, never this machine's clock (docs/architecture.md "Time").
 */
export function databaseNowPlus(ms: number): SQL {
  return sql`now() + make_interval(secs => ${ms / 1000}::double precision)`;
}
