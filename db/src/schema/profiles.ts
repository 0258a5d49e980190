import { sql } from 'drizzle-orm';
import { boolean, pgPolicy, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { at } from './columns.ts';
import { anyOf, isCurrentUser, isFoundation, isSystem, policyFor } from './access.ts';
import { appliedToReader } from './people-access.ts';
import { users } from './users.ts';

/** What a volunteer (腕きき) shows: skills, where and when they help, languages. Contact details stay private. */
export const volunteerProfiles = pgTable(
  'volunteer_profiles',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** category keys */
    skills: text('skills')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** municipality codes they will help in */
    municipalityCodes: text('municipality_codes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    availability: text('availability').notNull().default(''),
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
    /** agreed to be suggested to officers (issue 10; off by default). Also the `skills` branch's column. */
    suggestable: boolean('suggestable').notNull().default(false),
    /** the volunteer asked not to be invited to help (issue 10); officers cannot invite them */
    helpInvitationsMuted: boolean('help_invitations_muted').notNull().default(false),
  },
  (t) => [
    // the volunteer; officers and staff see the profile of whoever applied to them
    pgPolicy(
      'volunteer_profiles_read',
      policyFor('select', anyOf(isSystem, isFoundation, isCurrentUser(t.userId), appliedToReader(t.userId))),
    ),
    pgPolicy('volunteer_profiles_write', policyFor('all', anyOf(isSystem, isCurrentUser(t.userId)))),
  ],
);
