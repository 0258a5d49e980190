import { schema } from '@board/db';
import { NotificationsPage } from '@board/shared';
import { and, eq } from 'drizzle-orm';
import { get, userIdOf, type TestApp } from '../kit/index.ts';

/** The person's notifications page through the API (fails the test unless 200). */
export async function notificationsOf(t: TestApp, headers: Record<string, string>, query = '') {
  const res = await get(t, headers, `/api/notifications${query}`);
  if (res.statusCode !== 200) throw new Error(`listNotifications: ${res.statusCode} ${res.body}`);
  return NotificationsPage.parse(res.json());
}

/** Every notification row of this kind for the person with this email, straight from the database. */
export async function rowsOf(t: TestApp, email: string, kind: (typeof schema.notifications.$inferSelect)['kind']) {
  const recipientId = await userIdOf(t, email);
  return t.database.handle.db
    .select()
    .from(schema.notifications)
    .where(and(eq(schema.notifications.recipientId, recipientId), eq(schema.notifications.kind, kind)));
}

/** The `key` of the unsubscribe link in a mail's text. */
export function unsubscribeKeyIn(text: string): string {
  const match = /\/unsubscribe\?key=([A-Za-z0-9_-]+)/.exec(text);
  if (!match) throw new Error(`no unsubscribe link in:\n${text}`);
  return match[1]!;
}
