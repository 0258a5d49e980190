import type { NotificationsPage } from '@board/shared';
import { pageMessagesFor } from '#lib/i18n/page-messages.ts';
import { callApi } from '#lib/server/api.ts';
import type { LayoutServerLoad } from './$types';

/**
 * The language resolved in hooks.server.ts, and of that language only the messages this route's
 * pages use (reading `route.id` makes a client-side navigation to another route load them anew).
 */
export const load: LayoutServerLoad = async (event) => {
  const { locals } = event;
  return {
    lang: locals.lang,
    messages: pageMessagesFor(locals.lang, event.route.id),
    me: locals.me,
    unreadNotifications: locals.me ? await unreadNotifications(event) : 0,
    furigana: locals.furigana,
    textSize: locals.textSize,
  };
};

/** The signed-in person's unread notifications, for the header's bell (0 when the API does not answer). */
async function unreadNotifications(event: Parameters<LayoutServerLoad>[0]): Promise<number> {
  const result = await callApi<NotificationsPage>(event, 'GET', '/api/notifications?limit=1');
  return result.ok ? result.data.unread : 0;
}
