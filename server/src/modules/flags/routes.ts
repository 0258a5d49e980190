import { FlagBody, FlagList, FlagView, IdParams, ListFlagsQuery, ResolveFlagBody } from '@board/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { flagContent, listFlags, resolveFlag } from './service.ts';
import { errorResponses } from '../../routes/error-responses.ts';
import { signedInContext } from '../../services/context.ts';

export default async function flagRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/flags',
    {
      schema: {
        operationId: 'flagContent',
        tags: ['flags'],
        summary:
          "Report a request or a message you can see, with a reason (anyone signed in); goes to its municipality's staff",
        body: FlagBody,
        response: { 201: FlagView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const flag = await flagContent(signedInContext(request), request.body);
      return reply.code(201).send(flag);
    },
  );

  r.get(
    '/api/flags',
    {
      schema: {
        operationId: 'listFlags',
        tags: ['flags'],
        summary: 'The flag queue: open first, oldest first (municipal staff: their municipality; foundation: all)',
        description:
          "A flagged message's text is shown to the municipality's staff (the flag is the reason to read it); the " +
          'foundation sees message flags without the text.',
        querystring: ListFlagsQuery,
        response: { 200: FlagList, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => listFlags(signedInContext(request), request.query),
  );

  r.post(
    '/api/flags/:id/resolve',
    {
      schema: {
        operationId: 'resolveFlag',
        tags: ['flags'],
        summary: 'Hide the flagged item or dismiss the flag (municipal staff of its municipality); audited',
        params: IdParams,
        body: ResolveFlagBody,
        response: { 200: FlagView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => resolveFlag(signedInContext(request), request.params.id, request.body),
  );
}
