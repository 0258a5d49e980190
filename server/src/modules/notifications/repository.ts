import { schema, type Database } from '@board/db';
import { defaultMailMode, type MailMode, type NotificationKind } from '@board/shared';
import { and, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { sortKeyText, type Keyset } from '../help-requests/rows.ts';
import { mailAddress } from './recipients.ts';

const { notifications, notificationPreferences, notificationDigests, users, helpRequests } = schema;

export interface NewNotification {
  recipientId: string;
  kind: NotificationKind;
  requestId: string | null;
  applicationId: string | null;
  params: Record<string, string>;
  link: string;
  mailMode: MailMode;
  mailedAt: Date | null;
}

/** SQL of the notification centre; runs in the caller's transaction (as the actor, or elevated by notify). */
export function notificationRepository(tx: Database) {
  return {
    /** each person's mail choice for `kind` (their own, or the kind's default) */
    async modes(userIds: string[], kind: NotificationKind): Promise<Map<string, MailMode>> {
      const chosen = userIds.length
        ? await tx
            .select({ userId: notificationPreferences.userId, mode: notificationPreferences.mode })
            .from(notificationPreferences)
            .where(and(inArray(notificationPreferences.userId, userIds), eq(notificationPreferences.kind, kind)))
        : [];
      const modes = new Map(userIds.map((id) => [id, defaultMailMode[kind]]));
      for (const row of chosen) modes.set(row.userId, row.mode);
      return modes;
    },

    async insert(rows: NewNotification[]): Promise<void> {
      if (rows.length) await tx.insert(notifications).values(rows);
    },

    /** the person's notifications, newest first, strictly after `after` */
    async list(recipientId: string, after: Keyset | undefined, limit: number) {
      return tx
        .select({
          id: notifications.id,
          kind: notifications.kind,
          requestId: notifications.requestId,
          applicationId: notifications.applicationId,
          params: notifications.params,
          link: notifications.link,
          createdAt: notifications.createdAt,
          readAt: notifications.readAt,
          sortKey: sortKeyText(notifications.createdAt),
        })
        .from(notifications)
        .where(
          and(
            eq(notifications.recipientId, recipientId),
            after
              ? sql`(${notifications.createdAt}, ${notifications.id}) < (${after.key}::timestamptz, ${after.id}::uuid)`
              : undefined,
          ),
        )
        .orderBy(desc(notifications.createdAt), desc(notifications.id))
        .limit(limit);
    },

    async unread(recipientId: string): Promise<number> {
      const [row] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(notifications)
        .where(and(eq(notifications.recipientId, recipientId), isNull(notifications.readAt)));
      return row?.n ?? 0;
    },

    /** marks these (or all, `ids` null) of the person's notifications read; others' ids change nothing */
    async markRead(recipientId: string, ids: string[] | null, at: Date): Promise<void> {
      await tx
        .update(notifications)
        .set({ readAt: at })
        .where(
          and(
            eq(notifications.recipientId, recipientId),
            isNull(notifications.readAt),
            ids ? inArray(notifications.id, ids) : undefined,
          ),
        );
    },

    async preferences(userId: string): Promise<Map<NotificationKind, MailMode>> {
      const rows = await tx
        .select({ kind: notificationPreferences.kind, mode: notificationPreferences.mode })
        .from(notificationPreferences)
        .where(eq(notificationPreferences.userId, userId));
      return new Map(rows.map((r) => [r.kind, r.mode]));
    },

    async setPreference(userId: string, kind: NotificationKind, mode: MailMode, at: Date): Promise<void> {
      await tx
        .insert(notificationPreferences)
        .values({ userId, kind, mode, updatedAt: at })
        .onConflictDoUpdate({
          target: [notificationPreferences.userId, notificationPreferences.kind],
          set: { mode, updatedAt: at },
        });
    },

    /** notifications waiting for a digest of this cadence, written before `before`, with their recipient */
    async waitingForDigest(cadence: 'daily' | 'weekly', before: Date) {
      return tx
        .select({
          id: notifications.id,
          recipientId: notifications.recipientId,
          kind: notifications.kind,
          params: notifications.params,
          link: notifications.link,
          email: sql<string | null>`case when ${users.deletedAt} is null then ${mailAddress} end`,
          language: users.language,
          displayName: users.displayName,
        })
        .from(notifications)
        .innerJoin(users, eq(users.id, notifications.recipientId))
        .where(
          and(eq(notifications.mailMode, cadence), isNull(notifications.mailedAt), lt(notifications.createdAt, before)),
        )
        .orderBy(notifications.recipientId, notifications.kind, notifications.createdAt);
    },

    /** records the digest of this person, kind and period; false when it was already sent */
    async claimDigest(userId: string, kind: NotificationKind, period: string): Promise<boolean> {
      const rows = await tx
        .insert(notificationDigests)
        .values({ userId, kind, period })
        .onConflictDoNothing()
        .returning({ userId: notificationDigests.userId });
      return rows.length > 0;
    },

    /** requests waiting for review since before `since` whose staff were not yet told so */
    async overdueForReview(since: Date) {
      return tx
        .select({ id: helpRequests.id, title: helpRequests.title, municipalityCode: helpRequests.municipalityCode })
        .from(helpRequests)
        .where(
          and(
            eq(helpRequests.status, 'pending_review'),
            lt(helpRequests.updatedAt, since),
            sql`not exists (select 1 from ${notifications} where ${notifications.kind} = 'reviewOverdue' and ${notifications.requestId} = ${helpRequests.id})`,
          ),
        )
        .orderBy(helpRequests.updatedAt)
        .limit(500);
    },

    async markMailed(ids: string[], at: Date): Promise<void> {
      if (ids.length) await tx.update(notifications).set({ mailedAt: at }).where(inArray(notifications.id, ids));
    },
  };
}
