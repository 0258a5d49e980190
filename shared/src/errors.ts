import { z } from 'zod';

/**
 * Stable error codes the API returns in `{ error: { code } }`. The web translates each one
 * (message key `error.<CODE>`); the server maps each to an HTTP status in one place.
 */
export const errorStatus = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_CREDENTIALS: 401,
  TOKEN_INVALID: 400,
  EMAIL_NOT_VERIFIED: 403,
  CSRF_REJECTED: 403,
  CONFLICT: 409,
  EMAIL_TAKEN: 409,
  INVITATION_INVALID: 410,
  /** an invitation for this email and role is still open: resend it instead */
  INVITATION_PENDING: 409,
  /** resend/revoke of an invitation that was already accepted or revoked */
  INVITATION_NOT_PENDING: 409,
  /** the signed-in account's email is not the one the invitation was sent to */
  INVITATION_EMAIL_MISMATCH: 409,
  /** an account with the invitation's email exists: sign in to it, then accept */
  INVITATION_SIGN_IN_REQUIRED: 401,
  /** the person already holds the role the invitation would grant */
  ROLE_ALREADY_HELD: 409,
  /** re-entering one's password to confirm (e.g. deleting the account) failed */
  PASSWORD_INCORRECT: 403,
  // raising a hand, matching, finishing, flags (shared/src/applications.ts)
  /** the request is not taking hands (not published, hidden, or its municipality is paused) */
  REQUEST_NOT_OPEN: 409,
  /** every slot of the request is already matched */
  REQUEST_FILLED: 409,
  /** raising a hand after the request's application deadline */
  APPLICATION_DEADLINE_PASSED: 409,
  /** the volunteer already has a live (pending or accepted) application to this request */
  ALREADY_APPLIED: 409,
  /** the association already said no to this volunteer's hand for this request */
  APPLICATION_DECLINED: 409,
  /** an officer cannot raise a hand for their own association's request */
  OWN_ASSOCIATION_REQUEST: 403,
  /** accept/decline of an application that is no longer pending; withdraw of a finished one */
  APPLICATION_NOT_PENDING: 409,
  /** the application is not (or no longer) a match: no messages, completion or thanks */
  NOT_MATCHED: 409,
  /** the matched work has no date (flexible), so there is nothing to put in a calendar */
  NO_WORK_DATE: 409,
  /** the officer already marked this match done */
  ALREADY_COMPLETED: 409,
  /** the officer has not marked the match done yet (confirm, thanks) */
  NOT_COMPLETED: 409,
  /** the volunteer already confirmed */
  ALREADY_CONFIRMED: 409,
  /** this side already thanked for this match */
  ALREADY_THANKED: 409,
  /** the person already has an open flag on this item */
  ALREADY_FLAGGED: 409,
  /** the flag was already decided */
  FLAG_NOT_OPEN: 409,
  /** the request is not in a state this step can start from (e.g. submitted twice, already approved) */
  REQUEST_TRANSITION_NOT_ALLOWED: 409,
  /** the request's content can be changed only while it is a draft or changes were asked for */
  REQUEST_NOT_EDITABLE: 409,
  /** only a draft can be deleted; a request that was sent is withdrawn instead */
  REQUEST_NOT_DELETABLE: 409,
  /** submitting a draft whose application deadline has already passed: set a new one first */
  REQUEST_DEADLINE_PASSED: 409,
  /** the municipality's status does not allow this change (already active, already paused…) */
  MUNICIPALITY_STATUS_NOT_ALLOWED: 409,
  /** posting or submitting in a paused municipality (its requests are off the board for now) */
  MUNICIPALITY_PAUSED: 409,
  // invitations to help (issue 10, shared/src/help-invitations.ts)
  /** this volunteer was already invited to this request (whatever they answered) */
  ALREADY_INVITED: 409,
  /** the volunteer asked not to be invited */
  HELP_INVITATIONS_MUTED: 409,
  /** the request already has as many open invitations as it may (helpInvitationLimits.openPerRequest) */
  REQUEST_INVITATION_LIMIT: 409,
  /** the volunteer holds as many open invitations as they may (helpInvitationLimits.openPerVolunteer) */
  VOLUNTEER_INVITATION_LIMIT: 409,
  /** the officer sent as many invitations today as they may (helpInvitationLimits.perOfficerPerDay) */
  INVITE_RATE_LIMITED: 429,
  /** declining an invitation that was already answered or has expired */
  HELP_INVITATION_NOT_OPEN: 409,
  // good cases (好事例, shared/src/stories.ts)
  /** a story is written only about a match its volunteer confirmed */
  MATCH_NOT_CONFIRMED: 409,
  /** this match already has a story (in review or approved) */
  STORY_EXISTS: 409,
  /** approving or sending back a story that is not waiting for review */
  STORY_NOT_IN_REVIEW: 409,
  /** featuring a story that is not public */
  STORY_NOT_PUBLISHED: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  DATABASE_UNAVAILABLE: 503,
} as const;
export type ErrorCode = keyof typeof errorStatus;
export const errorCodes = Object.keys(errorStatus) as ErrorCode[];

export const FieldIssue = z.object({
  /** dotted path of the field, e.g. `email` or `when.start` */
  field: z.string(),
  /** machine code of the problem, e.g. `too_small`, `invalid_format`, or a domain code */
  code: z.string(),
});
export type FieldIssue = z.infer<typeof FieldIssue>;

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    requestId: z.string().optional(),
    fields: z.array(FieldIssue).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** A rule broken in the domain; thrown by services, turned into a response by the error handler. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldIssue[] | undefined;
  constructor(code: ErrorCode, message?: string, fields?: FieldIssue[]) {
    super(message ?? code);
    this.name = 'DomainError';
    this.code = code;
    this.fields = fields;
  }
  get status(): number {
    return errorStatus[this.code];
  }
}
