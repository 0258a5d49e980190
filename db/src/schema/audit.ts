import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, pgPolicy, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { at } from './columns.ts';
import { anyOf, isCurrentUser, isFoundation, isSystem, policyFor, staffOf } from './access.ts';
import { municipalities } from './municipalities.ts';
import { users } from './users.ts';

/** Who did what, when, in which municipality: invitations, role changes, staff sign-ins, exports, deletions. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: at('at').notNull().defaultNow(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    /** null for events that belong to no municipality (a volunteer's own export) */
    municipalityCode: text('municipality_code').references(() => municipalities.code),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    // a municipality's log newest first (its staff), paged by (at, id)
    index('audit_log_municipality_idx').on(t.municipalityCode, t.at, t.id),
    index('audit_log_actor_idx').on(t.actorId),
    // the whole log newest first (foundation staff), paged by (at, id)
    index('audit_log_at_idx').on(t.at, t.id),
    // a request's own history (the reviewer's "sent back before?" and the last reason)
    index('audit_log_subject_idx').on(t.subjectType, t.subjectId, t.action),
    pgPolicy(
      'audit_log_read',
      policyFor(
        'select',
        anyOf(
          isSystem,
          isFoundation,
          staffOf(t.municipalityCode),
          sql`(${t.municipalityCode} is null and ${isCurrentUser(t.actorId)})`,
        ),
      ),
    ),
    // anyone's work may append to the log; nobody may change or remove an entry
    pgPolicy('audit_log_append', policyFor('insert', sql`true`)),
  ],
);
