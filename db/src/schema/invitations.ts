import { sql } from 'drizzle-orm';
import { index, pgEnum, pgPolicy, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { anyOf, boardApp, isFoundation, isSystem, staffOf } from './access.ts';
import { associations } from './associations.ts';
import { municipalities } from './municipalities.ts';
import { language, users } from './users.ts';

export const invitationRoles = ['municipal_staff', 'officer'] as const;
export const invitationRole = pgEnum('invitation_role', invitationRoles);

/** A single-use emailed link, valid 7 days, that grants one role in one municipality (and association). */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    role: invitationRole('role').notNull(),
    email: text('email').notNull(),
    language: language('language').notNull().default('ja'),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    associationId: uuid('association_id').references(() => associations.id),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('invitations_municipality_idx').on(t.municipalityCode, t.createdAt),
    // one open invitation per address and hat (a double submit sends one); an expired one is
    // retired (revoked_at set) when a new one is made, so the index needs no clock
    uniqueIndex('invitations_one_open_idx')
      .on(
        t.email,
        t.role,
        t.municipalityCode,
        sql`coalesce(${t.associationId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      )
      .where(sql`${t.acceptedAt} is null and ${t.revokedAt} is null`),
    pgPolicy('invitations_access', {
      for: 'all',
      to: boardApp,
      using: anyOf(isSystem, isFoundation, staffOf(t.municipalityCode)),
      withCheck: anyOf(isSystem, isFoundation, staffOf(t.municipalityCode)),
    }),
  ],
);
