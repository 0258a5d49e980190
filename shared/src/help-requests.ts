import { z } from 'zod';
import { Category, categoryKeys } from './categories.ts';
import { MunicipalityCode } from './municipalities.ts';
import { RequestStatus, requestTransitionNames, type RequestTransition } from './help-request-lifecycle.ts';
import { Day, Instant, multiLineText, singleLineText, tokyoClock, tokyoDayStart } from './safe-input.ts';
import { RubyText } from './ruby.ts';
import { SkillKey } from './skills/taxonomy.ts';
import { HandsMode } from './first-come.ts';
import { blank, cursor, flag, keysetPage, limit, listOf } from './query-strings.ts';

/**
 * API contract for help requests (依頼), moderation and the board. Field errors carry codes the web
 * translates (`field.<code>`): zod's own (`too_small`, `too_big`, `invalid_type`, …) or the
 * upper-case domain codes below (TITLE_REQUIRED, DEADLINE_AFTER_START, …).
 */

/**
 * When the help is needed: at a moment, over a range, on a day whose time is not fixed yet
 * (`day`, a Tokyo calendar day), or whenever suits (flexible).
 */
export const When = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('at'), startsAt: Instant }),
  z
    .object({ kind: z.literal('range'), startsAt: Instant, endsAt: Instant })
    .refine((w) => Date.parse(w.endsAt) > Date.parse(w.startsAt), { error: 'ENDS_BEFORE_START', path: ['endsAt'] }),
  z.object({ kind: z.literal('day'), day: Day }),
  z.object({ kind: z.literal('flexible') }),
]);
export type When = z.infer<typeof When>;

/** The Tokyo calendar day (`2026-12-06`) an instant falls on. */
export function tokyoDayOf(instant: Date | string): string {
  return tokyoClock(instant).toISOString().slice(0, 10);
}

/** "When" from its stored columns (`when_kind`, `starts_at`, `ends_at`); incomplete columns read as flexible. */
export function whenOfColumns(row: { whenKind: string; startsAt: Date | null; endsAt: Date | null }): When {
  const { whenKind, startsAt, endsAt } = row;
  if (whenKind === 'at' && startsAt) return { kind: 'at', startsAt: startsAt.toISOString() };
  if (whenKind === 'day' && startsAt) return { kind: 'day', day: tokyoDayOf(startsAt) };
  if (whenKind === 'range' && startsAt && endsAt) {
    return { kind: 'range', startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() };
  }
  return { kind: 'flexible' };
}

/**
 * The latest moment an application deadline may have: the start of the work, or for a day whose
 * time is not fixed, the end of that day; null when the work has no date (flexible).
 */
export function latestDeadline(when: When): number | null {
  if (when.kind === 'flexible') return null;
  if (when.kind === 'day') return tokyoDayStart(when.day, 1).getTime() - 60_000;
  return Date.parse(when.startsAt);
}

/** A language the work is done in (BCP 47-ish: `ja`, `en`, `ja-easy`, `vi`, `zh-Hans`). */
export const RequestLanguage = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)?$/, { error: 'LANGUAGE_INVALID' });

export const Skill = singleLineText({ max: 30, required: 'SKILL_REQUIRED' });

/** The longest summary an officer may add in English or in やさしい日本語. */
export const summaryMax = 300;

/** What an officer fills in; the same for creating and for editing (a full replacement). */
const helpRequestFields = {
  title: singleLineText({ max: 80, required: 'TITLE_REQUIRED' }),
  /** plain text, stored exactly as typed (line breaks kept); never HTML. The web auto-links URLs. */
  body: multiLineText({ max: 4000, required: 'BODY_REQUIRED', trim: false }),
  category: Category,
  /** free tags: one that a spelling of the skills vocabulary matches is stored as that skill */
  skills: z.array(Skill).max(10, { error: 'TOO_MANY' }).default([]),
  /** skills of the shared vocabulary (shared/src/skills) */
  skillKeys: z.array(SkillKey).max(20, { error: 'TOO_MANY' }).default([]),
  slots: z.number().int().min(1).max(20),
  when: When,
  /** area inside the municipality (丁目), shown to everyone */
  area: singleLineText({ max: 100 }).default(''),
  /** exact meeting place: private until a match */
  exactPlace: singleLineText({ max: 200 }).default(''),
  online: z.boolean().default(false),
  /** hours, in steps of 0.5; null when unknown */
  estimatedHours: z.number().min(0.5).max(100).multipleOf(0.5).nullable().default(null),
  expensesCovered: z.boolean().default(false),
  /** until when volunteers may raise a hand; in the future, and not after the start */
  applicationDeadline: Instant.nullable().default(null),
  languages: z
    .array(RequestLanguage)
    .min(1, { error: 'LANGUAGE_REQUIRED' })
    .max(10, { error: 'TOO_MANY' })
    .default(['ja']),
  /** a short summary in English for readers of English (plain text; '' when none) */
  summaryEn: multiLineText({ max: summaryMax }).default(''),
  /** a short summary in やさしい日本語 (easy Japanese; plain text; '' when none) */
  summaryJaEasy: multiLineText({ max: summaryMax }).default(''),
  /** the officer picks from the hands (default), or the first verified hands are matched at once (first-come.ts) */
  handsMode: HandsMode.default('officer_picks'),
};

/** Rules across fields: the deadline lies ahead and not after the start (`latestDeadline`). */
function deadlineRules(input: { when: When; applicationDeadline: string | null }, ctx: z.RefinementCtx) {
  if (input.applicationDeadline === null) return;
  const deadline = Date.parse(input.applicationDeadline);
  if (deadline <= Date.now()) {
    ctx.addIssue({ code: 'custom', message: 'DEADLINE_IN_PAST', path: ['applicationDeadline'] });
  }
  const latest = latestDeadline(input.when);
  if (latest !== null && deadline > latest) {
    ctx.addIssue({ code: 'custom', message: 'DEADLINE_AFTER_START', path: ['applicationDeadline'] });
  }
}

export const HelpRequestInput = z.object(helpRequestFields).superRefine(deadlineRules);
export type HelpRequestInput = z.infer<typeof HelpRequestInput>;

/**
 * Creating: the content plus the association it is for. `associationId` may be left out by an
 * officer of exactly one association.
 */
export const CreateHelpRequestBody = z
  .object({ ...helpRequestFields, associationId: z.uuid().optional() })
  .superRefine(deadlineRules);
export type CreateHelpRequestBody = z.infer<typeof CreateHelpRequestBody>;

/** Where a request staff post on an association's behalf came from (kept in the audit entry). */
export const onBehalfSources = ['phone', 'paper', 'counter'] as const;
export const OnBehalfSource = z.enum(onBehalfSources);
export type OnBehalfSource = z.infer<typeof OnBehalfSource>;

/**
 * Municipal staff post a request for an association of their municipality whose officers are not
 * online (`createRequestOnBehalf`): the content, the association and where it came from. It is
 * published at once (staff are the reviewers), marked as posted by the municipality, with the
 * municipality's contact desk as its contact.
 */
export const CreateRequestOnBehalfBody = z
  .object({ ...helpRequestFields, associationId: z.uuid(), source: OnBehalfSource })
  .superRefine(deadlineRules);
export type CreateRequestOnBehalfBody = z.infer<typeof CreateRequestOnBehalfBody>;

/** A reason shown to the officer (ask for changes, reject, close). */
export const Reason = multiLineText({ max: 1000, required: 'REASON_REQUIRED' });
export const ReasonBody = z.object({ reason: Reason });

/** What anyone sees, signed in or not: no exact place, no contact. */
export const HelpRequestPublic = z.object({
  id: z.string(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  municipalityNameEn: z.string(),
  associationId: z.string(),
  associationName: z.string(),
  title: z.string(),
  body: z.string(),
  category: Category,
  /** free tags that match no skill of the vocabulary */
  skills: z.array(z.string()),
  /** skills of the vocabulary (labels from listSkills or shared `skills`) */
  skillKeys: z.array(z.string()),
  slots: z.number().int(),
  matchedCount: z.number().int(),
  when: When,
  area: z.string(),
  online: z.boolean(),
  estimatedHours: z.number().nullable(),
  expensesCovered: z.boolean(),
  applicationDeadline: z.string().nullable(),
  languages: z.array(z.string()),
  /** the officer's own short summaries for readers of English and of やさしい日本語 ('' when none) */
  summaryEn: z.string(),
  summaryJaEasy: z.string(),
  status: RequestStatus,
  publishedAt: z.string().nullable(),
  /** posted by the municipality's staff on the association's behalf (its contact is the municipality's desk) */
  postedByMunicipality: z.boolean(),
  /** readings over the kanji of title, body and association name (furigana, issue 13); null: no kanji or not made yet */
  titleRuby: RubyText.nullable(),
  bodyRuby: RubyText.nullable(),
  associationNameRuby: RubyText.nullable(),
});
export type HelpRequestPublic = z.infer<typeof HelpRequestPublic>;

export const OfficerContact = z.object({
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});
export type OfficerContact = z.infer<typeof OfficerContact>;

export const RequestTransitionName = z.enum(requestTransitionNames as [RequestTransition, ...RequestTransition[]]);

/**
 * One request as the viewer may see it. `exactPlace` is filled for the association's officers,
 * the municipality's staff, foundation staff and volunteers whose application was accepted;
 * `officerContact` only for the association's officers and matched volunteers (staff ask with a
 * logged reason: `canRevealContact`, revealOfficerContact). `statusReason` (why changes were
 * asked for, why it was rejected or closed) only for officers and staff. `availableTransitions`
 * are exactly the lifecycle buttons this viewer has; `canEdit` / `canCopy` / `canDelete` the others.
 */
export const HelpRequestDetail = HelpRequestPublic.extend({
  exactPlace: z.string().nullable(),
  officerContact: OfficerContact.nullable(),
  statusReason: z.string().nullable(),
  hidden: z.boolean(),
  copiedFrom: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  availableTransitions: z.array(RequestTransitionName),
  canEdit: z.boolean(),
  canCopy: z.boolean(),
  /** a draft of the viewer's association: it may be deleted (`deletableStatuses`) */
  canDelete: z.boolean(),
  canRevealContact: z.boolean(),
  /** how a hand becomes a match now: as saved, unless staff disallowed first come for its category */
  handsMode: HandsMode,
});
export type HelpRequestDetail = z.infer<typeof HelpRequestDetail>;

// ---- the board's and the officer's lists (query strings: shared/src/query-strings.ts)

export const boardSorts = ['newest', 'deadline'] as const;
export const BoardSort = z.enum(boardSorts);
export type BoardSort = z.infer<typeof BoardSort>;

/**
 * The board's filters, all in the query string so a filtered board is a shareable URL:
 * `municipalities` several codes, `category`, `skills` (any of them), `languages` (the work can be
 * done in any of them), `from`/`to` (days in Tokyo time; the request starts within), `onlineOnly`,
 * `openOnly` (slots still open; without it filled requests are listed too), `q` (every word must
 * match; English words and kana readings also find their Japanese requests through
 * search/synonyms.ts), `sort`, `cursor` (from `nextCursor`), `limit` 1–50.
 */
export const BoardQuery = z
  .object({
    municipalities: listOf(MunicipalityCode, 62),
    category: z.union([blank, Category]).optional(),
    skills: listOf(Skill, 10),
    languages: listOf(RequestLanguage, 10).describe(
      'Language codes (`en`, `ja-easy`, …): requests that can be done in any of them.',
    ),
    from: z.union([blank, Day]).optional(),
    to: z.union([blank, Day]).optional(),
    onlineOnly: flag,
    openOnly: flag.describe('Only requests still taking hands. Without it, filled requests are listed too.'),
    q: singleLineText({ max: 100 })
      .transform((v) => v || undefined)
      .optional()
      .describe(
        'Search words, every one must match title or body. English words and kana readings of common kinds of ' +
          'help (photo, flyer, translation, しゃしん …) also find their Japanese requests and category.',
      ),
    sort: z
      .union([blank, BoardSort])
      .optional()
      .transform((v) => v ?? 'newest'),
    cursor,
    limit: limit(50, 20),
  })
  .superRefine((q, ctx) => {
    if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: 'custom', message: 'DATE_RANGE_INVALID', path: ['to'] });
  });
export type BoardQuery = z.infer<typeof BoardQuery>;

/** The board counts its matches up to this many ("1,000 or more" beyond). */
export const boardTotalCap = 1000;

/**
 * A page of the board; pass `nextCursor` as `cursor` for the next one (null: the end). `total`:
 * how many requests match the filters on all pages together, at most `boardTotalCap`; `more`:
 * there are more than that.
 */
export const BoardPage = keysetPage(HelpRequestPublic).extend({
  total: z.number().int().min(0),
  more: z.boolean(),
});
export type BoardPage = z.infer<typeof BoardPage>;

/** An officer's own requests, every state (their dashboard), most recently changed first. */
export const MyRequestsQuery = z.object({
  status: z.union([blank, RequestStatus]).optional(),
  associationId: z.union([blank, z.uuid()]).optional(),
  cursor,
  limit: limit(100, 50),
});
/** One of the officer's own requests, with its hands still waiting for an answer (pending; a request that ended keeps them). */
export const MyHelpRequest = HelpRequestDetail.extend({ pendingApplications: z.number().int() });
export type MyHelpRequest = z.infer<typeof MyHelpRequest>;
export const MyRequestsPage = keysetPage(MyHelpRequest);
export type MyRequestsPage = z.infer<typeof MyRequestsPage>;

// ---- municipality settings (staff); here because they govern requests: moderation and categories

export const MunicipalityCodeParams = z.object({ code: MunicipalityCode });

export const MunicipalitySettingsView = z.object({
  code: z.string(),
  moderationRequired: z.boolean(),
  /** the categories officers may choose here (every category unless staff narrowed them) */
  enabledCategories: z.array(Category),
  /** where associations and residents ask (typed by staff: plain text, line breaks kept); '' when not set */
  contactDesk: z.string(),
  /** the municipality's names, so a page can say whose desk it shows */
  nameJa: z.string(),
  nameKana: z.string(),
  nameEn: z.string(),
  /** categories whose requests may not be "first come" (先着順) here; the officer picks every hand */
  firstComeDisallowed: z.array(Category),
});
export type MunicipalitySettingsView = z.infer<typeof MunicipalitySettingsView>;

export const UpdateMunicipalitySettingsBody = z.object({
  moderationRequired: z.boolean().optional(),
  enabledCategories: z
    .array(Category)
    .min(1, { error: 'CATEGORY_REQUIRED' })
    .max(categoryKeys.length)
    .refine((list) => new Set(list).size === list.length, { error: 'DUPLICATE' })
    .optional(),
  contactDesk: multiLineText({ max: 300 }).optional(),
  firstComeDisallowed: z
    .array(Category)
    .max(categoryKeys.length)
    .refine((list) => new Set(list).size === list.length, { error: 'DUPLICATE' })
    .optional(),
});
export type UpdateMunicipalitySettingsBody = z.infer<typeof UpdateMunicipalitySettingsBody>;
