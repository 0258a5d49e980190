import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
  (t) => [index('associations_municipality_idx').on(t.municipalityCode)],
);
