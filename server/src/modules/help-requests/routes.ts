import {
  BoardPage,
  BoardQuery,
  CreateHelpRequestBody,
  HelpRequestDetail,
  HelpRequestInput,
  MyRequestsPage,
  MyRequestsQuery,
  OfficerContact,
  ReasonBody,
  RequestIdParams,
} from '@board/shared';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  copyRequest,
  createRequest,
  deleteDraft,
  getRequest,
  listMyAssociationRequests,
  listRequests,
  revealOfficerContact,
  submitRequest,
  updateRequest,
  withdrawRequest,
} from './service.ts';
import { errorResponses } from '../../routes/error-responses.ts';
import { serviceContext, signedInContext } from '../../services/context.ts';

/** Help requests (依頼): officers post and manage; anyone reads the board. */
export default async function helpRequestRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['requests'];

  r.get(
    '/api/requests',
    {
      schema: {
        operationId: 'listRequests',
        tags,
        summary:
          'The board: published requests of every active municipality, filtered, keyset-paginated; no sign-in needed',
        description:
          'Every filter is a query-string parameter, so a filtered board is a shareable URL. `municipalities` and ' +
          '`skills` take several values (comma-separated or repeated). `q`: every word must match title or body ' +
          '(katakana/hiragana and full/half width fold together). Pass `nextCursor` back as `cursor`.',
        querystring: BoardQuery,
        response: { 200: BoardPage, ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      const json = await app.boardCache.page(request.query, () => listRequests(serviceContext(request), request.query));
      // Fastify sends a string with a JSON content type as is, without serialising it again
      return reply.type('application/json; charset=utf-8').send(json as unknown as BoardPage);
    },
  );

  r.post(
    '/api/requests',
    {
      schema: {
        operationId: 'createRequest',
        tags,
        summary: 'Draft a request for your association (officers)',
        body: CreateHelpRequestBody,
        response: { 201: HelpRequestDetail, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => reply.code(201).send(await createRequest(signedInContext(request), request.body)),
  );

  r.get(
    '/api/me/requests',
    {
      schema: {
        operationId: 'listMyAssociationRequests',
        tags,
        summary: "Your associations' requests in every state, last changed first (officers' dashboard)",
        querystring: MyRequestsQuery,
        response: { 200: MyRequestsPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => listMyAssociationRequests(signedInContext(request), request.query),
  );

  r.get(
    '/api/requests/:id',
    {
      schema: {
        operationId: 'getRequest',
        tags,
        summary: 'One request as you may see it (exact place and contact only for those entitled)',
        params: RequestIdParams,
        response: { 200: HelpRequestDetail, ...errorResponses(400, 404) },
      },
    },
    async (request) => getRequest(serviceContext(request), request.params.id),
  );

  r.put(
    '/api/requests/:id',
    {
      schema: {
        operationId: 'updateRequest',
        tags,
        summary: 'Replace the content of a draft, or of a request sent back for changes (officers)',
        params: RequestIdParams,
        body: HelpRequestInput,
        response: { 200: HelpRequestDetail, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => updateRequest(signedInContext(request), request.params.id, request.body),
  );

  r.delete(
    '/api/requests/:id',
    {
      schema: {
        operationId: 'deleteRequest',
        tags,
        summary: 'Delete a draft of your association (officers); anything already sent is withdrawn instead',
        description: 'Only a draft: any other state is 409 REQUEST_NOT_DELETABLE. Audit-logged (request.delete).',
        params: RequestIdParams,
        response: { 204: z.null().describe('No content'), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await deleteDraft(signedInContext(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/requests/:id/officer-contact',
    {
      schema: {
        operationId: 'revealOfficerContact',
        tags,
        summary: "The posting officer's contact, for the municipality's staff and foundation staff, with a reason",
        description:
          'Contact details reach staff only with a reason, which is audit-logged (contact.reveal, side "staff") with every ' +
          'look-up. Officers of the association and matched volunteers see the contact on the request itself.',
        params: RequestIdParams,
        body: ReasonBody,
        response: { 200: OfficerContact, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => revealOfficerContact(signedInContext(request), request.params.id, request.body.reason),
  );

  r.post(
    '/api/requests/:id/submit',
    {
      schema: {
        operationId: 'submitRequest',
        tags,
        summary: 'Send for review, or publish at once where the municipality does not moderate (officers)',
        description: 'A second submit of the same request (e.g. a double click) is 409 REQUEST_TRANSITION_NOT_ALLOWED.',
        params: RequestIdParams,
        response: { 200: HelpRequestDetail, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => submitRequest(signedInContext(request), request.params.id),
  );

  r.post(
    '/api/requests/:id/withdraw',
    {
      schema: {
        operationId: 'withdrawRequest',
        tags,
        summary: 'Take the request back, any time before completion (officers)',
        params: RequestIdParams,
        response: { 200: HelpRequestDetail, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => withdrawRequest(signedInContext(request), request.params.id),
  );

  r.post(
    '/api/requests/:id/copy',
    {
      schema: {
        operationId: 'copyRequest',
        tags,
        summary: 'Start a new draft with the same content (dates cleared), e.g. to post it again next year (officers)',
        params: RequestIdParams,
        response: { 201: HelpRequestDetail, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => reply.code(201).send(await copyRequest(signedInContext(request), request.params.id)),
  );
}
