import { municipalityKinds, municipalityStatuses } from '@board/shared';
import { sql } from 'drizzle-orm';
import { boolean, jsonb, pgEnum, pgTable, text } from 'drizzle-orm/pg-core';
import { at, createdAt } from './columns.ts';

export const municipalityKind = pgEnum('municipality_kind', municipalityKinds);
export const municipalityStatus = pgEnum('municipality_status', municipalityStatuses);

export interface MunicipalitySettings {
  /** enabled category keys; empty means all */
  enabledCategories?: string[];
  contactDesk?: string;
  /** categories where staff do not allow "first come" (先着順) requests; absent means none */
  firstComeDisallowed?: string[];
}

/** A tenant: one of Tokyo's 62 区市町村. */
export const municipalities = pgTable('municipalities', {
  code: text('code').primaryKey(),
  nameJa: text('name_ja').notNull(),
  nameKana: text('name_kana').notNull(),
  nameEn: text('name_en').notNull(),
  kind: municipalityKind('kind').notNull(),
  status: municipalityStatus('status').notNull().default('onboarding'),
  moderationRequired: boolean('moderation_required').notNull().default(true),
  settings: jsonb('settings')
    .$type<MunicipalitySettings>()
    .notNull()
    .default(sql`'{}'::jsonb`),
  createdAt: createdAt(),
  updatedAt: at('updated_at').notNull().defaultNow(),
});
