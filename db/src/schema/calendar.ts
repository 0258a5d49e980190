import { pgEnum, pgPolicy, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { anyOf, isCurrentUser, isSystem, policyFor, systemOnly } from './access.ts';
import { at, createdAt } from './columns.ts';
import { users } from './users.ts';

/**
 * A person's private calendar feed (issue 11): the address `/api/calendar/<token>.ics` lists their
 * matched work without sign-in, so the token is the authority. Only its SHA-256 is kept; the
 * address is shown once, when made. One per person: making a new one replaces the old (which
 * stops at once), revoking deletes the row. The person sees and changes their own row; the feed
 * itself is read with system access, found by the hash.
 */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: createdAt(),
  },
  (t) => [pgPolicy('calendar_feeds_owner', policyFor('all', anyOf(isSystem, isCurrentUser(t.userId))))],
);

export const reminderKinds = ['work_tomorrow', 'no_hands', 'work_tomorrow_officers'] as const;
export const reminderKind = pgEnum('reminder_kind', reminderKinds);

/**
 * Scheduled mails already sent, so each goes out once: `work_tomorrow` per match (the subject is
 * the application: its volunteer), `work_tomorrow_officers` and `no_hands` per help request. Written by the scheduled jobs only (system-only).
 */
export const remindersSent = pgTable(
  'reminders_sent',
  {
    kind: reminderKind('kind').notNull(),
    subjectId: uuid('subject_id').notNull(),
    sentAt: at('sent_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.subjectId] }), pgPolicy('reminders_sent_system', systemOnly)],
);
