import { schema, type Database } from '@board/db';
import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable, SelectedFields } from 'drizzle-orm/pg-core';
import { columns } from '../../database/columns.ts';

const { applications, helpInvitations, helpRequests, messages, thanks, ratings, flags, auditLog } = schema;
const { notifications, notificationPreferences, calendarFeeds } = schema;

/** A volunteer's hands or invitations to help, oldest first, each with its request's title. */
function ofVolunteer<Fields extends SelectedFields>(
  tx: Database,
  userId: string,
  rows: typeof applications | typeof helpInvitations,
  fields: Fields,
) {
  return tx
    .select({ ...fields, requestTitle: helpRequests.title })
    .from(rows as PgTable) // (either table: the row's type is the fields')
    .innerJoin(helpRequests, eq(helpRequests.id, rows.requestId))
    .where(eq(rows.volunteerId, userId))
    .orderBy(asc(rows.createdAt));
}

/**
 * Thanks or ratings: the ones the person wrote (`author`), and the ones written to them as the
 * volunteer of a match, oldest first, each with its request's title and whether they gave it.
 */
function notesOnMatches<Fields extends SelectedFields>(
  tx: Database,
  userId: string,
  notes: typeof thanks | typeof ratings,
  author: AnyPgColumn,
  fields: Fields,
) {
  return tx
    .select({
      ...fields,
      requestTitle: helpRequests.title,
      given: sql<boolean>`coalesce(${author} = ${userId}, false)`,
    })
    .from(notes as PgTable) // (either table: the row's type is the fields')
    .innerJoin(applications, eq(applications.id, notes.applicationId))
    .innerJoin(helpRequests, eq(helpRequests.id, applications.requestId))
    .where(or(eq(author, userId), and(eq(notes.volunteerId, userId), eq(notes.toVolunteer, true))))
    .orderBy(asc(notes.createdAt));
}

/**
 * What the board holds about one person beyond their account (APPI: disclosure on request):
 * applications and invitations to help with their requests' titles, messages they wrote, thanks given and received,
 * ratings about them and by them, flags they raised, audit entries by or about them, their notifications,
 * their mail choices and whether they have a calendar feed (never its token).
 *
 * Runs with system access: row-level security keeps ratings and most audit entries from the
 * person themself, and an officer who has left an association no longer reads its threads.
 * Every query is limited to this one person's rows.
 */
export function personalDataRepository(tx: Database) {
  return {
    /** the hands the person raised as a volunteer */
    applications: (userId: string) =>
      ofVolunteer(tx, userId, applications, {
        ...columns(applications, 'id', 'requestId', 'message', 'status', 'createdAt', 'decidedAt'),
        ...columns(applications, 'withdrawnAt', 'completedAt', 'confirmedAt'),
      }),

    /** invitations to help the person received as a volunteer */
    helpInvitations: (userId: string) =>
      ofVolunteer(
        tx,
        userId,
        helpInvitations,
        columns(helpInvitations, 'id', 'requestId', 'status', 'createdAt', 'decidedAt'),
      ),

    async messagesWritten(userId: string) {
      return tx
        .select({
          ...columns(messages, 'id', 'applicationId', 'body', 'createdAt', 'hiddenAt'),
          requestTitle: helpRequests.title,
        })
        .from(messages)
        .innerJoin(applications, eq(applications.id, messages.applicationId))
        .innerJoin(helpRequests, eq(helpRequests.id, applications.requestId))
        .where(eq(messages.senderId, userId))
        .orderBy(asc(messages.createdAt));
    },

    /** thanks the person wrote, and thanks written to them as the volunteer of a match */
    thanks: (userId: string) =>
      notesOnMatches(
        tx,
        userId,
        thanks,
        thanks.fromUserId,
        columns(thanks, 'id', 'applicationId', 'body', 'createdAt'),
      ),

    /** ratings of the person as the volunteer of a match, and ratings they gave */
    ratings: (userId: string) =>
      notesOnMatches(
        tx,
        userId,
        ratings,
        ratings.raterId,
        columns(ratings, 'id', 'applicationId', 'score', 'comment', 'createdAt'),
      ),

    async flagsRaised(userId: string) {
      return tx
        .select(columns(flags, 'id', 'targetType', 'targetId', 'reason', 'status', 'createdAt', 'resolvedAt'))
        .from(flags)
        .where(eq(flags.reporterId, userId))
        .orderBy(asc(flags.createdAt));
    },

    /** entries of the person's own actions, about their account, or showing their contact to someone */
    async auditEntries(userId: string) {
      return tx
        .select({
          ...columns(auditLog, 'at', 'action', 'details'),
          byThem: sql<boolean>`coalesce(${auditLog.actorId} = ${userId}, false)`,
        })
        .from(auditLog)
        .where(
          or(
            eq(auditLog.actorId, userId),
            and(eq(auditLog.subjectType, 'user'), eq(auditLog.subjectId, userId)),
            sql`${auditLog.details} -> 'contactOf' @> ${JSON.stringify([userId])}::jsonb`,
          ),
        )
        .orderBy(asc(auditLog.id));
    },

    /** the person's notification centre: every row, newest last */
    async notifications(userId: string) {
      return tx
        .select(columns(notifications, 'id', 'kind', 'params', 'link', 'mailMode', 'mailedAt', 'createdAt', 'readAt'))
        .from(notifications)
        .where(eq(notifications.recipientId, userId))
        .orderBy(asc(notifications.createdAt), asc(notifications.id));
    },

    /** the person's mail choice per kind (kinds without a row use the default) */
    async notificationPreferences(userId: string) {
      return tx
        .select(columns(notificationPreferences, 'kind', 'mode', 'updatedAt'))
        .from(notificationPreferences)
        .where(eq(notificationPreferences.userId, userId))
        .orderBy(asc(notificationPreferences.kind));
    },

    /** when the person's private calendar feed was made, if they have one (the token is never stored) */
    async calendarFeed(userId: string) {
      const [row] = await tx
        .select(columns(calendarFeeds, 'createdAt'))
        .from(calendarFeeds)
        .where(eq(calendarFeeds.userId, userId));
      return row ?? null;
    },
  };
}
