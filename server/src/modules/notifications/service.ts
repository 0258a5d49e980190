import {
  DomainError,
  notificationKinds,
  type MarkNotificationsReadBody,
  type NotificationPreferences,
  type NotificationsPage,
  type NotificationsQuery,
  type UnreadCount,
  type UnsubscribeView,
  type UpdateNotificationPreferencesBody,
} from '@board/shared';
import type { ServiceContext, SignedInContext } from '../../services/context.ts';
import { decodeCursor, pageOf } from '../help-requests/views.ts';
import { notificationRepository } from './repository.ts';
import { readUnsubscribeKey } from './unsubscribe-key.ts';
import { defaultMailMode } from '@board/shared';
import { iso } from '../../services/iso.ts';

const listing = 'notifications';

/** The signed-in person's notifications, newest first, a page at a time, with how many are unread. */
export async function listNotifications(ctx: SignedInContext, query: NotificationsQuery): Promise<NotificationsPage> {
  const after = decodeCursor(listing, query.cursor);
  return ctx.door.asActor(ctx.actor, async (tx) => {
    const repo = notificationRepository(tx);
    const rows = await repo.list(ctx.actor.userId, after, query.limit + 1);
    const page = pageOf(rows, query.limit, listing, (row) => ({
      id: row.id,
      kind: row.kind,
      requestId: row.requestId,
      applicationId: row.applicationId,
      params: row.params,
      link: row.link,
      createdAt: row.createdAt.toISOString(),
      readAt: iso(row.readAt),
    }));
    return { ...page, unread: await repo.unread(ctx.actor.userId) };
  });
}

/** Marks some of the person's notifications read (another person's ids change nothing), or all of them. */
export async function markNotificationsRead(
  ctx: SignedInContext,
  body: MarkNotificationsReadBody,
): Promise<UnreadCount> {
  return ctx.door.asActor(ctx.actor, async (tx) => {
    const repo = notificationRepository(tx);
    await repo.markRead(ctx.actor.userId, 'ids' in body ? body.ids : null, ctx.clock());
    return { unread: await repo.unread(ctx.actor.userId) };
  });
}

/** Every kind with the person's mail choice (or the kind's default). */
export async function getNotificationPreferences(ctx: SignedInContext): Promise<NotificationPreferences> {
  return ctx.door.asActor(ctx.actor, async (tx) => {
    const chosen = await notificationRepository(tx).preferences(ctx.actor.userId);
    return {
      preferences: notificationKinds.map((kind) => ({ kind, mode: chosen.get(kind) ?? defaultMailMode[kind] })),
    };
  });
}

export async function updateNotificationPreferences(
  ctx: SignedInContext,
  body: UpdateNotificationPreferencesBody,
): Promise<NotificationPreferences> {
  await ctx.door.asActor(ctx.actor, async (tx) => {
    const repo = notificationRepository(tx);
    for (const { kind, mode } of body.preferences) await repo.setPreference(ctx.actor.userId, kind, mode, ctx.clock());
  });
  return getNotificationPreferences(ctx);
}

function personOfKey(ctx: ServiceContext, key: string) {
  const found = readUnsubscribeKey(ctx.config, key);
  if (!found) throw new DomainError('TOKEN_INVALID', 'This unsubscribe link is not valid.');
  return found;
}

/** What an unsubscribe link would stop, and how that kind's mail goes now (no sign-in: the link is signed). */
export async function showUnsubscribe(ctx: ServiceContext, key: string): Promise<UnsubscribeView> {
  const { userId, kind } = personOfKey(ctx, key);
  return ctx.door.asSystem('read the mail choice an unsubscribe link names', async (tx) => {
    const mode = (await notificationRepository(tx).modes([userId], kind)).get(userId)!;
    return { kind, mode };
  });
}

/** One click: mail of the link's kind stops for its person (in-app news stays); other kinds are untouched. */
export async function unsubscribe(ctx: ServiceContext, key: string): Promise<UnsubscribeView> {
  const { userId, kind } = personOfKey(ctx, key);
  await ctx.door.asSystem('stop one kind of mail by its unsubscribe link', (tx) =>
    notificationRepository(tx).setPreference(userId, kind, 'off', ctx.clock()),
  );
  return { kind, mode: 'off' };
}
