import { sql } from 'drizzle-orm';
import { skillLevels } from '@board/shared';
import {
  type AnyPgColumn,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgPolicy,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, ginPendingListLimit, textList } from './columns.ts';
import { anyOf, isCurrentUser, isFoundation, isSystem, policyFor } from './access.ts';
import { appliedToReader } from './people-access.ts';
import { users } from './users.ts';

/**
 * The keys a suggestable volunteer is found by (SQL function `volunteer_match_keys`, migration
 * 0037; server/src/modules/matching/keys.ts builds the keys a request asks for).
 */
export function volunteerMatchKeys(t: {
  skillKeys: AnyPgColumn;
  municipalityCodes: AnyPgColumn;
  onlineOk: AnyPgColumn;
}) {
  return sql`volunteer_match_keys(${t.skillKeys}, ${t.municipalityCodes}, ${t.onlineOk})`;
}

/** What a volunteer (腕きき) shows: skills, where and when they help, languages. Contact details stay private. */
export const volunteerProfiles = pgTable(
  'volunteer_profiles',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** category keys the volunteer is drawn to (was `skills` before the skills vocabulary, issue 10) */
    interestCategories: textList('interest_categories'),
    /** municipality codes they will help in */
    municipalityCodes: textList('municipality_codes'),
    /** a free note on when they can help; the structured part is `availabilitySlots` */
    availability: text('availability').notNull().default(''),
    /** weekday × part of the day they are usually free (shared `AvailabilitySlot`, "sat-morning") */
    availabilitySlots: textList('availability_slots'),
    /** how many hours a month they would like to help; null when not said */
    hoursPerMonth: integer('hours_per_month'),
    /** consent to be suggested to officers (おすすめ); off until the volunteer turns it on */
    suggestable: boolean('suggestable').notNull().default(false),
    /** languages spoken, e.g. ja, en, vi */
    languages: text('languages')
      .array()
      .notNull()
      .default(sql`'{ja}'::text[]`),
    onlineOk: boolean('online_ok').notNull().default(false),
    bio: text('bio').notNull().default(''),
    /** show received thank-you notes on the public profile: the volunteer's choice, off until made */
    showThanks: boolean('show_thanks').notNull().default(false),
    updatedAt: at('updated_at').notNull().defaultNow(),
    /** the volunteer asked not to be invited to help (issue 10); officers cannot invite them */
    helpInvitationsMuted: boolean('help_invitations_muted').notNull().default(false),
    /**
     * A copy of the volunteer's `volunteer_skills` (keys, and keys with levels), kept by a trigger
     * (migration 0037) so suggestions find and score volunteers from this row alone.
     */
    skillKeys: textList('skill_keys'),
    skills: jsonb('skills')
      .$type<{ key: string; level: 'can' | 'teach' }[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    /**
     * The volunteer's record as suggestions score it, kept by triggers on applications and thanks
     * (migration 0037): confirmed helps (all, and per category key), thank-you notes received,
     * matches under way (accepted, not yet confirmed).
     */
    completedHelps: integer('completed_helps').notNull().default(0),
    helpsByCategory: jsonb('helps_by_category')
      .$type<Record<string, number>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    thanksReceived: integer('thanks_received').notNull().default(0),
    openMatches: integer('open_matches').notNull().default(0),
  },
  (t) => [
    // the volunteers who agreed to be suggested, by what they can be suggested for (matching/keys.ts)
    index('volunteer_profiles_match_keys_idx')
      .using('gin', volunteerMatchKeys(t))
      .with(ginPendingListLimit)
      .where(sql`${t.suggestable}`),
    // the volunteer; officers and staff see the profile of whoever applied to them
    pgPolicy(
      'volunteer_profiles_read',
      policyFor('select', anyOf(isSystem, isFoundation, isCurrentUser(t.userId), appliedToReader(t.userId))),
    ),
    pgPolicy('volunteer_profiles_write', policyFor('all', anyOf(isSystem, isCurrentUser(t.userId)))),
  ],
);

export const skillLevel = pgEnum('skill_level', skillLevels);

/**
 * The skills of the vocabulary (shared `skills/taxonomy.ts`) a volunteer has, each with a level:
 * can do it, or can teach it. Read like the volunteer's profile.
 */
export const volunteerSkills = pgTable(
  'volunteer_skills',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** a key of the shared vocabulary (`SkillKey`); text, so the vocabulary can grow without a migration */
    skillKey: text('skill_key').notNull(),
    level: skillLevel('level').notNull().default('can'),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.skillKey] }),
    index('volunteer_skills_skill_key_idx').on(t.skillKey),
    pgPolicy(
      'volunteer_skills_read',
      policyFor('select', anyOf(isSystem, isFoundation, isCurrentUser(t.userId), appliedToReader(t.userId))),
    ),
    pgPolicy('volunteer_skills_write', policyFor('all', anyOf(isSystem, isCurrentUser(t.userId)))),
  ],
);
