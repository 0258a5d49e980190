import {
  BoardPage,
  BoardQuery,
  CreateHelpRequestBody,
  CreateRequestOnBehalfBody,
  HelpRequestDetail,
  HelpRequestInput,
  IdParams,
  MyRequestsPage,
  MyRequestsQuery,
  OfficerContact,
  ReasonBody,
} from '@board/shared';
import { getRequest, listMyAssociationRequests, listRequests, revealOfficerContact } from './board.ts';
import { copyRequest, createRequest, deleteDraft, submitRequest, updateRequest, withdrawRequest } from './service.ts';
import { createRequestOnBehalf } from './on-behalf.ts';
import { byBody, byId, byIdAndBody, byQuery, defineRoutes, NoContent, route } from '../../routes/define-routes.ts';

/** Help requests (依頼): officers post and manage; anyone reads the board. */
export default defineRoutes('requests', {
  listRequests: route('GET /api/requests', {
    summary:
      'The board: published requests of every active municipality, filtered, keyset-paginated; no sign-in needed',
    description:
      'Every filter is a query-string parameter, so a filtered board is a shareable URL. `municipalities` and ' +
      '`skills` take several values (comma-separated or repeated). `q`: every word must match title or body ' +
      '(katakana/hiragana and full/half width fold together). Pass `nextCursor` back as `cursor`.',
    signIn: 'optional',
    input: { query: BoardQuery },
    response: { 200: BoardPage },
    handler: async (context, { query }, { app, reply }) => {
      const json = await app.boardCache.page(query, () => listRequests(context, query));
      // Fastify sends a string with a JSON content type as is, without serialising it again
      return reply.type('application/json; charset=utf-8').send(json);
    },
  }),
  createRequest: route('POST /api/requests', {
    summary: 'Draft a request for your association (officers)',
    input: { body: CreateHelpRequestBody },
    response: { 201: HelpRequestDetail },
    errors: [403, 404, 409],
    handler: byBody(createRequest),
  }),
  createRequestOnBehalf: route('POST /api/requests/on-behalf', {
    summary:
      "Post a request for an association of your municipality, from a phone call or a paper form (municipal staff): published at once, marked as posted by the municipality, the municipality's contact desk as its contact; audit-logged",
    input: { body: CreateRequestOnBehalfBody },
    response: { 201: HelpRequestDetail },
    errors: [403, 404, 409],
    handler: byBody(createRequestOnBehalf),
  }),
  listMyAssociationRequests: route('GET /api/me/requests', {
    summary: "Your associations' requests in every state, last changed first (officers' dashboard)",
    input: { query: MyRequestsQuery },
    response: { 200: MyRequestsPage },
    errors: [403],
    handler: byQuery(listMyAssociationRequests),
  }),
  getRequest: route('GET /api/requests/:id', {
    summary: 'One request as you may see it (exact place and contact only for those entitled)',
    signIn: 'optional',
    input: { params: IdParams },
    response: { 200: HelpRequestDetail },
    handler: byId(getRequest),
  }),
  updateRequest: route('PUT /api/requests/:id', {
    summary: 'Replace the content of a draft, or of a request sent back for changes (officers)',
    input: { params: IdParams, body: HelpRequestInput },
    response: { 200: HelpRequestDetail },
    errors: [403, 409],
    handler: byIdAndBody(updateRequest),
  }),
  deleteRequest: route('DELETE /api/requests/:id', {
    summary: 'Delete a draft of your association (officers); anything already sent is withdrawn instead',
    description: 'Only a draft: any other state is 409 REQUEST_NOT_DELETABLE. Audit-logged (request.delete).',
    input: { params: IdParams },
    response: { 204: NoContent },
    errors: [403, 409],
    handler: async (context, { params }) => {
      await deleteDraft(context, params.id);
      return null;
    },
  }),
  revealOfficerContact: route('POST /api/requests/:id/officer-contact', {
    summary: "The posting officer's contact, for the municipality's staff and foundation staff, with a reason",
    description:
      'Contact details reach staff only with a reason, which is audit-logged (contact.reveal, side "staff") with every ' +
      'look-up. Officers of the association and matched volunteers see the contact on the request itself.',
    input: { params: IdParams, body: ReasonBody },
    response: { 200: OfficerContact },
    errors: [403],
    handler: (context, { params, body }) => revealOfficerContact(context, params.id, body.reason),
  }),
  submitRequest: route('POST /api/requests/:id/submit', {
    summary: 'Send for review, or publish at once where the municipality does not moderate (officers)',
    description: 'A second submit of the same request (e.g. a double click) is 409 REQUEST_TRANSITION_NOT_ALLOWED.',
    input: { params: IdParams },
    response: { 200: HelpRequestDetail },
    errors: [403, 409],
    handler: byId(submitRequest),
  }),
  withdrawRequest: route('POST /api/requests/:id/withdraw', {
    summary: 'Take the request back, any time before completion (officers)',
    input: { params: IdParams },
    response: { 200: HelpRequestDetail },
    errors: [403, 409],
    handler: byId(withdrawRequest),
  }),
  copyRequest: route('POST /api/requests/:id/copy', {
    summary: 'Start a new draft with the same content (dates cleared), e.g. to post it again next year (officers)',
    input: { params: IdParams },
    response: { 201: HelpRequestDetail },
    errors: [403],
    handler: byId(copyRequest),
  }),
});
