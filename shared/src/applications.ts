import { z } from 'zod';
import { RequestStatus } from './help-request-lifecycle.ts';
import { Language } from './roles.ts';
import { When } from './help-requests.ts';
import { plainText } from './safe-input.ts';
import { SkillLevel } from './skills/taxonomy.ts';

/**
 * API contract for raising a hand (手を挙げる), matches, finishing, thanks and the volunteer's
 * public profile (message threads: messages.ts; flags: flags.ts). Field errors use zod's codes or the
 * upper-case domain codes given here (the web translates `errors.field.<code>`).
 */

export const applicationStatuses = ['pending', 'accepted', 'declined', 'withdrawn'] as const;
export const ApplicationStatus = z.enum(applicationStatuses);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

/** POST /api/requests/:id/applications — raise a hand with a short message to the association. */
export const ApplyBody = z.object({
  message: plainText(1, 1000, 'MESSAGE_REQUIRED'),
  /** the page the hand was raised from: a suggestion card links with `?via=suggestion` (issue 10) */
  via: z.enum(['board', 'suggestion']).optional(),
});
export type ApplyBody = z.infer<typeof ApplyBody>;

/** accept / decline, with an optional note shown to the volunteer */
export const DecisionBody = z.object({ note: plainText(0, 500, 'NOTE_REQUIRED').optional() });
export type DecisionBody = z.infer<typeof DecisionBody>;

/** A thank-you after the officer marked the match done; once per side per match. */
export const ThanksBody = z.object({
  /** the thank-you note; to the volunteer it shows on their profile if they allow */
  note: plainText(1, 1000, 'NOTE_REQUIRED'),
  /** private: read only by the municipality's staff and the foundation */
  rating: z
    .object({
      score: z
        .number()
        .int({ error: 'SCORE_INVALID' })
        .min(1, { error: 'SCORE_INVALID' })
        .max(5, { error: 'SCORE_INVALID' }),
      comment: plainText(0, 1000, 'COMMENT_REQUIRED').default(''),
    })
    .optional(),
});
export type ThanksBody = z.infer<typeof ThanksBody>;

/** Contact details, shown only to the matched counterpart (and logged as `contact.reveal`). */
export const ContactDetails = z.object({
  userId: z.string(),
  displayName: z.string(),
  /** the person's notification address if they set one, else their sign-in address */
  email: z.string().nullable(),
  phone: z.string().nullable(),
});
export type ContactDetails = z.infer<typeof ContactDetails>;

/** What anyone signed in may see of a volunteer (GET /api/volunteers/:id); also beside each applicant. */
export const ApplicantProfile = z.object({
  id: z.string(),
  displayName: z.string(),
  /** skills of the shared vocabulary, each with a level (issue 10) */
  skills: z.array(z.object({ key: z.string(), level: SkillLevel })),
  /** categories of help the volunteer is drawn to */
  interestCategories: z.array(z.string()),
  languages: z.array(z.string()),
  /** the language the volunteer reads the site in (their profile's language): how to write to them */
  readingLanguage: Language,
  /** matches the association marked done and the volunteer confirmed */
  completedHelps: z.number().int(),
  /** thank-you notes received; null when the volunteer chose not to show thanks */
  thanksReceived: z.number().int().nullable(),
});
export type ApplicantProfile = z.infer<typeof ApplicantProfile>;

export const ReceivedThanks = z.object({
  body: z.string(),
  associationName: z.string(),
  municipalityCode: z.string(),
  createdAt: z.string(),
});

export const VolunteerPublicProfile = ApplicantProfile.extend({
  /** the notes themselves, newest first (at most 50); null when the volunteer hides them */
  thanks: z.array(ReceivedThanks).nullable(),
});
export type VolunteerPublicProfile = z.infer<typeof VolunteerPublicProfile>;

/** The thank-you notes of one match, one per side. */
export const MatchThanks = z.object({
  /** from the association to the volunteer */
  toVolunteer: z.string().nullable(),
  /** from the volunteer to the association */
  toAssociation: z.string().nullable(),
});

/** A private rating; only in answers to the municipality's staff and the foundation. */
export const StaffRatingView = z.object({
  toVolunteer: z.boolean(),
  score: z.number().int(),
  comment: z.string(),
  createdAt: z.string(),
});

const applicationFields = {
  id: z.string(),
  requestId: z.string(),
  municipalityCode: z.string(),
  associationId: z.string(),
  status: ApplicationStatus,
  message: z.string(),
  decisionNote: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  /** the officer marked the work done */
  completedAt: z.string().nullable(),
  /** the volunteer confirmed it */
  confirmedAt: z.string().nullable(),
  thanks: MatchThanks,
};

/** An applicant as the association (and staff) see them. */
export const ApplicationForOfficer = z.object({
  ...applicationFields,
  applicant: ApplicantProfile,
  /** the volunteer's contact: only to the association's officers, only while matched */
  contact: ContactDetails.nullable(),
  /** null for everyone but the municipality's staff and the foundation */
  ratings: z.array(StaffRatingView).nullable(),
});
export type ApplicationForOfficer = z.infer<typeof ApplicationForOfficer>;

export const ApplicationList = z.object({
  request: z.object({
    id: z.string(),
    title: z.string(),
    status: RequestStatus,
    slots: z.number().int(),
    matchedCount: z.number().int(),
  }),
  items: z.array(ApplicationForOfficer),
});
export type ApplicationList = z.infer<typeof ApplicationList>;

/** A volunteer's own application (their dashboard). */
export const MyApplication = z.object({
  ...applicationFields,
  request: z.object({
    id: z.string(),
    title: z.string(),
    status: RequestStatus,
    municipalityCode: z.string(),
    municipalityName: z.string(),
    associationName: z.string(),
    area: z.string(),
    online: z.boolean(),
    startsAt: z.string().nullable(),
    endsAt: z.string().nullable(),
    /** when the work is, as the request says it (`startsAt`/`endsAt` cannot tell a day without a time) */
    when: When,
    /** the exact meeting place: only while matched */
    exactPlace: z.string().nullable(),
  }),
  /** the association's contact person(s): only while matched */
  contacts: z.array(ContactDetails).nullable(),
});
export type MyApplication = z.infer<typeof MyApplication>;

export const MyApplicationList = z.object({ items: z.array(MyApplication) });
export type MyApplicationList = z.infer<typeof MyApplicationList>;

export const ThanksView = z.object({
  applicationId: z.string(),
  toVolunteer: z.boolean(),
  note: z.string(),
  rated: z.boolean(),
  createdAt: z.string(),
});
export type ThanksView = z.infer<typeof ThanksView>;

/**
 * One application as the person asking sees it (`getApplication`): its volunteer sees it as in
 * their own list, the association's officers, the municipality's staff and the foundation as in
 * the request's applicant list. Contact details appear once the side has shown them
 * (`showMatchContact`; accepting shows the volunteer's to the association at once).
 */
export const ApplicationDetail = z.object({
  side: z.enum(['volunteer', 'association', 'staff']),
  request: z.object({
    id: z.string(),
    title: z.string(),
    status: RequestStatus,
    associationName: z.string(),
  }),
  /** the volunteer's view (side `volunteer`), else null */
  asVolunteer: MyApplication.nullable(),
  /** the association's and staff's view (sides `association` and `staff`), else null */
  asAssociation: ApplicationForOfficer.nullable(),
});
export type ApplicationDetail = z.infer<typeof ApplicationDetail>;
