import type { TestApp } from '../kit/index.ts';
import { sql } from 'drizzle-orm';

/**
 * Tables a refused (4xx) request may legitimately change, each with its reason. Every other table
 * must be byte-for-byte the same after a 4xx as before it.
 */
export const tablesRefusalsMayChange: Record<string, string> = {
  refresh_tokens: 'a replayed or stale refresh token is refused and, by design, ends its whole session family',
  rate_limit_counters: 'every attempt counts toward a limit, refused or not (being added by the auth work)',
};

/** Row count and a hash of every row, per table of the public schema (owner's view: no row-level security). */
export type Fingerprint = Record<string, string>;

/** Rows of `db.execute`: postgres.js answers an array, PGlite an object with `rows`. */
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

async function watchedTables(t: TestApp): Promise<string[]> {
  const rows = rowsOf<{ name: string }>(
    await t.database.handle.db.execute(
      sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
    ),
  );
  return rows.map((r) => r.name).filter((name) => !(name in tablesRefusalsMayChange));
}

/** One statement that fingerprints every watched table. */
export async function fingerprinter(t: TestApp): Promise<() => Promise<Fingerprint>> {
  const tables = await watchedTables(t);
  const parts = tables.map(
    (name) =>
      `select '${name}' as name, count(*)::text || ':' || coalesce(md5(string_agg(x::text, '|' order by x::text)), '') as print from public."${name}" x`,
  );
  const statement = sql.raw(parts.join(' union all '));
  return async () => {
    const rows = rowsOf<{ name: string; print: string }>(await t.database.handle.db.execute(statement));
    return Object.fromEntries(rows.map((r) => [r.name, r.print]));
  };
}

/** The tables whose fingerprint differs. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  return Object.keys(after).filter((name) => before[name] !== after[name]);
}
