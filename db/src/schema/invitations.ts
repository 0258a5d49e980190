import { invitedRoles } from '@board/shared';
import { sql } from 'drizzle-orm';
import { index, pgEnum, pgPolicy, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt, id, requiredMunicipality } from './columns.ts';
import { anyOf, isFoundation, isSystem, policyFor, staffOf } from './access.ts';
import { associations } from './associations.ts';
import { municipalities } from './municipalities.ts';
import { language, users } from './users.ts';

export const invitationRole = pgEnum('invitation_role', invitedRoles);

/** A single-use emailed link, valid 7 days, that grants one role in one municipality (and association). */
export const invitations = pgTable(
  'invitations',
  {
    id: id(),
    role: invitationRole('role').notNull(),
    email: text('email').notNull(),
    language: language('language').notNull().default('ja'),
    municipalityCode: requiredMunicipality(() => municipalities.code),
    associationId: uuid('association_id').references(() => associations.id),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: at('expires_at').notNull(),
    acceptedAt: at('accepted_at'),
    acceptedBy: uuid('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: at('revoked_at'),
    createdAt: createdAt(),
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
    pgPolicy('invitations_access', policyFor('all', anyOf(isSystem, isFoundation, staffOf(t.municipalityCode)))),
  ],
);
