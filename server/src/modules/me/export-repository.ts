import { schema, type Database } from '@board/db';
import { and, asc, eq, or, sql } from 'drizzle-orm';

const { applications, helpRequests, messages, thanks, ratings, flags, auditLog } = schema;

/**
 * What the board holds about one person beyond their account (APPI: disclosure on request):
 * applications with their requests' titles, messages they wrote, thanks given and received,
 * ratings about them and by them, flags they raised, audit entries by or about them.
 *
 * Runs with system access: row-level security keeps ratings and most audit entries from the
 * person themself, and an officer who has left an association no longer reads its threads.
 * Every query is limited to this one person's rows.
 */
export function personalDataRepository(tx: Database) {
  return {
    async applications(userId: string) {
      return tx
        .select({
          id: applications.id,
          requestId: applications.requestId,
          requestTitle: helpRequests.title,
          message: applications.message,
          status: applications.status,
          createdAt: applications.createdAt,
          decidedAt: applications.decidedAt,
          withdrawnAt: applications.withdrawnAt,
          completedAt: applications.completedAt,
          confirmedAt: applications.confirmedAt,
        })
        .from(applications)
        .innerJoin(helpRequests, eq(helpRequests.id, applications.requestId))
        .where(eq(applications.volunteerId, userId))
        .orderBy(asc(applications.createdAt));
    },

    async messagesWritten(userId: string) {
      return tx
        .select({
          id: messages.id,
          applicationId: messages.applicationId,
          requestTitle: helpRequests.title,
          body: messages.body,
          createdAt: messages.createdAt,
          hiddenAt: messages.hiddenAt,
        })
        .from(messages)
        .innerJoin(applications, eq(applications.id, messages.applicationId))
        .innerJoin(helpRequests, eq(helpRequests.id, applications.requestId))
        .where(eq(messages.senderId, userId))
        .orderBy(asc(messages.createdAt));
    },

    /** thanks the person wrote, and thanks written to them as the volunteer of a match */
    async thanks(userId: string) {
      return tx
        .select({
          id: thanks.id,
          applicationId: thanks.applicationId,
          requestTitle: helpRequests.title,
          given: sql<boolean>`coalesce(${thanks.fromUserId} = ${userId}, false)`,
          body: thanks.body,
          createdAt: thanks.createdAt,
        })
        .from(thanks)
        .innerJoin(applications, eq(applications.id, thanks.applicationId))
        .innerJoin(helpRequests, eq(helpRequests.id, applications.requestId))
        .where(or(eq(thanks.fromUserId, userId), and(eq(thanks.volunteerId, userId), eq(thanks.toVolunteer, true))))
        .orderBy(asc(thanks.createdAt));
    },

    /** ratings of the person as the volunteer of a match, and ratings they gave */
    async ratings(userId: string) {
      return tx
        .select({
          id: ratings.id,
          applicationId: ratings.applicationId,
          requestTitle: helpRequests.title,
          given: sql<boolean>`coalesce(${ratings.raterId} = ${userId}, false)`,
          score: ratings.score,
          comment: ratings.comment,
          createdAt: ratings.createdAt,
        })
        .from(ratings)
        .innerJoin(applications, eq(applications.id, ratings.applicationId))
        .innerJoin(helpRequests, eq(helpRequests.id, applications.requestId))
        .where(or(eq(ratings.raterId, userId), and(eq(ratings.volunteerId, userId), eq(ratings.toVolunteer, true))))
        .orderBy(asc(ratings.createdAt));
    },

    async flagsRaised(userId: string) {
      return tx
        .select({
          id: flags.id,
          targetType: flags.targetType,
          targetId: flags.targetId,
          reason: flags.reason,
          status: flags.status,
          createdAt: flags.createdAt,
          resolvedAt: flags.resolvedAt,
        })
        .from(flags)
        .where(eq(flags.reporterId, userId))
        .orderBy(asc(flags.createdAt));
    },

    /** entries of the person's own actions, about their account, or showing their contact to someone */
    async auditEntries(userId: string) {
      return tx
        .select({
          at: auditLog.at,
          action: auditLog.action,
          byThem: sql<boolean>`coalesce(${auditLog.actorId} = ${userId}, false)`,
          details: auditLog.details,
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
  };
}
