import { sql } from 'drizzle-orm';
import { integer, text, timestamp, uuid, type ReferenceConfig } from 'drizzle-orm/pg-core';

/** Columns every table writes the same way. */

/** The row's key: a random UUID. */
export const id = () => uuid('id').primaryKey().defaultRandom();

/** A moment, always with its time zone. */
export const at = (name: string) => timestamp(name, { withTimezone: true });

/** When the row was written. */
export const createdAt = () => at('created_at').notNull().defaultNow();

type Target = ReferenceConfig['ref'];

/** A link every row has to another table's uuid key, e.g. `requiredLink('user_id', () => users.id)`. */
export const requiredLink = (name: string, target: Target, actions?: ReferenceConfig['actions']) =>
  uuid(name).notNull().references(target, actions);

/** A list of texts, never null: empty when there is nothing in it. */
export const textList = (name: string) =>
  text(name)
    .array()
    .notNull()
    .default(sql`'{}'::text[]`);

/** A list of whole numbers, never null: empty when there is nothing in it. */
export const integerList = (name: string) =>
  integer(name)
    .array()
    .notNull()
    .default(sql`'{}'::integer[]`);

/** The municipality (tenant) every row belongs to. */
export const requiredMunicipality = (target: Target) => text('municipality_code').notNull().references(target);

/**
 * For GIN indexes that are read on every board or suggestion query and written on many updates:
 * new entries wait in a pending list that every search scans in full until it is merged. At
 * PostgreSQL's default (4 MB) a busy hour of writes made suggestions 4× slower until the next
 * vacuum; 128 kB keeps that scan short and still merges entries in batches (docs/benchmarks.md).
 */
export const ginPendingListLimit = { gin_pending_list_limit: 128 };
