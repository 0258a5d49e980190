import { text, timestamp, uuid, type ReferenceConfig } from 'drizzle-orm/pg-core';

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

/** The municipality (tenant) every row belongs to. */
export const requiredMunicipality = (target: Target) => text('municipality_code').notNull().references(target);
