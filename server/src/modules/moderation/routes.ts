import {
  HelpRequestDetail,
  ModerationQueue,
  ModerationQueueQuery,
  ReasonBody,
  RequestIdParams,
  ReviewHistory,
} from '@board/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  approveRequest,
  closeRequest,
  getReviewHistory,
  listModerationQueue,
  rejectRequest,
  requestChangesToRequest,
} from './service.ts';
import { errorResponses } from '../../routes/error-responses.ts';
import { signedInContext } from '../../services/context.ts';

/** Municipal staff review their municipality's requests; foundation staff read the queues. */
export default async function moderationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['moderation'];

  r.get(
    '/api/moderation/queue',
    {
      schema: {
        operationId: 'listModerationQueue',
        tags,
        summary:
          'Requests waiting for review (or sent back: status=changes_requested), oldest first, optionally of one association, with the counts for the header (staff; foundation reads)',
        querystring: ModerationQueueQuery,
        response: { 200: ModerationQueue, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => listModerationQueue(signedInContext(request), request.query),
  );

  r.get(
    '/api/moderation/requests/:id/history',
    {
      schema: {
        operationId: 'getReviewHistory',
        tags,
        summary:
          'The last reason staff sent a request back with, and which fields its officers changed since (staff of its municipality; foundation reads)',
        params: RequestIdParams,
        response: { 200: ReviewHistory, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => getReviewHistory(signedInContext(request), request.params.id),
  );

  r.post(
    '/api/requests/:id/approve',
    {
      schema: {
        operationId: 'approveRequest',
        tags,
        summary: 'Publish a request waiting for review; its officers are told by mail',
        params: RequestIdParams,
        response: { 200: HelpRequestDetail, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => approveRequest(signedInContext(request), request.params.id),
  );

  r.post(
    '/api/requests/:id/request-changes',
    {
      schema: {
        operationId: 'requestChangesToRequest',
        tags,
        summary: 'Send a request back to its officers with what to change (reason required, shown to them and mailed)',
        params: RequestIdParams,
        body: ReasonBody,
        response: { 200: HelpRequestDetail, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => requestChangesToRequest(signedInContext(request), request.params.id, request.body.reason),
  );

  r.post(
    '/api/requests/:id/reject',
    {
      schema: {
        operationId: 'rejectRequest',
        tags,
        summary: 'Refuse to publish a request (reason required, mailed to its officers)',
        params: RequestIdParams,
        body: ReasonBody,
        response: { 200: HelpRequestDetail, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => rejectRequest(signedInContext(request), request.params.id, request.body.reason),
  );

  r.post(
    '/api/requests/:id/close',
    {
      schema: {
        operationId: 'closeRequest',
        tags,
        summary: 'Close a published or filled request (reason required, mailed to its officers)',
        params: RequestIdParams,
        body: ReasonBody,
        response: { 200: HelpRequestDetail, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => closeRequest(signedInContext(request), request.params.id, request.body.reason),
  );
}
