import type { Database } from '@board/db';
import { sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';

/** A PostgreSQL regular expression for a CJK ideograph (漢字), the same on both engines. */
export const hasKanji = '[一-鿿々]';

/**
 * Rows whose one text has kanji but no readings (furigana) yet, oldest id first: stored before
 * readings were made for it. A kana-only text keeps a null ruby for good, so it is never picked
 * again.
 */
export function textsWithoutReadings(
  tx: Database,
  where: {
    table: PgTable;
    id: AnyPgColumn<{ data: string; notNull: true }>;
    text: AnyPgColumn<{ data: string; notNull: true }>;
    ruby: AnyPgColumn;
  },
  limit: number,
): Promise<{ id: string; text: string }[]> {
  const { table, id, text, ruby } = where;
  return tx
    .select({ id, text })
    .from(table)
    .where(sql`${ruby} is null and ${text} ~ ${hasKanji}`)
    .orderBy(id)
    .limit(limit);
}
