import {
  HelpInvitationView,
  IdParams,
  InviteVolunteerBody,
  MuteHelpInvitationsBody,
  MyHelpInvitationList,
  SentHelpInvitationList,
} from '@board/shared';
import { byId, defineRoutes, route } from '../../routes/define-routes.ts';
import {
  declineInvitationToHelp,
  inviteVolunteer,
  listHelpInvitationsForRequest,
  listMyInvitationsToHelp,
  muteHelpInvitations,
} from './service.ts';

/** Invitations to help (issue 10): officers invite suggested volunteers; volunteers answer or mute them. */
export default defineRoutes('help-invitations', {
  inviteVolunteer: route('POST /api/requests/:id/help-invitations', {
    summary: 'Invite a volunteer who agreed to be suggested to raise a hand (officer of the request’s association)',
    description:
      'The request must be published with a free slot. 404 for a volunteer who did not agree to be suggested; ' +
      '409 HELP_INVITATIONS_MUTED, ALREADY_INVITED, ALREADY_APPLIED, REQUEST_INVITATION_LIMIT (10 open per request), ' +
      'VOLUNTEER_INVITATION_LIMIT (5 open per volunteer); 429 INVITE_RATE_LIMITED (30 a day per officer). ' +
      'The volunteer gets a mail in their language.',
    input: { params: IdParams, body: InviteVolunteerBody },
    response: { 201: HelpInvitationView },
    errors: [403, 409, 429],
    handler: (context, { params, body }) => inviteVolunteer(context, params.id, body.volunteerId),
  }),
  listHelpInvitationsForRequest: route('GET /api/requests/:id/help-invitations', {
    summary: 'The invitations to help sent for a request, newest first, with whom and what became of each',
    description:
      "For the request's association's officers and its municipality's staff. `status`: open (sent), " +
      'accepted (a hand raised), declined, expired (the request stopped taking hands, or 14 days passed).',
    input: { params: IdParams },
    response: { 200: SentHelpInvitationList },
    errors: [403],
    handler: byId(listHelpInvitationsForRequest),
  }),
  listMyInvitationsToHelp: route('GET /api/me/help-invitations', {
    summary: 'Your invitations to help, newest first (at most 100), and whether you muted them',
    description: 'An open invitation whose request no longer takes hands reads `expired`.',
    response: { 200: MyHelpInvitationList },
    handler: listMyInvitationsToHelp,
  }),
  declineInvitationToHelp: route('POST /api/help-invitations/:id/decline', {
    summary: 'Say “not this time” to an invitation to help (the invited volunteer)',
    input: { params: IdParams },
    response: { 200: HelpInvitationView },
    errors: [403, 409],
    handler: byId(declineInvitationToHelp),
  }),
  muteHelpInvitations: route('PUT /api/me/help-invitations/mute', {
    summary: 'Turn invitations to help off (muted: true) or on again',
    input: { body: MuteHelpInvitationsBody },
    response: { 200: MyHelpInvitationList },
    handler: (context, { body }) => muteHelpInvitations(context, body.muted),
  }),
});
