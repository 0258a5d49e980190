import { IdParams, MessageBody, MessageList, ThreadMessage } from '@board/shared';
import { listMessages, sendMessage } from './service.ts';
import { byId, defineRoutes, route } from '../../routes/define-routes.ts';

/** A match's private thread between the volunteer and the association's officers. */
export default defineRoutes('messages', {
  listMessages: route('GET /api/applications/:id/messages', {
    summary: "A match's private thread, oldest first (the volunteer and the association's officers only)",
    description:
      'Staff do not read threads (403); a flagged message reaches them through the flag queue. Messages hidden ' +
      'by staff come with `hidden: true` and no body. 409 NOT_MATCHED before the application is accepted.',
    input: { params: IdParams },
    response: { 200: MessageList },
    errors: [403, 409],
    handler: byId(listMessages),
  }),
  sendMessage: route('POST /api/applications/:id/messages', {
    summary: 'Send a plain-text message in a match; the other side gets at most one mail per 15 minutes',
    input: { params: IdParams, body: MessageBody },
    response: { 201: ThreadMessage },
    errors: [403, 409],
    handler: (context, { params, body }) => sendMessage(context, params.id, body.body),
  }),
});
