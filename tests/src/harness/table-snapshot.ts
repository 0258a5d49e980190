import { rowsOf, type DatabaseHandle } from '@board/db';
import { sql } from 'drizzle-orm';

/** Every table of the database (any schema but PostgreSQL's own): its row count and a digest of its rows. */
export type TableSnapshot = Record<string, { rows: number; digest: string }>;

/**
 * Counts and digests every table, as the handle's role sees it (the migration owner, a superuser
 * in tests: no row-level policy hides a row). Two snapshots are equal when every row came back.
 */
export async function tableSnapshot(handle: DatabaseHandle): Promise<TableSnapshot> {
  const tables = rowsOf<{ name: string }>(
    await handle.db.execute(sql`
      select format('%I.%I', schemaname, tablename) as name from pg_tables
      where schemaname not in ('pg_catalog', 'information_schema') and schemaname not like 'pg\\_%'
      order by 1`),
  );
  const snapshot: TableSnapshot = {};
  for (const { name } of tables) {
    const [row] = rowsOf<{ rows: number; digest: string | null }>(
      await handle.db.execute(
        sql.raw(
          `select count(*)::int as rows, md5(string_agg(t::text, '|' order by t::text)) as digest from ${name} t`,
        ),
      ),
    );
    snapshot[name] = { rows: row!.rows, digest: row!.digest ?? '' };
  }
  return snapshot;
}
