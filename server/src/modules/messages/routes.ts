import { IdParams, MessageBody, MessageList, ThreadMessage } from '@board/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { listMessages, sendMessage } from './service.ts';
import { errorResponses } from '../../routes/error-responses.ts';
import { signedInContext } from '../../services/context.ts';

export default async function messageRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/applications/:id/messages',
    {
      schema: {
        operationId: 'listMessages',
        tags: ['messages'],
        summary: "A match's private thread, oldest first (the volunteer and the association's officers only)",
        description:
          'Staff do not read threads (403); a flagged message reaches them through the flag queue. Messages hidden ' +
          'by staff come with `hidden: true` and no body. 409 NOT_MATCHED before the application is accepted.',
        params: IdParams,
        response: { 200: MessageList, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => listMessages(signedInContext(request), request.params.id),
  );

  r.post(
    '/api/applications/:id/messages',
    {
      schema: {
        operationId: 'sendMessage',
        tags: ['messages'],
        summary: 'Send a plain-text message in a match; the other side gets at most one mail per 15 minutes',
        params: IdParams,
        body: MessageBody,
        response: { 201: ThreadMessage, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const message = await sendMessage(signedInContext(request), request.params.id, request.body.body);
      return reply.code(201).send(message);
    },
  );
}
