import { ApplicationForOfficer, IdParams, MyApplication, ThanksBody, ThanksView } from '@board/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { completeMatch, confirmCompletion, sendThanks } from './service.ts';
import { errorResponses } from '../../routes/error-responses.ts';
import { signedInContext } from '../../services/context.ts';

export default async function completionRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/applications/:id/complete',
    {
      schema: {
        operationId: 'completeMatch',
        tags: ['completion'],
        summary: 'Mark a match done (officer of the association); the volunteer is asked to confirm',
        params: IdParams,
        response: { 200: ApplicationForOfficer, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => completeMatch(signedInContext(request), request.params.id),
  );

  r.post(
    '/api/applications/:id/confirm',
    {
      schema: {
        operationId: 'confirmCompletion',
        tags: ['completion'],
        summary: 'Confirm a match the association marked done (the volunteer); the last one completes the request',
        params: IdParams,
        response: { 200: MyApplication, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => confirmCompletion(signedInContext(request), request.params.id),
  );

  r.post(
    '/api/applications/:id/thanks',
    {
      schema: {
        operationId: 'sendThanks',
        tags: ['completion'],
        summary: 'Thank the other side of a finished match, once per side, with an optional private rating',
        description:
          'The rating (1–5 with a comment) is read only by the municipality’s staff and the foundation. ' +
          '409 NOT_COMPLETED before the officer marked the match done, ALREADY_THANKED the second time.',
        params: IdParams,
        body: ThanksBody,
        response: { 201: ThanksView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const thanks = await sendThanks(signedInContext(request), request.params.id, request.body);
      return reply.code(201).send(thanks);
    },
  );
}
