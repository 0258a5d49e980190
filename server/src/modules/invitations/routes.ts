import {
  AcceptInvitationBody,
  AcceptInvitationResult,
  IdParams,
  Invitation,
  InvitationList,
  InvitationPreview,
  InviteMunicipalStaffBody,
  InviteOfficerBody,
  ListInvitationsQuery,
  PreviewInvitationQuery,
} from '@board/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  acceptInvitation,
  inviteMunicipalStaff,
  inviteOfficer,
  listInvitations,
  previewInvitation,
  resendInvitation,
  revokeInvitation,
} from './service.ts';
import { errorResponses } from '../../routes/error-responses.ts';
import { serviceContext, signedInContext } from '../../services/context.ts';
import { startSession } from '../accounts/sessions.ts';

export default async function invitationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/invitations/municipal-staff',
    {
      schema: {
        operationId: 'inviteMunicipalStaff',
        tags: ['invitations'],
        summary: 'Invite someone to be staff of one municipality (foundation staff); mails a 7-day link',
        body: InviteMunicipalStaffBody,
        response: { 201: Invitation, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const invitation = await inviteMunicipalStaff(signedInContext(request), request.body);
      return reply.code(201).send(invitation);
    },
  );

  r.post(
    '/api/invitations/officers',
    {
      schema: {
        operationId: 'inviteOfficer',
        tags: ['invitations'],
        summary: 'Invite someone to be an officer of an association in your municipality (municipal staff)',
        body: InviteOfficerBody,
        response: { 201: Invitation, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const invitation = await inviteOfficer(signedInContext(request), request.body);
      return reply.code(201).send(invitation);
    },
  );

  r.get(
    '/api/invitations',
    {
      schema: {
        operationId: 'listInvitations',
        tags: ['invitations'],
        summary: 'Invitations in your municipality (staff) or everywhere (foundation), newest first (at most 500)',
        querystring: ListInvitationsQuery,
        response: { 200: InvitationList, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => ({ items: await listInvitations(signedInContext(request), request.query) }),
  );

  r.post(
    '/api/invitations/:id/resend',
    {
      schema: {
        operationId: 'resendInvitation',
        tags: ['invitations'],
        summary: 'Mail a new link, valid 7 more days; the old link stops working',
        params: IdParams,
        response: { 200: Invitation, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => resendInvitation(signedInContext(request), request.params.id),
  );

  r.post(
    '/api/invitations/:id/revoke',
    {
      schema: {
        operationId: 'revokeInvitation',
        tags: ['invitations'],
        summary: 'Make the invitation link stop working',
        params: IdParams,
        response: { 200: Invitation, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => revokeInvitation(signedInContext(request), request.params.id),
  );

  r.get(
    '/api/invitations/preview',
    {
      schema: {
        operationId: 'previewInvitation',
        tags: ['invitations'],
        summary: 'What an invitation link is for (the accept page); no sign-in needed, 410 when no longer valid',
        querystring: PreviewInvitationQuery,
        response: { 200: InvitationPreview, ...errorResponses(400, 410) },
      },
    },
    async (request) => previewInvitation(serviceContext(request), request.query.token),
  );

  r.post(
    '/api/invitations/accept',
    {
      schema: {
        operationId: 'acceptInvitation',
        tags: ['invitations'],
        summary: 'Accept an invitation: adds the role to your account, or makes a new account and signs you in',
        description:
          'Signed in: the account email must be the invited one (else 409 INVITATION_EMAIL_MISMATCH). ' +
          'Not signed in: if an account has the email, 401 INVITATION_SIGN_IN_REQUIRED; otherwise ' +
          '`displayName` and `password` make a new account. A used, revoked or expired link is 410 INVITATION_INVALID.',
        body: AcceptInvitationBody,
        response: { 200: AcceptInvitationResult, ...errorResponses(400, 401, 403, 409, 410) },
      },
    },
    async (request, reply) =>
      acceptInvitation(
        serviceContext(request),
        request.sessionId,
        (tx, userId) => startSession(app, app.config, reply, tx, userId),
        request.body,
      ),
  );
}
