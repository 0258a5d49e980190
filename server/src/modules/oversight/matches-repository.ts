import { schema, type Database } from '@board/db';
import type { Category, MatchOrigin, MatchReviewStatus, MatchSort } from '@board/shared';
import { and, asc, count, desc, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import { elevateWithin } from '../../database/door.ts';
import { sortKeyText, type Keyset } from '../help-requests/rows.ts';

const { applications: a, helpRequests: r, associations: assoc, users: u, messages } = schema;

/** An accepted application, still on or taken back by the volunteer after the accept. */
const isMatch = and(isNotNull(a.decidedAt), sql`${a.status} in ('accepted', 'withdrawn')`);

/** The review status as SQL conditions (shared `matchReviewStatuses`). */
const statusCondition: Record<MatchReviewStatus, SQL> = {
  matched: sql`${a.status} = 'accepted' and ${a.completedAt} is null`,
  done: sql`${a.status} = 'accepted' and ${a.completedAt} is not null and ${a.confirmedAt} is null`,
  confirmed: sql`${a.status} = 'accepted' and ${a.confirmedAt} is not null`,
  withdrawn: sql`${a.status} = 'withdrawn'`,
};

export interface MatchFilter {
  /** only these municipalities (undefined: every one the reader's policies admit) */
  municipalityCodes?: string[] | undefined;
  category?: Category | undefined;
  status?: MatchReviewStatus | undefined;
  origin?: MatchOrigin | undefined;
  /** matched at or after */
  since?: Date | undefined;
  /** matched before */
  until?: Date | undefined;
  sort: MatchSort;
  /** strictly after this position; for the municipality sort the id is `code~uuid` */
  after?: Keyset | undefined;
  limit: number;
}

export const matchColumns = {
  id: a.id,
  requestId: a.requestId,
  requestTitle: r.title,
  category: r.category,
  requestStatus: r.status,
  municipalityCode: a.municipalityCode,
  associationName: assoc.name,
  volunteerName: u.displayName,
  applicationStatus: a.status,
  origin: a.origin,
  appliedAt: a.createdAt,
  matchedAt: a.decidedAt,
  doneAt: a.completedAt,
  confirmedAt: a.confirmedAt,
  withdrawnAt: a.withdrawnAt,
  sortKey: sortKeyText(a.decidedAt),
};

function after(filter: MatchFilter): SQL | undefined {
  const position = filter.after;
  if (!position) return undefined;
  const key = sql`${position.key}::timestamptz`;
  if (filter.sort === 'oldest') return sql`(${a.decidedAt}, ${a.id}) > (${key}, ${position.id}::uuid)`;
  if (filter.sort === 'newest') return sql`(${a.decidedAt}, ${a.id}) < (${key}, ${position.id}::uuid)`;
  const [code, id] = position.id.split('~') as [string, string];
  return sql`(${a.municipalityCode} > ${code} or (${a.municipalityCode} = ${code} and (${a.decidedAt}, ${a.id}) < (${key}, ${id}::uuid)))`;
}

const order = {
  newest: [desc(a.decidedAt), desc(a.id)],
  oldest: [asc(a.decidedAt), asc(a.id)],
  municipality: [asc(a.municipalityCode), desc(a.decidedAt), desc(a.id)],
} as const;

/** SQL for the match review. Runs inside the caller's transaction (row-level security as the actor). */
export function matchesRepository(tx: Database) {
  const select = () =>
    tx
      .select(matchColumns)
      .from(a)
      .innerJoin(r, eq(r.id, a.requestId))
      .innerJoin(assoc, eq(assoc.id, a.associationId))
      .leftJoin(u, eq(u.id, a.volunteerId));

  return {
    /** one page in the chosen order (`limit` rows; the service asks one more to know of a next page) */
    async list(filter: MatchFilter) {
      if (filter.municipalityCodes?.length === 0) return [];
      return select()
        .where(
          and(
            isMatch,
            filter.municipalityCodes ? inArray(a.municipalityCode, filter.municipalityCodes) : undefined,
            filter.category ? eq(r.category, filter.category) : undefined,
            filter.status ? statusCondition[filter.status] : undefined,
            filter.origin ? eq(a.origin, filter.origin) : undefined,
            filter.since ? sql`${a.decidedAt} >= ${filter.since.toISOString()}::timestamptz` : undefined,
            filter.until ? sql`${a.decidedAt} < ${filter.until.toISOString()}::timestamptz` : undefined,
            after(filter),
          ),
        )
        .orderBy(...order[filter.sort])
        .limit(filter.limit);
    },

    /** one match (an accepted application, withdrawn or not), or undefined */
    async find(id: string) {
      const [row] = await select()
        .where(and(eq(a.id, id), isMatch))
        .limit(1);
      return row;
    },

    /**
     * Messages per match, counted (never read). Staff read their municipality's threads, the
     * foundation reads none, so the count is system work naming its matches.
     */
    async messageCounts(ids: string[]): Promise<Map<string, number>> {
      if (ids.length === 0) return new Map();
      const rows = await elevateWithin(tx, 'count the messages of matches under review', () =>
        tx
          .select({ id: messages.applicationId, n: count() })
          .from(messages)
          .where(inArray(messages.applicationId, ids))
          .groupBy(messages.applicationId),
      );
      return new Map(rows.map((row) => [row.id, row.n]));
    },
  };
}

export type MatchRow = Awaited<ReturnType<ReturnType<typeof matchesRepository>['list']>>[number];
