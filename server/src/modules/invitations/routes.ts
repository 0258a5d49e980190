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
import { acceptInvitation, previewInvitation } from './acceptance.ts';
import { inviteMunicipalStaff, inviteOfficer, listInvitations, resendInvitation, revokeInvitation } from './service.ts';
import { byBody, byId, byQuery, defineRoutes, route } from '../../routes/define-routes.ts';
import { startSession } from '../accounts/sessions.ts';

/** Invitations (招待): the foundation invites municipal staff, municipal staff invite officers. */
export default defineRoutes('invitations', {
  inviteMunicipalStaff: route('POST /api/invitations/municipal-staff', {
    summary: 'Invite someone to be staff of one municipality (foundation staff); mails a 7-day link',
    input: { body: InviteMunicipalStaffBody },
    response: { 201: Invitation },
    errors: [403, 404, 409],
    handler: byBody(inviteMunicipalStaff),
  }),
  inviteOfficer: route('POST /api/invitations/officers', {
    summary: 'Invite someone to be an officer of an association in your municipality (municipal staff)',
    input: { body: InviteOfficerBody },
    response: { 201: Invitation },
    errors: [403, 404, 409],
    handler: byBody(inviteOfficer),
  }),
  listInvitations: route('GET /api/invitations', {
    summary: 'Invitations in your municipality (staff) or everywhere (foundation), newest first (at most 500)',
    input: { query: ListInvitationsQuery },
    response: { 200: InvitationList },
    errors: [403],
    handler: byQuery(listInvitations),
  }),
  resendInvitation: route('POST /api/invitations/:id/resend', {
    summary: 'Mail a new link, valid 7 more days; the old link stops working',
    input: { params: IdParams },
    response: { 200: Invitation },
    errors: [403, 409],
    handler: byId(resendInvitation),
  }),
  revokeInvitation: route('POST /api/invitations/:id/revoke', {
    summary: 'Make the invitation link stop working',
    input: { params: IdParams },
    response: { 200: Invitation },
    errors: [403, 409],
    handler: byId(revokeInvitation),
  }),
  previewInvitation: route('GET /api/invitations/preview', {
    summary: 'What an invitation link is for (the accept page); no sign-in needed, 410 when no longer valid',
    signIn: 'optional',
    input: { query: PreviewInvitationQuery },
    response: { 200: InvitationPreview },
    errors: [410],
    handler: (context, { query }) => previewInvitation(context, query.token),
  }),
  acceptInvitation: route('POST /api/invitations/accept', {
    summary: 'Accept an invitation: adds the role to your account, or makes a new account and signs you in',
    description:
      'Signed in: the account email must be the invited one (else 409 INVITATION_EMAIL_MISMATCH). ' +
      'Not signed in: if an account has the email, 401 INVITATION_SIGN_IN_REQUIRED; otherwise ' +
      '`displayName` and `password` make a new account. A used, revoked or expired link is 410 INVITATION_INVALID.',
    signIn: 'optional',
    input: { body: AcceptInvitationBody },
    response: { 200: AcceptInvitationResult },
    errors: [401, 403, 409, 410],
    handler: (context, { body }, { app, request, reply }) =>
      acceptInvitation(
        context,
        request.sessionId,
        (tx, userId) => startSession(app, app.config, reply, tx, userId),
        body,
      ),
  }),
});
