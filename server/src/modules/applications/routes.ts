import {
  ApplicationDetail,
  ApplicationForOfficer,
  ApplicationList,
  ApplyBody,
  DecisionBody,
  IdParams,
  MyApplication,
  MyApplicationList,
} from '@board/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  acceptApplication,
  applyToRequest,
  declineApplication,
  listApplications,
  listMyApplications,
  withdrawApplication,
} from './service.ts';
import { getApplication, showMatchContact } from './detail.ts';
import { errorResponses } from '../../routes/error-responses.ts';
import { signedInContext } from '../../services/context.ts';

export default async function applicationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/requests/:id/applications',
    {
      schema: {
        operationId: 'applyToRequest',
        tags: ['applications'],
        summary: 'Raise a hand for a published request (volunteer with a verified email)',
        description:
          'One live application per volunteer and request: a second one, also from a double click, is 409 ' +
          'ALREADY_APPLIED. 409 REQUEST_FILLED when every slot is matched, REQUEST_NOT_OPEN when it is not ' +
          'published, APPLICATION_DEADLINE_PASSED after the deadline; 403 EMAIL_NOT_VERIFIED, OWN_ASSOCIATION_REQUEST.',
        params: IdParams,
        body: ApplyBody,
        response: { 201: MyApplication, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const created = await applyToRequest(signedInContext(request), request.params.id, request.body);
      return reply.code(201).send(created);
    },
  );

  r.get(
    '/api/requests/:id/applications',
    {
      schema: {
        operationId: 'listApplications',
        tags: ['applications'],
        summary:
          "A request's applicants with their public profile (its officers, the municipality's staff, the foundation)",
        description:
          "Matched applicants include their contact details for the association's officers only, once opened " +
          '(accepting opens them; see showMatchContact); private ratings are included for staff and the foundation only.',
        params: IdParams,
        response: { 200: ApplicationList, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => listApplications(signedInContext(request), request.params.id),
  );

  r.get(
    '/api/applications/:id',
    {
      schema: {
        operationId: 'getApplication',
        tags: ['applications'],
        summary:
          "One application: for its volunteer, the request's officers, the municipality's staff and the foundation",
        description:
          'Anyone else gets 404. Contact details are included once that side opened them (showMatchContact); ' +
          'reading writes nothing.',
        params: IdParams,
        response: { 200: ApplicationDetail, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => getApplication(signedInContext(request), request.params.id),
  );

  r.post(
    '/api/applications/:id/contact',
    {
      schema: {
        operationId: 'showMatchContact',
        tags: ['applications'],
        summary: "Show the other side's contact details of a match (its volunteer or the association's officers)",
        description:
          'The first opening per side is audited as contact.reveal; accepting a hand opens the volunteer’s ' +
          'contact to the association at once. 409 NOT_MATCHED before a match; 403 for staff (they give a reason ' +
          'through revealOfficerContact); 404 for anyone who cannot see the application.',
        params: IdParams,
        response: { 200: ApplicationDetail, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => showMatchContact(signedInContext(request), request.params.id),
  );

  r.get(
    '/api/me/applications',
    {
      schema: {
        operationId: 'listMyApplications',
        tags: ['applications'],
        summary: 'Your own applications and matches, newest first (at most 500)',
        description:
          "Matches include the exact place, and the association's contact person once opened (showMatchContact).",
        response: { 200: MyApplicationList, ...errorResponses(401) },
      },
    },
    async (request) => ({ items: await listMyApplications(signedInContext(request)) }),
  );

  r.post(
    '/api/applications/:id/withdraw',
    {
      schema: {
        operationId: 'withdrawApplication',
        tags: ['applications'],
        summary: 'Take your hand back (pending, or matched and not yet done); a match gives its slot back',
        params: IdParams,
        response: { 200: MyApplication, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => withdrawApplication(signedInContext(request), request.params.id),
  );

  r.post(
    '/api/applications/:id/accept',
    {
      schema: {
        operationId: 'acceptApplication',
        tags: ['applications'],
        summary: 'Accept a pending hand: a match (officer of the association); 409 REQUEST_FILLED when no slot is left',
        description:
          'Slots are exact under a race: of many acceptances at once exactly the free slots succeed. The answer ' +
          "includes the volunteer's contact (its opening is audited as contact.reveal). The body (an optional note) may be omitted.",
        params: IdParams,
        body: DecisionBody.nullish(),
        response: { 200: ApplicationForOfficer, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => acceptApplication(signedInContext(request), request.params.id, request.body?.note || null),
  );

  r.post(
    '/api/applications/:id/decline',
    {
      schema: {
        operationId: 'declineApplication',
        tags: ['applications'],
        summary: 'Decline a pending hand with an optional note (officer of the association)',
        description: 'The body (an optional note shown to the volunteer) may be omitted.',
        params: IdParams,
        body: DecisionBody.nullish(),
        response: { 200: ApplicationForOfficer, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => declineApplication(signedInContext(request), request.params.id, request.body?.note || null),
  );
}
