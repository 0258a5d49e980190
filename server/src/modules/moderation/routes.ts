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
        response: { 200: ModerationQueue },
      },
    },
    async (request) => listModerationQueue(request.requireActor(), request, request.query),
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
        response: { 200: ReviewHistory },
      },
    },
    async (request) => getReviewHistory(request.requireActor(), request, request.params.id),
  );

  r.post(
    '/api/requests/:id/approve',
    {
      schema: {
        operationId: 'approveRequest',
        tags,
        summary: 'Publish a request waiting for review; its officers are told by mail',
        params: RequestIdParams,
        response: { 200: HelpRequestDetail },
      },
    },
    async (request) => approveRequest(app, request.requireActor(), request, request.params.id),
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
        response: { 200: HelpRequestDetail },
      },
    },
    async (request) =>
      requestChangesToRequest(app, request.requireActor(), request, request.params.id, request.body.reason),
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
        response: { 200: HelpRequestDetail },
      },
    },
    async (request) => rejectRequest(app, request.requireActor(), request, request.params.id, request.body.reason),
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
        response: { 200: HelpRequestDetail },
      },
    },
    async (request) => closeRequest(app, request.requireActor(), request, request.params.id, request.body.reason),
  );
}
