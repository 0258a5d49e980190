import { sql } from 'drizzle-orm';
import { index, integer, pgPolicy, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { anyOf, boardApp, isSystem, staffOf } from './access.ts';
import { municipalities } from './municipalities.ts';

/** 町会・自治会 */
export const associations = pgTable(
  'associations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    name: text('name').notNull(),
    /** covered area, e.g. 千住一丁目〜三丁目 */
    area: text('area').notNull().default(''),
    households: integer('households'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('associations_municipality_idx').on(t.municipalityCode),
    // one association of a name per municipality (a double submit registers one)
    uniqueIndex('associations_name_idx').on(t.municipalityCode, t.name),
    // an association's name and area are public (shown beside its requests on the board)
    pgPolicy('associations_read', { for: 'select', to: boardApp, using: sql`true` }),
    pgPolicy('associations_write', {
      for: 'all',
      to: boardApp,
      using: anyOf(isSystem, staffOf(t.municipalityCode)),
      withCheck: anyOf(isSystem, staffOf(t.municipalityCode)),
    }),
  ],
);
