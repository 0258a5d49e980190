import type { RubyText } from '@board/shared';
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgPolicy, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, requiredMunicipality } from './columns.ts';
import { anyOf, isSystem, policyFor, staffOf } from './access.ts';
import { municipalities } from './municipalities.ts';

/** 町会・自治会 */
export const associations = pgTable(
  'associations',
  {
    id: id(),
    municipalityCode: requiredMunicipality(() => municipalities.code),
    name: text('name').notNull(),
    /** readings over the name's kanji (furigana, issue 13), made when written; null: none or not made yet */
    nameRuby: jsonb('name_ruby').$type<RubyText>(),
    /** covered area, e.g. 千住一丁目〜三丁目 */
    area: text('area').notNull().default(''),
    households: integer('households'),
    createdAt: createdAt(),
  },
  (t) => [
    index('associations_municipality_idx').on(t.municipalityCode),
    // one association of a name per municipality (a double submit registers one)
    uniqueIndex('associations_name_idx').on(t.municipalityCode, t.name),
    // an association's name and area are public (shown beside its requests on the board)
    pgPolicy('associations_read', policyFor('select', sql`true`)),
    pgPolicy('associations_write', policyFor('all', anyOf(isSystem, staffOf(t.municipalityCode)))),
  ],
);
