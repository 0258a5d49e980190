import { schema } from '@board/db';
import type { BoardSort, Category, HandsMode, RequestStatus, RubyText, SearchTerm, WhenKind } from '@board/shared';
import { sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/** The shapes of help request rows and the columns that make them (shared by the repository and the reader). */

const { helpRequests: r, boardRequests: b, municipalities: m, associations: a } = schema;

/**
 * How a hand becomes a match now (shared first-come.ts): first come as the officer saved it, unless
 * the municipality's staff disallowed first come for the request's category since.
 */
const handsModeNow = sql<HandsMode>`(case when ${r.handsMode} = 'first_come' and not coalesce(${m.settings} -> 'firstComeDisallowed', '[]'::jsonb) @> to_jsonb(${r.category}::text) then 'first_come' else 'officer_picks' end)`;

/** Every column of a request, with the names of its municipality and association. */
export const requestColumns = {
  id: r.id,
  municipalityCode: r.municipalityCode,
  municipalityName: m.nameJa,
  municipalityNameEn: m.nameEn,
  municipalityActive: sql<boolean>`(${m.status} = 'active')`.mapWith(Boolean),
  moderationRequired: m.moderationRequired,
  associationId: r.associationId,
  associationName: a.name,
  associationNameRuby: a.nameRuby,
  createdBy: r.createdBy,
  title: r.title,
  body: r.body,
  category: r.category,
  skills: r.skills,
  skillKeys: r.skillKeys,
  slots: r.slots,
  matchedCount: r.matchedCount,
  whenKind: r.whenKind,
  startsAt: r.startsAt,
  endsAt: r.endsAt,
  area: r.area,
  exactPlace: r.exactPlace,
  online: r.online,
  estimatedHours: r.estimatedHours,
  expensesCovered: r.expensesCovered,
  applicationDeadline: r.applicationDeadline,
  languages: r.languages,
  summaryEn: r.summaryEn,
  summaryJaEasy: r.summaryJaEasy,
  titleRuby: r.titleRuby,
  bodyRuby: r.bodyRuby,
  status: r.status,
  statusReason: r.statusReason,
  copiedFrom: r.copiedFrom,
  postedByMunicipality: r.postedByMunicipality,
  hiddenAt: r.hiddenAt,
  publishedAt: r.publishedAt,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
  handsMode: handsModeNow,
};

/** What the board lists of a request (the `board_requests` view), with its municipality and association names. */
export const boardColumns = {
  id: b.id,
  municipalityCode: b.municipalityCode,
  municipalityName: m.nameJa,
  municipalityNameEn: m.nameEn,
  associationId: b.associationId,
  associationName: a.name,
  associationNameRuby: a.nameRuby,
  title: b.title,
  body: b.body,
  category: b.category,
  skills: b.skills,
  skillKeys: b.skillKeys,
  slots: b.slots,
  matchedCount: b.matchedCount,
  whenKind: b.whenKind,
  startsAt: b.startsAt,
  endsAt: b.endsAt,
  area: b.area,
  online: b.online,
  estimatedHours: b.estimatedHours,
  expensesCovered: b.expensesCovered,
  applicationDeadline: b.applicationDeadline,
  languages: b.languages,
  summaryEn: b.summaryEn,
  summaryJaEasy: b.summaryJaEasy,
  titleRuby: b.titleRuby,
  bodyRuby: b.bodyRuby,
  status: b.status,
  publishedAt: b.publishedAt,
  postedByMunicipality: b.postedByMunicipality,
};

/** A request as `requestColumns` reads it: the content an officer wrote, and where it stands. */
export interface RequestRow extends Omit<RequestContent, 'searchTokens'> {
  id: string;
  municipalityCode: string;
  municipalityName: string;
  municipalityNameEn: string;
  municipalityActive: boolean;
  moderationRequired: boolean;
  associationId: string;
  associationName: string;
  associationNameRuby: RubyText | null;
  createdBy: string | null;
  matchedCount: number;
  status: RequestStatus;
  statusReason: string | null;
  copiedFrom: string | null;
  postedByMunicipality: boolean;
  hiddenAt: Date | null;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** as it applies now (`handsModeNow`) */
  handsMode: HandsMode;
}

/** The columns anyone may see (the board's, and the public part of a request page). */
export type PublicRequestRow = Pick<RequestRow, keyof typeof boardColumns>;

/** A board row with its sort key as PostgreSQL text (for the cursor). */
export type BoardRow = PublicRequestRow & { sortKey: string | null };

/** The officer who posted the request, as their counterpart sees them after a match. */
export interface ContactRow {
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
}

export type RequestWithContact = RequestRow & ContactRow;

/** A listed row with its sort key as PostgreSQL text (full microsecond precision, for the cursor). */
export type KeyedRow = RequestRow & { sortKey: string | null };

/** Content columns an officer writes (create and edit). */
export interface RequestContent {
  title: string;
  body: string;
  category: Category;
  skills: string[];
  skillKeys: string[];
  slots: number;
  whenKind: WhenKind;
  startsAt: Date | null;
  endsAt: Date | null;
  area: string;
  exactPlace: string;
  online: boolean;
  estimatedHours: string | null;
  expensesCovered: boolean;
  applicationDeadline: Date | null;
  languages: string[];
  summaryEn: string;
  summaryJaEasy: string;
  titleRuby: RubyText | null;
  bodyRuby: RubyText | null;
  searchTokens: string[];
  handsMode: HandsMode;
}

/** A position in a keyset-paginated listing: the sort key (timestamptz as text, or null) and the id. */
export interface Keyset {
  key: string | null;
  id: string;
}

export interface BoardFilter {
  municipalityCodes?: string[] | undefined;
  category?: Category | undefined;
  skills?: string[] | undefined;
  startsFrom?: Date | undefined;
  startsBefore?: Date | undefined;
  onlineOnly?: boolean | undefined;
  openOnly?: boolean | undefined;
  /** requests whose languages include any of these */
  languages?: string[] | undefined;
  /** search terms that must all match (shared/src/search/synonyms.ts searchTerms) */
  terms?: SearchTerm[] | undefined;
  sort: BoardSort;
  after?: Keyset | undefined;
  limit: number;
}

/** A timestamptz read back as text, so a cursor keeps PostgreSQL's microseconds (a JS Date would drop them). */
export const sortKeyText = (column: AnyPgColumn) => sql<string | null>`(${column})::text`;
