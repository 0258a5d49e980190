import { schema, type Database } from '@board/db';
import {
  editableStatuses,
  requestTransitions,
  type BoardSort,
  type Category,
  type Language,
  type RequestStatus,
  type RequestTransition,
  type WhenKind,
} from '@board/shared';
import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

const {
  helpRequests: r,
  boardRequests: b,
  municipalities: m,
  associations: a,
  users: u,
  roleAssignments,
  applications,
  flags,
} = schema;

/** Every column of a request, with the names of its municipality and association. */
const requestColumns = {
  id: r.id,
  municipalityCode: r.municipalityCode,
  municipalityName: m.nameJa,
  municipalityNameEn: m.nameEn,
  municipalityActive: sql<boolean>`(${m.status} = 'active')`.mapWith(Boolean),
  moderationRequired: m.moderationRequired,
  associationId: r.associationId,
  associationName: a.name,
  createdBy: r.createdBy,
  title: r.title,
  body: r.body,
  category: r.category,
  skills: r.skills,
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
  status: r.status,
  statusReason: r.statusReason,
  copiedFrom: r.copiedFrom,
  hiddenAt: r.hiddenAt,
  publishedAt: r.publishedAt,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
};

/** What the board lists of a request (the `board_requests` view), with its municipality and association names. */
const boardColumns = {
  id: b.id,
  municipalityCode: b.municipalityCode,
  municipalityName: m.nameJa,
  municipalityNameEn: m.nameEn,
  associationId: b.associationId,
  associationName: a.name,
  title: b.title,
  body: b.body,
  category: b.category,
  skills: b.skills,
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
  status: b.status,
  publishedAt: b.publishedAt,
};

export interface RequestRow {
  id: string;
  municipalityCode: string;
  municipalityName: string;
  municipalityNameEn: string;
  municipalityActive: boolean;
  moderationRequired: boolean;
  associationId: string;
  associationName: string;
  createdBy: string | null;
  title: string;
  body: string;
  category: Category;
  skills: string[];
  slots: number;
  matchedCount: number;
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
  status: RequestStatus;
  statusReason: string | null;
  copiedFrom: string | null;
  hiddenAt: Date | null;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
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
  searchTokens: string[];
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
  /** search tokens that must all be present (shared/src/search/tokens.ts queryTokens) */
  tokens?: string[] | undefined;
  sort: BoardSort;
  after?: Keyset | undefined;
  limit: number;
}

/** A text[] literal built from parameters, the same on postgres.js and PGlite. */
function textArray(values: readonly string[]): SQL {
  return sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
}

/** A timestamptz read back as text, so a cursor keeps PostgreSQL's microseconds (a JS Date would drop them). */
const sortKeyText = (column: AnyPgColumn) => sql<string | null>`(${column})::text`;

/** SQL for help requests. Runs inside the caller's transaction (row-level security as the actor). */
export function requestRepository(tx: Database) {
  return {
    async find(id: string): Promise<RequestWithContact | null> {
      const [row] = await tx
        .select({
          ...requestColumns,
          contactName: u.displayName,
          contactEmail: sql<string | null>`coalesce(${u.notificationEmail}, ${u.email})`,
          contactPhone: u.phone,
        })
        .from(r)
        .innerJoin(m, eq(m.code, r.municipalityCode))
        .innerJoin(a, eq(a.id, r.associationId))
        .leftJoin(u, and(eq(u.id, r.createdBy), isNull(u.deletedAt)))
        .where(eq(r.id, id));
      return row ?? null;
    },

    async insert(
      values: RequestContent & {
        municipalityCode: string;
        associationId: string;
        createdBy: string;
        copiedFrom?: string | null;
      },
    ): Promise<string> {
      const [row] = await tx
        .insert(r)
        .values({ ...values, status: 'draft' })
        .returning({ id: r.id });
      return row!.id;
    },

    /** Replaces the content while the request is editable; false when it is not (or not there). */
    async updateContent(id: string, values: RequestContent): Promise<boolean> {
      const rows = await tx
        .update(r)
        .set({ ...values, updatedAt: sql`now()` })
        .where(and(eq(r.id, id), inArray(r.status, [...editableStatuses])))
        .returning({ id: r.id });
      return rows.length > 0;
    },

    /**
     * Fires a lifecycle transition as one conditional UPDATE: it changes the row only while its
     * status is one the transition starts from (shared/src/requests.ts). Of two at once, the
     * second waits for the first's row lock, re-reads the status and changes nothing. False when
     * nothing changed.
     */
    async transition(id: string, name: RequestTransition, reason: string | null = null): Promise<boolean> {
      const t = requestTransitions[name];
      const rows = await tx
        .update(r)
        .set({
          status: t.to,
          statusReason: reason,
          updatedAt: sql`now()`,
          ...(t.to === 'published' ? { publishedAt: sql`coalesce(${r.publishedAt}, now())` } : {}),
        })
        .where(and(eq(r.id, id), inArray(r.status, [...t.from])))
        .returning({ id: r.id });
      return rows.length > 0;
    },

    /**
     * `expire` for every published request past its application deadline with slots still
     * open, in one statement. Several server instances may run it at once: a row already
     * expired by one no longer matches the WHERE for the other (re-checked after the row lock).
     */
    async expireOverdue(): Promise<{ id: string; municipalityCode: string; associationId: string; title: string }[]> {
      const t = requestTransitions.expire;
      return tx
        .update(r)
        .set({ status: t.to, statusReason: null, updatedAt: sql`now()` })
        .where(
          and(
            // literals, not parameters: they must match help_requests_expiry_idx in a generic plan too
            schema.statusLiteralIn(r.status, t.from),
            sql`${r.applicationDeadline} <= now()`,
            sql`${r.matchedCount} < ${r.slots}`,
          ),
        )
        .returning({ id: r.id, municipalityCode: r.municipalityCode, associationId: r.associationId, title: r.title });
    },

    /**
     * The public board: open and filled requests of active municipalities, not hidden,
     * keyset-paginated. Reads the `board_requests` view (public columns only; see its comment in
     * db/src/schema/requests.ts for why it is not the table). Each ORDER BY matches one of the
     * board's partial indexes column for column, NULLS placement included, or PostgreSQL sorts
     * every listed row. Constants are SQL literals so partial indexes apply in generic plans.
     */
    async board(filter: BoardFilter): Promise<BoardRow[]> {
      const conditions: (SQL | undefined)[] = [sql`${m.status} = 'active'`];
      if (filter.municipalityCodes?.length) conditions.push(inArray(b.municipalityCode, filter.municipalityCodes));
      if (filter.category) conditions.push(eq(b.category, filter.category));
      if (filter.skills?.length) conditions.push(sql`${b.skills} && ${textArray(filter.skills)}`);
      if (filter.startsFrom) conditions.push(sql`${b.startsAt} >= ${filter.startsFrom.toISOString()}::timestamptz`);
      if (filter.startsBefore) conditions.push(sql`${b.startsAt} < ${filter.startsBefore.toISOString()}::timestamptz`);
      if (filter.onlineOnly) conditions.push(sql`${b.online}`);
      if (filter.openOnly) conditions.push(schema.openForHands(b));
      if (filter.tokens?.length) conditions.push(sql`${b.searchTokens} @> ${textArray(filter.tokens)}`);

      const after = filter.after;
      let sortKey: SQL<string | null>;
      let order: SQL[];
      if (filter.sort === 'newest') {
        // listed rows always have published_at (set by the transition that publishes them)
        if (after) conditions.push(sql`(${b.publishedAt}, ${b.id}) < (${after.key}::timestamptz, ${after.id}::uuid)`);
        sortKey = sortKeyText(b.publishedAt);
        order = [sql`${b.publishedAt} desc nulls last`, sql`${b.id} desc nulls last`];
      } else {
        // soonest deadline first, no deadline last ('infinity'); only deadlines still ahead
        const deadline = schema.deadlineOrNever(b);
        conditions.push(sql`${deadline} > now()`);
        if (after) {
          const key = after.key ?? 'infinity';
          conditions.push(sql`(${deadline}, ${b.id}) > (${key}::timestamptz, ${after.id}::uuid)`);
        }
        sortKey = sql<string | null>`nullif((${deadline})::text, 'infinity')`;
        order = [sql`${deadline} asc`, sql`${b.id} asc`];
      }
      const rows = await tx
        .select({ ...boardColumns, sortKey })
        .from(b)
        .innerJoin(m, eq(m.code, b.municipalityCode))
        .innerJoin(a, eq(a.id, b.associationId))
        .where(and(...conditions))
        .orderBy(...order)
        .limit(filter.limit);
      return rows as BoardRow[];
    },

    /** Requests of these associations in every state (officers' dashboard), last changed first. */
    async ofAssociations(filter: {
      associationIds: string[];
      status?: RequestStatus | undefined;
      after?: Keyset | undefined;
      limit: number;
    }): Promise<(KeyedRow & ContactRow)[]> {
      if (filter.associationIds.length === 0) return [];
      const rows = await tx
        .select({
          ...requestColumns,
          sortKey: sortKeyText(r.updatedAt),
          contactName: u.displayName,
          contactEmail: sql<string | null>`coalesce(${u.notificationEmail}, ${u.email})`,
          contactPhone: u.phone,
        })
        .from(r)
        .innerJoin(m, eq(m.code, r.municipalityCode))
        .innerJoin(a, eq(a.id, r.associationId))
        .leftJoin(u, and(eq(u.id, r.createdBy), isNull(u.deletedAt)))
        .where(
          and(
            inArray(r.associationId, filter.associationIds),
            filter.status ? eq(r.status, filter.status) : undefined,
            filter.after
              ? sql`(${r.updatedAt}, ${r.id}) < (${filter.after.key}::timestamptz, ${filter.after.id}::uuid)`
              : undefined,
          ),
        )
        .orderBy(desc(r.updatedAt), desc(r.id))
        .limit(filter.limit);
      return rows as (KeyedRow & ContactRow)[];
    },

    /**
     * Requests waiting for review (or, with `status`, sent back to their officers), oldest first
     * by updated_at (when a request got there; a returned one also moves when its officers edit it).
     */
    async pendingReview(filter: {
      municipalityCodes?: string[] | undefined;
      associationId?: string | undefined;
      status?: 'pending_review' | 'changes_requested' | undefined;
      after?: Keyset | undefined;
      limit: number;
    }): Promise<KeyedRow[]> {
      if (filter.municipalityCodes && filter.municipalityCodes.length === 0) return [];
      const rows = await tx
        .select({ ...requestColumns, sortKey: sortKeyText(r.updatedAt) })
        .from(r)
        .innerJoin(m, eq(m.code, r.municipalityCode))
        .innerJoin(a, eq(a.id, r.associationId))
        .where(
          and(
            eq(r.status, filter.status ?? 'pending_review'),
            filter.municipalityCodes ? inArray(r.municipalityCode, filter.municipalityCodes) : undefined,
            filter.associationId ? eq(r.associationId, filter.associationId) : undefined,
            filter.after
              ? sql`(${r.updatedAt}, ${r.id}) > (${filter.after.key}::timestamptz, ${filter.after.id}::uuid)`
              : undefined,
          ),
        )
        .orderBy(asc(r.updatedAt), asc(r.id))
        .limit(filter.limit);
      return rows as KeyedRow[];
    },

    /** Header counts of the moderation queue. */
    async moderationCounts(municipalityCodes: string[] | undefined) {
      if (municipalityCodes && municipalityCodes.length === 0) {
        return { pendingReview: 0, changesRequested: 0, openFlags: 0 };
      }
      const inScope = municipalityCodes ? inArray(r.municipalityCode, municipalityCodes) : undefined;
      const [states] = await tx
        .select({
          pendingReview: sql<number>`count(*) filter (where ${r.status} = 'pending_review')`.mapWith(Number),
          changesRequested: sql<number>`count(*) filter (where ${r.status} = 'changes_requested')`.mapWith(Number),
        })
        .from(r)
        .where(and(inArray(r.status, ['pending_review', 'changes_requested']), inScope));
      const [open] = await tx
        .select({ n: count() })
        .from(flags)
        .where(
          and(
            eq(flags.status, 'open'),
            municipalityCodes ? inArray(flags.municipalityCode, municipalityCodes) : undefined,
          ),
        );
      return {
        pendingReview: states?.pendingReview ?? 0,
        changesRequested: states?.changesRequested ?? 0,
        openFlags: open?.n ?? 0,
      };
    },

    /** Did this volunteer's application to the request get accepted (a match)? */
    async isMatched(requestId: string, volunteerId: string): Promise<boolean> {
      const rows = await tx
        .select({ id: applications.id })
        .from(applications)
        .where(
          and(
            eq(applications.requestId, requestId),
            eq(applications.volunteerId, volunteerId),
            eq(applications.status, 'accepted'),
          ),
        )
        .limit(1);
      return rows.length > 0;
    },

    /** Volunteers whose application to the request is in one of these states, who can receive mail. */
    async applicantRecipients(
      requestId: string,
      statuses: readonly ('pending' | 'accepted')[],
    ): Promise<{ email: string; language: Language; name: string }[]> {
      const rows = await tx
        .selectDistinct({
          email: sql<string | null>`coalesce(${u.notificationEmail}, ${u.email})`,
          language: u.language,
          name: u.displayName,
        })
        .from(applications)
        .innerJoin(u, eq(u.id, applications.volunteerId))
        .where(
          and(eq(applications.requestId, requestId), inArray(applications.status, [...statuses]), isNull(u.deletedAt)),
        );
      return rows.filter((row): row is { email: string; language: Language; name: string } => row.email !== null);
    },

    /** The association's officers who can receive mail, each with their language. */
    async officerRecipients(associationId: string): Promise<{ email: string; language: Language; name: string }[]> {
      const rows = await tx
        .selectDistinct({
          email: sql<string | null>`coalesce(${u.notificationEmail}, ${u.email})`,
          language: u.language,
          name: u.displayName,
        })
        .from(roleAssignments)
        .innerJoin(u, eq(u.id, roleAssignments.userId))
        .where(
          and(
            eq(roleAssignments.role, 'officer'),
            eq(roleAssignments.associationId, associationId),
            isNull(u.deletedAt),
          ),
        );
      return rows.filter((row): row is { email: string; language: Language; name: string } => row.email !== null);
    },

    async association(id: string) {
      const [row] = await tx
        .select({ id: a.id, name: a.name, municipalityCode: a.municipalityCode })
        .from(a)
        .where(eq(a.id, id));
      return row ?? null;
    },

    async municipality(code: string) {
      const [row] = await tx
        .select({
          code: m.code,
          nameJa: m.nameJa,
          nameEn: m.nameEn,
          status: m.status,
          moderationRequired: m.moderationRequired,
          settings: m.settings,
        })
        .from(m)
        .where(eq(m.code, code));
      return row ?? null;
    },
  };
}

export type RequestRepository = ReturnType<typeof requestRepository>;
