import {
  MarkNotificationsReadBody,
  NotificationPreferences,
  NotificationsPage,
  NotificationsQuery,
  UnreadCount,
  UnsubscribeQuery,
  UnsubscribeView,
  UpdateNotificationPreferencesBody,
} from '@board/shared';
import { byBody, byQuery, defineRoutes, route } from '../../routes/define-routes.ts';
import {
  getNotificationPreferences,
  listNotifications,
  markNotificationsRead,
  showUnsubscribe,
  unsubscribe,
  updateNotificationPreferences,
} from './service.ts';

/** The notification centre (issue 11): in-app news, mail choices per kind, one-click unsubscribe. */
export default defineRoutes('notifications', (app) => {
  // mail programs post `List-Unsubscribe=One-Click` as a form (RFC 8058); the key is in the address
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, _body, done) =>
    done(null, undefined),
  );
  return {
    listNotifications: route('GET /api/notifications', {
      summary: 'Your notifications, newest first (keyset paging), and how many are unread',
      input: { query: NotificationsQuery },
      response: { 200: NotificationsPage },
      handler: byQuery(listNotifications),
    }),
    markNotificationsRead: route('POST /api/notifications/read', {
      summary: 'Mark some of your notifications read (`ids`), or all of them (`all: true`)',
      description: 'Ids of notifications that are not yours change nothing.',
      input: { body: MarkNotificationsReadBody },
      response: { 200: UnreadCount },
      handler: byBody(markNotificationsRead),
    }),
    getNotificationPreferences: route('GET /api/me/notification-preferences', {
      summary: 'Your mail choice per kind of notification: at once, daily or weekly digest, or off',
      response: { 200: NotificationPreferences },
      handler: getNotificationPreferences,
    }),
    updateNotificationPreferences: route('PUT /api/me/notification-preferences', {
      summary: 'Change your mail choice for the kinds named (the others stay); in-app news is always on',
      input: { body: UpdateNotificationPreferencesBody },
      response: { 200: NotificationPreferences },
      handler: byBody(updateNotificationPreferences),
    }),
    showUnsubscribe: route('GET /api/unsubscribe', {
      summary: 'What an unsubscribe link stops (no sign-in: the link is signed)',
      description: '400 TOKEN_INVALID for a key this server did not sign.',
      signIn: 'optional',
      input: { query: UnsubscribeQuery },
      response: { 200: UnsubscribeView },
      handler: (context, { query }) => showUnsubscribe(context, query.key),
    }),
    unsubscribe: route('POST /api/unsubscribe', {
      summary: 'One-click unsubscribe: stop mail of the link’s kind (RFC 8058; no sign-in)',
      description: 'The key is in the query; a form body (`List-Unsubscribe=One-Click`) is accepted and ignored.',
      signIn: 'optional',
      input: { query: UnsubscribeQuery },
      response: { 200: UnsubscribeView },
      handler: (context, { query }) => unsubscribe(context, query.key),
    }),
  };
});
