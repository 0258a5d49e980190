import { mailModes, notificationKinds } from '@board/shared';
import { sql } from 'drizzle-orm';
import { index, jsonb, pgEnum, pgPolicy, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { anyOf, isCurrentUser, isSystem, policyFor, systemOnly } from './access.ts';
import { at, createdAt, id, requiredLink } from './columns.ts';
import { users } from './users.ts';

export const notificationKind = pgEnum('notification_kind', notificationKinds);
export const mailMode = pgEnum('mail_mode', mailModes);

/**
 * The notification centre (issue 11): one row per piece of news per recipient, written by
 * `notify()` (server/src/modules/notifications/notify.ts) in the transaction of the change it
 * announces. A person reads and marks read only their own; only the system writes them.
 * `mail_mode` is how its mail was to go when it was written; a digest row waits with
 * `mailed_at` null until the digest job sends it.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    recipientId: requiredLink('recipient_id', () => users.id, { onDelete: 'cascade' }),
    kind: notificationKind('kind').notNull(),
    requestId: uuid('request_id'),
    applicationId: uuid('application_id'),
    params: jsonb('params').$type<Record<string, string>>().notNull().default({}),
    link: text('link').notNull(),
    mailMode: mailMode('mail_mode').notNull(),
    mailedAt: at('mailed_at'),
    createdAt: createdAt(),
    readAt: at('read_at'),
  },
  (t) => [
    index('notifications_recipient_idx').on(t.recipientId, t.createdAt, t.id),
    index('notifications_digest_idx')
      .on(t.mailMode, t.recipientId, t.kind)
      .where(sql`${t.mailedAt} is null and ${t.mailMode} in ('daily', 'weekly')`),
    pgPolicy('notifications_read', policyFor('select', anyOf(isSystem, isCurrentUser(t.recipientId)))),
    pgPolicy('notifications_mark', policyFor('update', anyOf(isSystem, isCurrentUser(t.recipientId)))),
    pgPolicy('notifications_write', policyFor('insert', isSystem)),
    pgPolicy('notifications_delete', policyFor('delete', isSystem)),
  ],
);

/** A person's mail choice per kind; a kind without a row uses `defaultMailMode` (shared). */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: requiredLink('user_id', () => users.id, { onDelete: 'cascade' }),
    kind: notificationKind('kind').notNull(),
    mode: mailMode('mode').notNull(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.kind] }),
    pgPolicy('notification_preferences_own', policyFor('all', anyOf(isSystem, isCurrentUser(t.userId)))),
  ],
);

/**
 * The digests sent: one row per person, kind and period ('daily:2026-12-02', 'weekly:2026-11-30'),
 * so nobody gets a second digest of a kind in one period, whatever runs twice.
 */
export const notificationDigests = pgTable(
  'notification_digests',
  {
    userId: requiredLink('user_id', () => users.id, { onDelete: 'cascade' }),
    kind: notificationKind('kind').notNull(),
    period: text('period').notNull(),
    sentAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind, t.period] }), pgPolicy('notification_digests_system', systemOnly)],
);
