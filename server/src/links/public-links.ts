import type { AppConfig } from '../config.ts';

/**
 * Pages of the web app that the server links to (mail, the Atom feed; QR codes and flyers later).
 * The web owns these paths; this is the one list on the server side.
 */
export const webPages = {
  board: '/',
  signIn: '/signin',
  /** a volunteer signs up (the volunteer poster's QR code) */
  signUp: '/signup',
  verifyEmail: '/verify-email',
  signInLink: '/signin/link',
  resetPassword: '/reset-password',
  acceptInvitation: '/invitations/accept',
  myApplications: '/me/applications',
  /** a volunteer's invitations to help, where they can also mute them */
  myHelpInvitations: '/me/help-invitations',
  /** a request's public page */
  request: (requestId: string) => `/requests/${requestId}`,
  /** a volunteer's own applications, at this one's card (where they confirm the work was done) */
  myApplication: (applicationId: string) => `/me/applications#app-${applicationId}-title`,
  /** the officer's page of one request (state, what to do, applicants): every mail to officers links here */
  officerRequest: (requestId: string) => `/association/requests/${requestId}`,
  /** the same page at its applicants (the heading's id on that page) */
  applicants: (requestId: string) => `/association/requests/${requestId}#applicants-heading`,
  /** one match: contact details and the private thread, for both sides */
  match: (applicationId: string) => `/matches/${applicationId}`,
  /** a match's story (issue 12): the officer writes it, the volunteer chooses to be named or not */
  matchStory: (applicationId: string) => `/matches/${applicationId}/story`,
  /** staff: one request in the review queue */
  moderationRequest: (requestId: string) => `/staff/moderation/${requestId}`,
  /** staff: the review queue */
  moderationQueue: '/staff/moderation',
  /** staff: the flags of their municipality */
  staffFlags: '/staff/flags',
  /** a person's notifications (issue 11) */
  notifications: '/notifications',
} as const;

/** An absolute URL to a page of the web app at `PUBLIC_ORIGIN`, with an optional query. */
export function publicLink(
  config: Pick<AppConfig, 'publicOrigin'>,
  path: string,
  query: Record<string, string> = {},
): string {
  const search = new URLSearchParams(query).toString();
  return `${config.publicOrigin}${path}${search ? `?${search}` : ''}`;
}
