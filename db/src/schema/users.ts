import { languages, roles } from '@board/shared';
import { index, pgEnum, pgPolicy, pgTable, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt, id, requiredLink } from './columns.ts';
import { anyOf, isCurrentUser, isFoundation, isSystem, policyFor, staffOf } from './access.ts';
import { appliedToReader, authoredWhatReaderReads, holdsHatNearReader, postedReadersMatch } from './people-access.ts';
import { associations } from './associations.ts';
import { municipalities } from './municipalities.ts';

export const language = pgEnum('language', languages);
export const role = pgEnum('role', roles);

export const users = pgTable(
  'users',
  {
    id: id(),
    /** stored lower-cased; null once the account is deleted (anonymised) */
    email: text('email'),
    emailVerifiedAt: at('email_verified_at'),
    passwordHash: text('password_hash'),
    displayName: text('display_name').notNull(),
    /** where mail goes when not to the sign-in address; private */
    notificationEmail: text('notification_email'),
    /** shown only to a matched counterpart; private */
    phone: text('phone'),
    language: language('language').notNull().default('ja'),
    createdAt: createdAt(),
    deletedAt: at('deleted_at'),
  },
  (t) => [
    uniqueIndex('users_email_key').on(t.email),
    // a query that forgets its WHERE sees only these rows; sign-in by email and the like are system work
    pgPolicy(
      'users_read',
      policyFor(
        'select',
        anyOf(
          isSystem,
          isFoundation,
          isCurrentUser(t.id),
          holdsHatNearReader(t.id),
          appliedToReader(t.id),
          postedReadersMatch(t.id),
          authoredWhatReaderReads(t.id),
        ),
      ),
    ),
    pgPolicy('users_write', policyFor('all', anyOf(isSystem, isCurrentUser(t.id)))),
  ],
);

/**
 * A hat a person wears. Scope columns say where it applies:
 * volunteer and foundation_staff: none; municipal_staff: municipality; officer: association (+ its municipality).
 */
export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: id(),
    userId: requiredLink('user_id', () => users.id, { onDelete: 'cascade' }),
    role: role('role').notNull(),
    municipalityCode: text('municipality_code').references(() => municipalities.code),
    associationId: uuid('association_id').references(() => associations.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('role_assignments_user_idx').on(t.userId),
    // the officers of an association (a request's contact, on every request page)
    index('role_assignments_association_idx').on(t.associationId),
    unique('role_assignments_unique').on(t.userId, t.role, t.municipalityCode, t.associationId).nullsNotDistinct(),
    pgPolicy(
      'role_assignments_read',
      policyFor('select', anyOf(isSystem, isFoundation, isCurrentUser(t.userId), staffOf(t.municipalityCode))),
    ),
    pgPolicy('role_assignments_write', policyFor('all', anyOf(isSystem, staffOf(t.municipalityCode)))),
  ],
);
