import { schema, type Database } from '@board/db';
import { mapSkillTags, type Language, type ModerationListStatus, type RequestStatus } from '@board/shared';
import { and, asc, count, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { liveOfficersOf } from '../accounts/roles-repository.ts';
import {
  boardColumns,
  requestColumns,
  sortKeyText,
  type BoardFilter,
  type BoardRow,
  type Keyset,
  type KeyedRow,
} from './rows.ts';
import { textArray } from '../../database/array-parameter.ts';
import { recipientColumns } from '../notifications/recipients.ts';

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

/**
 * A skills filter word finds the requests that need that vocabulary skill (Canva → flyer design,
 * since issue 10 moved such tags into `skill_keys`) or carry the word as a free tag, as written.
 */
function skillsCondition(words: string[]): SQL {
  const byFreeTag = sql`${b.skills} && ${textArray(words)}`;
  const { skillKeys } = mapSkillTags(words);
  return skillKeys.length ? or(sql`${b.skillKeys} && ${textArray(skillKeys)}`, byFreeTag)! : byFreeTag;
}

/**
 * The board's filters as SQL, paging aside. A search term matches by any of its token sets or by
 * its categories (shared/src/search/synonyms.ts); every term must match. The deadline order lists
 * only requests whose deadline is still ahead.
 */
function boardConditions(filter: Omit<BoardFilter, 'after' | 'limit'>): (SQL | undefined)[] {
  const conditions: (SQL | undefined)[] = [sql`${m.status} = 'active'`];
  // Within one municipality a word asks for its tokens and the municipality's own token, in one GIN
  // look-up per synonym, and a category it names by that category's token: no other condition on
  // the municipality, or PostgreSQL reads all of its listed rows to test every synonym on each.
  const [only, ...others] = filter.municipalityCodes ?? [];
  const place = only !== undefined && others.length === 0 && filter.terms?.length ? [schema.placeToken(only)] : [];
  if (filter.municipalityCodes?.length && place.length === 0) {
    conditions.push(inArray(b.municipalityCode, filter.municipalityCodes));
  }
  if (filter.category) conditions.push(eq(b.category, filter.category));
  if (filter.skills?.length) conditions.push(skillsCondition(filter.skills));
  if (filter.languages?.length) conditions.push(sql`${b.languages} && ${textArray(filter.languages)}`);
  if (filter.startsFrom) conditions.push(sql`${b.startsAt} >= ${filter.startsFrom.toISOString()}::timestamptz`);
  if (filter.startsBefore) conditions.push(sql`${b.startsAt} < ${filter.startsBefore.toISOString()}::timestamptz`);
  if (filter.onlineOnly) conditions.push(sql`${b.online}`);
  if (filter.openOnly) conditions.push(schema.openOnBoard(b));
  const containing = (tokens: string[]) => sql`${b.searchTokens} @> ${textArray([...tokens, ...place])}`;
  for (const term of filter.terms ?? []) {
    const byCategory =
      place.length > 0
        ? term.categories.map((category) => containing([schema.categoryToken(category)]))
        : term.categories.length > 0
          ? [inArray(b.category, term.categories)]
          : [];
    conditions.push(or(...term.anyOf.map(containing), ...byCategory));
  }
  if (filter.sort === 'deadline') conditions.push(sql`${schema.deadlineOrNever(b)} > now()`);
  return conditions;
}

/**
 * The board's order, its sort key (for the cursor) and "after this cursor". Each ORDER BY matches
 * one of the board's partial indexes column for column, NULLS placement included, or PostgreSQL
 * sorts every listed row.
 */
function boardOrder(sort: BoardFilter['sort']): {
  sortKey: SQL<string | null>;
  order: SQL[];
  after: (k: Keyset) => SQL;
} {
  if (sort === 'newest') {
    // listed rows always have published_at (set by the transition that publishes them)
    return {
      sortKey: sortKeyText(b.publishedAt),
      order: [sql`${b.publishedAt} desc nulls last`, sql`${b.id} desc nulls last`],
      after: (k) => sql`(${b.publishedAt}, ${b.id}) < (${k.key}::timestamptz, ${k.id}::uuid)`,
    };
  }
  // soonest deadline first, no deadline last ('infinity'); only deadlines still ahead
  const deadline = schema.deadlineOrNever(b);
  return {
    sortKey: sql<string | null>`nullif((${deadline})::text, 'infinity')`,
    order: [sql`${deadline} asc`, sql`${b.id} asc`],
    after: (k) => sql`(${deadline}, ${b.id}) > (${k.key ?? 'infinity'}::timestamptz, ${k.id}::uuid)`,
  };
}

/** Filters a board index of their own narrows (municipality, category, skills, words). */
function narrowedByAnIndex(filter: Omit<BoardFilter, 'after' | 'limit'>): boolean {
  return Boolean(filter.municipalityCodes?.length || filter.category || filter.skills?.length || filter.terms?.length);
}

/**
 * A person to tell: their account, where mail goes (their notification address, else the sign-in
 * one; null: nowhere, and notify still writes their in-app row), language, name.
 */
type Recipient = { userId: string; email: string | null; language: Language; name: string };

const recipientColumnsWithName = { ...recipientColumns, name: u.displayName };

/**
 * Reads about help requests that join other tables: the board, dashboards, the moderation
 * queue, who to mail. Writes to `help_requests` go through `requestRepository` only.
 * Runs inside the caller's transaction (row-level security as the actor).
 */
export function requestReader(tx: Database) {
  return {
    /**
     * The public board: open and filled requests of active municipalities, not hidden,
     * keyset-paginated (`boardOrder`). Reads the `board_requests` view (public columns only; see its
     * comment in db/src/schema/help-requests.ts for why it is not the table). Constants are SQL
     * literals so partial indexes apply in generic plans.
     */
    async board(filter: BoardFilter): Promise<BoardRow[]> {
      const conditions = boardConditions(filter);
      const { sortKey, order, after } = boardOrder(filter.sort);
      if (filter.after) conditions.push(after(filter.after));
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

    /**
     * How many requests the board lists for these filters on every page together, counted up to
     * `cap` + 1 rows (so an unfiltered board at Tokyo scale reads a bounded slice of its index).
     * When no filter narrows the board by something an index knows, the count walks the page's own
     * order index to the cap: left to choose, PostgreSQL first built a bitmap of every listed
     * request from a GIN index (65 ms against 5 at Tokyo scale, docs/benchmarks.md tenth session).
     */
    async boardTotal(filter: Omit<BoardFilter, 'after' | 'limit'>, cap: number): Promise<number> {
      const query = tx
        .select({ one: sql`1` })
        .from(b)
        .innerJoin(m, eq(m.code, b.municipalityCode))
        .innerJoin(a, eq(a.id, b.associationId))
        .where(and(...boardConditions(filter)));
      const listed = (narrowedByAnIndex(filter) ? query : query.orderBy(...boardOrder(filter.sort).order))
        .limit(cap + 1)
        .as('listed');
      const [row] = await tx.select({ n: count() }).from(listed);
      return row?.n ?? 0;
    },

    /**
     * Requests of these associations in every state (officers' dashboard), last changed first,
     * each with its hands waiting for an answer: counted in the same query (applications_request_idx),
     * as the officer may read them (row-level security).
     */
    async ofAssociations(filter: {
      associationIds: string[];
      status?: RequestStatus | undefined;
      after?: Keyset | undefined;
      limit: number;
    }): Promise<(KeyedRow & { pendingApplications: number })[]> {
      if (filter.associationIds.length === 0) return [];
      const rows = await tx
        .select({
          ...requestColumns,
          sortKey: sortKeyText(r.updatedAt),
          pendingApplications:
            sql<number>`(select count(*) from ${applications} where ${applications.requestId} = ${r.id} and ${applications.status} = 'pending')`.mapWith(
              Number,
            ),
        })
        .from(r)
        .innerJoin(m, eq(m.code, r.municipalityCode))
        .innerJoin(a, eq(a.id, r.associationId))
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
      return rows as (KeyedRow & { pendingApplications: number })[];
    },

    /**
     * Requests waiting for review (or, with `status`, sent back to their officers), oldest first
     * by updated_at (when a request got there; a returned one also moves when its officers edit it).
     */
    async pendingReview(filter: {
      municipalityCodes?: string[] | undefined;
      associationId?: string | undefined;
      status?: ModerationListStatus | undefined;
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

    /** Volunteers whose application to the request is in one of these states (accounts not deleted). */
    async applicantRecipients(requestId: string, statuses: readonly ('pending' | 'accepted')[]): Promise<Recipient[]> {
      return tx
        .selectDistinct(recipientColumnsWithName)
        .from(applications)
        .innerJoin(u, eq(u.id, applications.volunteerId))
        .where(
          and(eq(applications.requestId, requestId), inArray(applications.status, [...statuses]), isNull(u.deletedAt)),
        );
    },

    /** The association's officers (live accounts), each with their language. */
    async officerRecipients(associationId: string): Promise<Recipient[]> {
      return tx
        .selectDistinct(recipientColumnsWithName)
        .from(roleAssignments)
        .innerJoin(u, eq(u.id, roleAssignments.userId))
        .where(liveOfficersOf(associationId));
    },
  };
}
