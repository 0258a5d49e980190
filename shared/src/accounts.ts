import { z } from 'zod';
import { categoryKeys } from './categories.ts';
import { MunicipalityCode } from './municipalities.ts';
import { Language, Role } from './roles.ts';
import { auditActionGroupKeys, auditActionKeys } from './audit-actions.ts';
import { Day, multiLineText, singleLineText } from './safe-input.ts';
import { keysetPage, unlessBlank } from './query-strings.ts';
import { AvailabilitySlot } from './skills/availability.ts';
import { SkillKey, SkillLevel } from './skills/taxonomy.ts';
import { MailMode, NotificationKind } from './notifications.ts';

/**
 * API contract for accounts, sessions, profiles, invitations and the audit log. Field errors use
 * these codes (the web translates `field.<code>`): zod's own (`too_small`, `invalid_format`, …)
 * or the upper-case domain codes given here.
 */

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, { error: 'EMAIL_INVALID' })
  .pipe(z.email({ error: 'EMAIL_INVALID' }));

/** NIST 800-63B: length over composition rules; 10+ characters, at most 200. */
export const Password = z.string().min(10, { error: 'PASSWORD_TOO_SHORT' }).max(200, { error: 'PASSWORD_TOO_LONG' });

export const DisplayName = singleLineText({
  max: 60,
  required: 'DISPLAY_NAME_REQUIRED',
  tooLong: 'DISPLAY_NAME_TOO_LONG',
});

/** An opaque token from an emailed link (base64url, secrets.ts newToken) */
export const LinkToken = z
  .string()
  .min(20)
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/);

export const SignUpBody = z.object({ email: Email, password: Password, displayName: DisplayName, language: Language });
export const SignInBody = z.object({ email: Email, password: z.string().min(1).max(200) });
export const EmailOnlyBody = z.object({ email: Email });
export const TokenBody = z.object({ token: LinkToken });
export const ResetPasswordBody = z.object({ token: LinkToken, password: Password });
export const ChangePasswordBody = z.object({ currentPassword: z.string().min(1).max(200), newPassword: Password });
export const ChangeEmailBody = z.object({ newEmail: Email, password: z.string().min(1).max(200) });

/** Answer to sign-up, reset and link requests: the same whether or not the email is known. */
export const Accepted = z.object({ status: z.literal('check_your_email') });

export const RoleGrantView = z.object({
  role: Role,
  municipalityCode: z.string().nullable(),
  municipalityName: z.string().nullable(),
  associationId: z.string().nullable(),
  associationName: z.string().nullable(),
});
export type RoleGrantView = z.infer<typeof RoleGrantView>;

/** A skill of the vocabulary a volunteer has, and how well: can do it, or can teach it. */
export const VolunteerSkill = z.object({ key: SkillKey, level: SkillLevel });
export type VolunteerSkill = z.infer<typeof VolunteerSkill>;

/**
 * The volunteer profile (a full replacement on `updateMe`). Fields added by issue 10 default
 * when left out: skills, interest categories and availability slots empty, no hours, not
 * suggestable.
 */
export const VolunteerProfile = z.object({
  /** skills of the shared vocabulary, each with a level */
  skills: z.array(VolunteerSkill).max(80, { error: 'TOO_MANY' }).default([]),
  /** categories of help the volunteer is drawn to (before issue 10 these were called skills) */
  interestCategories: z.array(z.enum(categoryKeys)).max(12).default([]),
  /** areas: municipalities they will help in */
  municipalityCodes: z.array(MunicipalityCode).max(62),
  /** a free note on when they can help */
  availability: multiLineText({ max: 500 }),
  /** weekday × part of the day they are usually free */
  availabilitySlots: z.array(AvailabilitySlot).max(21).default([]),
  languages: z.array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)?$/)).max(10),
  onlineOk: z.boolean(),
  /** how many hours a month they would like to help; null when not said */
  hoursPerMonth: z.number().int().min(1).max(200).nullable().default(null),
  /** consent to be suggested to officers of requests that fit (off by default) */
  suggestable: z.boolean().default(false),
  bio: multiLineText({ max: 1000 }),
  showThanks: z.boolean(),
});
export type VolunteerProfile = z.infer<typeof VolunteerProfile>;

export const Me = z.object({
  id: z.string(),
  email: z.string(),
  emailVerified: z.boolean(),
  /** false for accounts that only ever signed in by emailed links (invitation, sign-in link) */
  hasPassword: z.boolean(),
  displayName: z.string(),
  language: Language,
  notificationEmail: z.string().nullable(),
  phone: z.string().nullable(),
  roles: z.array(RoleGrantView),
  volunteerProfile: VolunteerProfile.nullable(),
});
export type Me = z.infer<typeof Me>;

export const Session = z.object({
  accessToken: z.string(),
  /** seconds */
  expiresIn: z.number(),
  me: Me,
});
export type Session = z.infer<typeof Session>;

export const UpdateMeBody = z.object({
  displayName: DisplayName.optional(),
  language: Language.optional(),
  notificationEmail: Email.nullable().optional(),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() ]{6,20}$/, { error: 'PHONE_INVALID' })
    .nullable()
    .optional(),
  volunteerProfile: VolunteerProfile.optional(),
});
export type UpdateMeBody = z.infer<typeof UpdateMeBody>;

/**
 * Deleting one's own account. The rule: an account that has a password must give it (`password`);
 * an account without one (made by an invitation or the operator command and never given a
 * password, signed in through an emailed link) must send `confirm: "DELETE"` instead. A wrong
 * password is 403 PASSWORD_INCORRECT; the missing field is 400 with `fields`.
 */
export const DeleteMeBody = z.object({
  password: z.string().min(1).max(200).optional(),
  confirm: z.literal('DELETE').optional(),
});
export const DeletedAccount = z.object({ status: z.literal('deleted') });

/** Everything the board keeps about the person (GET /api/me/export, downloaded as a JSON file). */
export const MyDataExport = z.object({
  exportedAt: z.string(),
  account: z.object({
    id: z.string(),
    email: z.string(),
    emailVerifiedAt: z.string().nullable(),
    displayName: z.string(),
    language: Language,
    notificationEmail: z.string().nullable(),
    phone: z.string().nullable(),
    hasPassword: z.boolean(),
    createdAt: z.string(),
  }),
  roles: z.array(RoleGrantView.extend({ since: z.string() })),
  volunteerProfile: VolunteerProfile.nullable(),
  helpRequests: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      status: z.string(),
      municipalityCode: z.string(),
      associationId: z.string(),
      createdAt: z.string(),
    }),
  ),
  /** hands raised (as a volunteer), with the request's title */
  applications: z.array(
    z.object({
      id: z.string(),
      requestId: z.string(),
      requestTitle: z.string(),
      message: z.string(),
      status: z.string(),
      createdAt: z.string(),
      decidedAt: z.string().nullable(),
      withdrawnAt: z.string().nullable(),
      completedAt: z.string().nullable(),
      confirmedAt: z.string().nullable(),
    }),
  ),
  /** invitations to help the person received as a volunteer (issue 10), with the request's title */
  helpInvitations: z.array(
    z.object({
      id: z.string(),
      requestId: z.string(),
      requestTitle: z.string(),
      status: z.string(),
      createdAt: z.string(),
      decidedAt: z.string().nullable(),
    }),
  ),
  /** messages the person wrote in match threads */
  messages: z.array(
    z.object({
      id: z.string(),
      applicationId: z.string(),
      requestTitle: z.string(),
      body: z.string(),
      createdAt: z.string(),
      hiddenAt: z.string().nullable(),
    }),
  ),
  /** thank-you notes given (`given`) and received as a volunteer */
  thanks: z.array(
    z.object({
      id: z.string(),
      applicationId: z.string(),
      requestTitle: z.string(),
      given: z.boolean(),
      body: z.string(),
      createdAt: z.string(),
    }),
  ),
  /** private ratings about the person as a volunteer, and those they gave (`given`) */
  ratings: z.array(
    z.object({
      id: z.string(),
      applicationId: z.string(),
      requestTitle: z.string(),
      given: z.boolean(),
      score: z.number().int(),
      comment: z.string(),
      createdAt: z.string(),
    }),
  ),
  /** reports the person raised */
  flags: z.array(
    z.object({
      id: z.string(),
      targetType: z.string(),
      targetId: z.string(),
      reason: z.string(),
      status: z.string(),
      createdAt: z.string(),
      resolvedAt: z.string().nullable(),
    }),
  ),
  /** the sessions, never their tokens */
  sessions: z.array(z.object({ createdAt: z.string(), expiresAt: z.string(), endedAt: z.string().nullable() })),
  /** audit entries of the person's own actions (`byThem`), about their account, or showing their contact to someone */
  auditEntries: z.array(
    z.object({ at: z.string(), action: z.string(), byThem: z.boolean(), details: z.record(z.string(), z.unknown()) }),
  ),
  /** the person's notification centre (issue 11): what they were told, how it was mailed, when read */
  notifications: z.array(
    z.object({
      id: z.string(),
      kind: NotificationKind,
      params: z.record(z.string(), z.string()),
      link: z.string(),
      mailMode: MailMode,
      mailedAt: z.string().nullable(),
      createdAt: z.string(),
      readAt: z.string().nullable(),
    }),
  ),
  /** the person's mail choice per kind; kinds not listed use the default */
  notificationPreferences: z.array(z.object({ kind: NotificationKind, mode: MailMode, updatedAt: z.string() })),
  /** the private calendar feed, if the person made one: when (its address is never stored) */
  calendarFeed: z.object({ createdAt: z.string() }).nullable(),
});
export type MyDataExport = z.infer<typeof MyDataExport>;

export const Association = z.object({
  id: z.string(),
  municipalityCode: MunicipalityCode,
  name: z.string(),
  area: z.string(),
  households: z.number().int().nullable(),
  createdAt: z.string(),
});
export type Association = z.infer<typeof Association>;

export const CreateAssociationBody = z.object({
  municipalityCode: MunicipalityCode,
  name: singleLineText({ max: 100, required: 'NAME_REQUIRED' }),
  area: singleLineText({ max: 200 }).default(''),
  households: z.number().int().min(0).max(100_000).nullable().default(null),
});
export const ListAssociationsQuery = z.object({ municipalityCode: MunicipalityCode.optional() });
export const AssociationList = z.object({ items: z.array(Association) });

/** The roles an invitation gives. */
export const invitedRoles = ['municipal_staff', 'officer'] as const;
export const InvitedRole = z.enum(invitedRoles);
export type InvitedRole = z.infer<typeof InvitedRole>;

export const invitationStates = ['pending', 'accepted', 'revoked', 'expired'] as const;
export const Invitation = z.object({
  id: z.string(),
  role: InvitedRole,
  email: z.string(),
  language: Language,
  municipalityCode: z.string(),
  associationId: z.string().nullable(),
  associationName: z.string().nullable(),
  state: z.enum(invitationStates),
  expiresAt: z.string(),
  createdAt: z.string(),
});
export type Invitation = z.infer<typeof Invitation>;

export const InviteMunicipalStaffBody = z.object({
  email: Email,
  municipalityCode: MunicipalityCode,
  language: Language,
});
export const InviteOfficerBody = z.object({ email: Email, associationId: z.uuid(), language: Language });
export const ListInvitationsQuery = z.object({
  municipalityCode: MunicipalityCode.optional(),
  state: z.enum(invitationStates).optional(),
});
export const InvitationList = z.object({ items: z.array(Invitation) });
export const IdParams = z.object({ id: z.uuid() });

/** An officer of an association as the staff who manage it see them: a name, not contact details. */
export const AssociationOfficer = z.object({ userId: z.string(), displayName: z.string(), since: z.string() });
export type AssociationOfficer = z.infer<typeof AssociationOfficer>;
export const AssociationOfficerList = z.object({ items: z.array(AssociationOfficer) });
export type AssociationOfficerList = z.infer<typeof AssociationOfficerList>;
export const AssociationOfficerParams = z.object({ id: z.uuid(), userId: z.uuid() });
/** Accepting: a signed-in person adds the role; otherwise a new account is made with these. */
export const AcceptInvitationBody = z.object({
  token: LinkToken,
  displayName: DisplayName.optional(),
  password: Password.optional(),
});
export const PreviewInvitationQuery = z.object({ token: LinkToken });
/**
 * After accepting: the person as they are now. `session` is set when accepting made a new account
 * (they are signed in, cookies set); null when the role was added to the signed-in account.
 */
export const AcceptInvitationResult = z.object({
  me: Me,
  session: z.object({ accessToken: z.string(), expiresIn: z.number() }).nullable(),
});
export const InvitationPreview = z.object({
  role: InvitedRole,
  email: z.string(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  municipalityNameEn: z.string(),
  associationName: z.string().nullable(),
  expiresAt: z.string(),
  /** true: the page asks them to sign in first; false: it asks for a name and a password */
  accountExists: z.boolean(),
});

export const AuditEntry = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  municipalityCode: z.string().nullable(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
/**
 * The audit log's filters, all optional ('' is "not set", as a GET form sends it): one
 * municipality (foundation staff), `action` a group or one action (shared/src/audit-actions.ts),
 * `from`/`to` days in Tokyo time (both included), `cursor` from `nextCursor`, `limit` 1–200.
 */
export const ListAuditLogQuery = z
  .object({
    municipalityCode: unlessBlank(MunicipalityCode),
    action: unlessBlank(z.enum([...auditActionGroupKeys, ...auditActionKeys], { error: 'AUDIT_ACTION_INVALID' })),
    from: unlessBlank(Day),
    to: unlessBlank(Day),
    cursor: unlessBlank(z.string().max(300)),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .superRefine((q, ctx) => {
    if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: 'custom', message: 'DATE_RANGE_INVALID', path: ['to'] });
  });
export type ListAuditLogQuery = z.infer<typeof ListAuditLogQuery>;
/** Newest first (of one moment, the later entry first); pass `nextCursor` as `cursor` for the next page (null: no more). */
export const AuditLogPage = keysetPage(AuditEntry);
