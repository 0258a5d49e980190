import {
  boardStatuses,
  categoryKeys,
  deletableStatuses,
  openForHandsStatuses,
  publicStatuses,
  requestStatuses,
  requestTransitions,
  whenKinds,
  handsModes,
  type RequestStatus,
  type RubyText,
} from '@board/shared';
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgPolicy,
  pgTable,
  pgView,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, createdAt, ginPendingListLimit, id, requiredLink, requiredMunicipality, textList } from './columns.ts';
import { anyOf, isCurrentUser, isFoundation, isSystem, officerOf, policyFor, staffOf } from './access.ts';
import { associations } from './associations.ts';
import { municipalities } from './municipalities.ts';
import { users } from './users.ts';

export const requestStatus = pgEnum('request_status', requestStatuses);
export const category = pgEnum('category', categoryKeys);
export const whenKind = pgEnum('when_kind', whenKinds);
/** Two ways to say yes (issue 10): the officer picks from the hands, or the first verified hands are matched at once. */
export const handsMode = pgEnum('hands_mode', handsModes);

/**
 * `status in ('…', …)` with the states written as SQL literals, not parameters: a partial index
 * (and the board view's predicate) only applies when the query names the same constants, also in
 * the generic plans postgres.js's prepared statements get. The states are our own enum values.
 */
export function statusLiteralIn(column: AnyPgColumn, statuses: readonly RequestStatus[]) {
  const literals = statuses.map((s) => `'${s}'`);
  return literals.length === 1
    ? sql`${column} = ${sql.raw(literals[0]!)}`
    : sql`${column} in (${sql.raw(literals.join(', '))})`;
}

/** `status` is none of these states (`<>` for one, `not in` for several), literals as above. */
export function statusLiteralNotIn(column: AnyPgColumn, statuses: readonly RequestStatus[]) {
  const literals = statuses.map((s) => `'${s}'`);
  return literals.length === 1
    ? sql`${column} <> ${sql.raw(literals[0]!)}`
    : sql`${column} not in (${sql.raw(literals.join(', '))})`;
}

/** Listed on the board (shared `boardStatuses`) and not hidden after a flag. */
export function onBoard(t: { status: AnyPgColumn; hiddenAt: AnyPgColumn }) {
  return sql`${statusLiteralIn(t.status, boardStatuses)} and ${t.hiddenAt} is null`;
}

/** Taking hands with a slot left (shared `isOpenForHands`; the deadline is the expiry job's to enforce). */
export function openForHands(t: { status: AnyPgColumn; matchedCount: AnyPgColumn; slots: AnyPgColumn }) {
  return sql`${statusLiteralIn(t.status, openForHandsStatuses)} and ${t.matchedCount} < ${t.slots}`;
}

/** The board's states that take no hands (filled): on the board, open is "not one of these". */
const boardClosedStatuses = boardStatuses.filter((s) => !openForHandsStatuses.includes(s));

/**
 * `openForHands` for rows already on the board (its view or `onBoard`): the same rows, said as
 * "not filled". PostgreSQL multiplies the board's `status in (published, filled)` and open's
 * `status = 'published'` as if they were independent and expected 28 open requests with a common
 * word where there were 4,088, then chose a plan 100× slower (docs/benchmarks.md, tenth session).
 */
export function openOnBoard(t: { status: AnyPgColumn; matchedCount: AnyPgColumn; slots: AnyPgColumn }) {
  return sql`${statusLiteralNotIn(t.status, boardClosedStatuses)} and ${t.matchedCount} < ${t.slots}`;
}

/** The board's deadline order: soonest first, requests without a deadline last. */
export function deadlineOrNever(t: { applicationDeadline: AnyPgColumn }) {
  return sql`coalesce(${t.applicationDeadline}, 'infinity'::timestamptz)`;
}

/**
 * The keys an open request is found by for a volunteer's suggestions (SQL function
 * `request_match_keys`, migration 0037; server/src/modules/matching/keys.ts builds the keys a
 * volunteer asks for).
 */
export function requestMatchKeys(t: {
  skillKeys: AnyPgColumn;
  category: AnyPgColumn;
  municipalityCode: AnyPgColumn;
  online: AnyPgColumn;
}) {
  return sql`request_match_keys(${t.skillKeys}, ${t.category}, ${t.municipalityCode}, ${t.online})`;
}

/**
 * The search tokens of a request's municipality (`m:13121`) and category (`c:photo_video`); a
 * word's tokens are one or two letters or digits, never a colon. Every request carries its own two (trigger
 * `help_requests_search_tokens_placed`, migration 0043): a search within one municipality asks the
 * GIN index for a word's tokens and the place token at once, and a word that names a category for
 * the category's token (and the place's), so only the matches are read.
 */
export const placeToken = (municipalityCode: string) => `m:${municipalityCode}`;
export const categoryToken = (category: string) => `c:${category}`;

/** 依頼 / 困りごと posted by an association. */
export const helpRequests = pgTable(
  'help_requests',
  {
    id: id(),
    municipalityCode: requiredMunicipality(() => municipalities.code),
    associationId: requiredLink('association_id', () => associations.id),
    createdBy: uuid('created_by').references(() => users.id),
    title: text('title').notNull(),
    body: text('body').notNull(),
    category: category('category').notNull(),
    /** free tags that match no skill of the vocabulary (staff see the most used, to grow it) */
    skills: textList('skills'),
    /** skills of the shared vocabulary (`SkillKey`) the request asks for */
    skillKeys: textList('skill_keys'),
    slots: integer('slots').notNull().default(1),
    whenKind: whenKind('when_kind').notNull().default('flexible'),
    startsAt: at('starts_at'),
    endsAt: at('ends_at'),
    /** area inside the municipality (丁目 level); the exact place stays private until a match */
    area: text('area').notNull().default(''),
    exactPlace: text('exact_place').notNull().default(''),
    online: boolean('online').notNull().default(false),
    estimatedHours: numeric('estimated_hours', { precision: 5, scale: 1 }),
    expensesCovered: boolean('expenses_covered').notNull().default(false),
    applicationDeadline: at('application_deadline'),
    languages: text('languages')
      .array()
      .notNull()
      .default(sql`'{ja}'::text[]`),
    /** the officer's short summary for readers of English ('' when none) */
    summaryEn: text('summary_en').notNull().default(''),
    /** the officer's short summary in やさしい日本語 ('' when none) */
    summaryJaEasy: text('summary_ja_easy').notNull().default(''),
    /** accepted applications; never above `slots` (the accept is a conditional UPDATE on this column) */
    matchedCount: integer('matched_count').notNull().default(0),
    /**
     * normalised unigrams + bigrams of title and body (shared/src/search/tokens.ts), GIN-indexed,
     * and the `placeToken` and `categoryToken`, which the database adds on every write (migration 0043)
     */
    searchTokens: textList('search_tokens'),
    /** readings over the kanji of title and body (furigana, issue 13), made when written; null: no kanji, or not made yet */
    titleRuby: jsonb('title_ruby').$type<RubyText>(),
    bodyRuby: jsonb('body_ruby').$type<RubyText>(),
    /** the request this one was copied from ("post it again next year") */
    copiedFrom: uuid('copied_from'),
    /** posted by the municipality's staff on the association's behalf (phone call, paper form); its contact is the desk */
    postedByMunicipality: boolean('posted_by_municipality').notNull().default(false),
    /** staff hid it after a flag */
    hiddenAt: at('hidden_at'),
    status: requestStatus('status').notNull().default('draft'),
    statusReason: text('status_reason'),
    publishedAt: at('published_at'),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    handsMode: handsMode('hands_mode').notNull().default('officer_picks'),
  },
  (t) => [
    check('help_requests_matched_within_slots', sql`${t.matchedCount} >= 0 and ${t.matchedCount} <= ${t.slots}`),
    index('help_requests_municipality_status_idx').on(t.municipalityCode, t.status),
    index('help_requests_association_idx').on(t.associationId),
    // every request of a municipality for its staff (issue 12), newest posted first
    index('help_requests_municipality_created_idx').on(t.municipalityCode, t.createdAt.desc(), t.id.desc()),
    // the months a figures refresh recomputes (issue 12): the requests posted or published in them
    index('help_requests_created_idx').on(t.createdAt),
    index('help_requests_published_idx')
      .on(t.publishedAt)
      .where(sql`${t.publishedAt} is not null`),
    // The board's indexes cover only the rows it lists (a few percent of all requests): the same
    // predicate as the board_requests view below, so the planner can use them for the view.
    // GIN indexes keep a short pending list (`ginPendingListLimit`).
    index('help_requests_board_search_idx').using('gin', t.searchTokens).with(ginPendingListLimit).where(onBoard(t)),
    index('help_requests_board_skill_keys_idx').using('gin', t.skillKeys).with(ginPendingListLimit).where(onBoard(t)),
    // the requests open for hands, by what they can be suggested for (suggestions, issue 10)
    index('help_requests_open_match_keys_idx')
      .using('gin', requestMatchKeys(t))
      .with(ginPendingListLimit)
      .where(sql`${openForHands(t)} and ${t.hiddenAt} is null`),
    index('help_requests_board_newest_idx').on(t.publishedAt.desc(), t.id.desc()).where(onBoard(t)),
    index('help_requests_board_municipality_idx')
      .on(t.municipalityCode, t.publishedAt.desc(), t.id.desc())
      .where(onBoard(t)),
    index('help_requests_board_deadline_idx').on(deadlineOrNever(t), t.id).where(onBoard(t)),
    // a category filter, and a search word that also names a category (写真 → photo_video): without
    // it PostgreSQL cannot OR the word's GIN look-ups with the category, and reads the table
    index('help_requests_board_category_idx').on(t.category, t.publishedAt.desc(), t.id.desc()).where(onBoard(t)),
    index('help_requests_expiry_idx')
      .on(t.applicationDeadline)
      .where(statusLiteralIn(t.status, requestTransitions.expire.from)),
    index('help_requests_moderation_idx')
      .on(t.municipalityCode, t.updatedAt)
      .where(sql`${t.status} = 'pending_review'`),
    pgPolicy(
      'help_requests_read',
      policyFor(
        'select',
        anyOf(
          statusLiteralIn(t.status, publicStatuses),
          isSystem,
          isFoundation,
          staffOf(t.municipalityCode),
          officerOf(t.associationId),
          isCurrentUser(t.createdBy),
        ),
      ),
    ),
    // officers post for their association; staff post for one of their municipality (on its behalf)
    pgPolicy(
      'help_requests_insert',
      policyFor(
        'insert',
        anyOf(
          isSystem,
          officerOf(t.associationId),
          sql`(${staffOf(t.municipalityCode)} and ${t.postedByMunicipality})`,
        ),
      ),
    ),
    pgPolicy(
      'help_requests_update',
      policyFor('update', anyOf(isSystem, staffOf(t.municipalityCode), officerOf(t.associationId))),
    ),
    // an officer may delete a draft of their association (nothing else: anything sent keeps its history)
    pgPolicy(
      'help_requests_delete',
      policyFor(
        'delete',
        anyOf(isSystem, sql`(${officerOf(t.associationId)} and ${statusLiteralIn(t.status, deletableStatuses)})`),
      ),
    ),
  ],
);

/**
 * The public board: requests listed on it (published or filled, not hidden), public columns
 * only (no exact place, reason or author). Created in migration 0005, owned by the table's
 * owner and granted to board_app for SELECT only: reading through it is not subject to the
 * table's row-level security, which would keep the planner from using the GIN and enum
 * indexes (their operators are not leakproof). Its WHERE is the board's rule, a subset of
 * what the policy `help_requests_read` lets anyone read.
 */
export const boardRequests = pgView('board_requests', {
  id: uuid('id').notNull(),
  municipalityCode: text('municipality_code').notNull(),
  associationId: uuid('association_id').notNull(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  category: category('category').notNull(),
  skills: text('skills').array().notNull(),
  slots: integer('slots').notNull(),
  matchedCount: integer('matched_count').notNull(),
  whenKind: whenKind('when_kind').notNull(),
  startsAt: at('starts_at'),
  endsAt: at('ends_at'),
  area: text('area').notNull(),
  online: boolean('online').notNull(),
  estimatedHours: numeric('estimated_hours', { precision: 5, scale: 1 }),
  expensesCovered: boolean('expenses_covered').notNull(),
  applicationDeadline: at('application_deadline'),
  languages: text('languages').array().notNull(),
  searchTokens: text('search_tokens').array().notNull(),
  status: requestStatus('status').notNull(),
  publishedAt: at('published_at'),
  updatedAt: at('updated_at').notNull(),
  /** added in migration 0012 (a view's new columns go last) */
  summaryEn: text('summary_en').notNull(),
  summaryJaEasy: text('summary_ja_easy').notNull(),
  /** added in migration 0016 */
  postedByMunicipality: boolean('posted_by_municipality').notNull(),
  /** added in migration 0018 (issue 10) */
  skillKeys: text('skill_keys').array().notNull(),
  /** added by the furigana migration (issue 13) */
  titleRuby: jsonb('title_ruby').$type<RubyText>(),
  bodyRuby: jsonb('body_ruby').$type<RubyText>(),
}).existing();
