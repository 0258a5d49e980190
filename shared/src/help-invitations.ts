import { z } from 'zod';
import { HelpRequestPublic } from './help-requests.ts';

/**
 * Invitations to help (issue 10): an officer asks a volunteer who agreed to be suggested to raise
 * a hand for one published request. Not account invitations (accounts.ts `invitations`).
 */

export const helpInvitationStatuses = ['open', 'accepted', 'declined', 'expired'] as const;
export const HelpInvitationStatus = z.enum(helpInvitationStatuses);
export type HelpInvitationStatus = z.infer<typeof HelpInvitationStatus>;

/** How a match began, recorded on the application (`applications.origin`). */
export const applicationOrigins = ['board', 'suggestion', 'invitation'] as const;
export const ApplicationOrigin = z.enum(applicationOrigins);
export type ApplicationOrigin = z.infer<typeof ApplicationOrigin>;

/** The limits that keep anybody from being pestered (server enforces, pages explain). */
export const helpInvitationLimits = {
  /** open invitations one request may have */
  openPerRequest: 10,
  /** invitations one officer may send in 24 hours */
  perOfficerPerDay: 30,
  /** open invitations one volunteer may hold at once */
  openPerVolunteer: 5,
} as const;

/** POST /api/requests/:id/help-invitations */
export const InviteVolunteerBody = z.object({ volunteerId: z.uuid({ error: 'VOLUNTEER_REQUIRED' }) });
export type InviteVolunteerBody = z.infer<typeof InviteVolunteerBody>;

/** An invitation as the officer who sent it (and staff) see it. */
export const HelpInvitationView = z.object({
  id: z.string(),
  requestId: z.string(),
  volunteerId: z.string(),
  status: HelpInvitationStatus,
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type HelpInvitationView = z.infer<typeof HelpInvitationView>;

/**
 * An invitation as its volunteer sees it: the request's public part. `status` reads `expired`
 * for an open invitation whose request no longer takes hands.
 */
export const MyHelpInvitation = HelpInvitationView.omit({ volunteerId: true }).extend({
  request: HelpRequestPublic,
});
export type MyHelpInvitation = z.infer<typeof MyHelpInvitation>;

export const MyHelpInvitationList = z.object({
  items: z.array(MyHelpInvitation),
  /** the volunteer asked not to be invited */
  muted: z.boolean(),
});
export type MyHelpInvitationList = z.infer<typeof MyHelpInvitationList>;

/**
 * An invitation as the request's officers (and its municipality's staff) see it on the request:
 * whom they asked and what became of it. `status` reads `expired` for an open invitation whose
 * request no longer takes hands.
 */
export const SentHelpInvitation = HelpInvitationView.omit({ requestId: true }).extend({
  displayName: z.string(),
});
export type SentHelpInvitation = z.infer<typeof SentHelpInvitation>;

/** GET /api/requests/:id/help-invitations */
export const SentHelpInvitationList = z.object({ items: z.array(SentHelpInvitation) });
export type SentHelpInvitationList = z.infer<typeof SentHelpInvitationList>;

/** An open invitation lapses after this many days even while its request still takes hands. */
export const helpInvitationLifetimeDays = 14;

/** PUT /api/me/help-invitations/mute */
export const MuteHelpInvitationsBody = z.object({ muted: z.boolean() });
export type MuteHelpInvitationsBody = z.infer<typeof MuteHelpInvitationsBody>;
