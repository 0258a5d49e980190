import {
  HelpRequestDetail,
  IdParams,
  ModerationQueue,
  ModerationQueueQuery,
  ReasonBody,
  ReviewHistory,
} from '@board/shared';
import {
  approveRequest,
  closeRequest,
  getReviewHistory,
  listModerationQueue,
  rejectRequest,
  requestChangesToRequest,
} from './service.ts';
import { byId, byQuery, defineRoutes, route } from '../../routes/define-routes.ts';

/** A decision on a request with the reason its officers are mailed (staff of its municipality). */
const decision = (url: `/api/${string}`, summary: string, decide: typeof rejectRequest) =>
  route(`POST ${url}`, {
    summary,
    input: { params: IdParams, body: ReasonBody },
    response: { 200: HelpRequestDetail },
    errors: [403, 404, 409],
    handler: (context, { params, body }) => decide(context, params.id, body.reason),
  });

/** Municipal staff review their municipality's requests; foundation staff read the queues. */
export default defineRoutes('moderation', {
  listModerationQueue: route('GET /api/moderation/queue', {
    summary:
      'Requests waiting for review (or sent back: status=changes_requested), oldest first, optionally of one association, with the counts for the header (staff; foundation reads)',
    input: { query: ModerationQueueQuery },
    response: { 200: ModerationQueue },
    errors: [403],
    handler: byQuery(listModerationQueue),
  }),
  getReviewHistory: route('GET /api/moderation/requests/:id/history', {
    summary:
      'The last reason staff sent a request back with, and which fields its officers changed since (staff of its municipality; foundation reads)',
    input: { params: IdParams },
    response: { 200: ReviewHistory },
    handler: byId(getReviewHistory),
  }),
  approveRequest: route('POST /api/requests/:id/approve', {
    summary: 'Publish a request waiting for review; its officers are told by mail',
    input: { params: IdParams },
    response: { 200: HelpRequestDetail },
    errors: [403, 409],
    handler: byId(approveRequest),
  }),
  requestChangesToRequest: decision(
    '/api/requests/:id/request-changes',
    'Send a request back to its officers with what to change (reason required, shown to them and mailed)',
    requestChangesToRequest,
  ),
  rejectRequest: decision(
    '/api/requests/:id/reject',
    'Refuse to publish a request (reason required, mailed to its officers)',
    rejectRequest,
  ),
  closeRequest: decision(
    '/api/requests/:id/close',
    'Close a published or filled request (reason required, mailed to its officers)',
    closeRequest,
  ),
});
