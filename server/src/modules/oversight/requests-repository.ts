import { schema, type Database } from '@board/db';
import type { Category, RequestStatus } from '@board/shared';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { sortKeyText, type Keyset } from '../help-requests/rows.ts';

const { helpRequests: r, associations: assoc, applications } = schema;

export interface MunicipalityRequestFilter {
  /** only these municipalities (undefined: all; the service always names them for municipal staff) */
  municipalityCodes?: string[] | undefined;
  category?: Category | undefined;
  status?: RequestStatus | undefined;
  /** posted at or after */
  since?: Date | undefined;
  /** posted before */
  until?: Date | undefined;
  sort: 'newest' | 'oldest';
  after?: Keyset | undefined;
  limit: number;
}

/**
 * Every request of a municipality, in every state, for its staff. The municipality is always
 * named for municipal staff: published requests of other municipalities are readable to anyone,
 * so the policies alone would let them in. Runs as the actor (row-level security).
 */
export function municipalityRequestsRepository(tx: Database) {
  return {
    async list(filter: MunicipalityRequestFilter) {
      if (filter.municipalityCodes?.length === 0) return [];
      const position = filter.after;
      const newest = filter.sort === 'newest';
      return tx
        .select({
          id: r.id,
          title: r.title,
          category: r.category,
          status: r.status,
          municipalityCode: r.municipalityCode,
          associationName: assoc.name,
          slots: r.slots,
          matchedCount: r.matchedCount,
          handCount:
            sql<number>`(select count(*) from ${applications} where ${applications.requestId} = ${r.id})`.mapWith(
              Number,
            ),
          hiddenAt: r.hiddenAt,
          createdAt: r.createdAt,
          publishedAt: r.publishedAt,
          updatedAt: r.updatedAt,
          sortKey: sortKeyText(r.createdAt),
        })
        .from(r)
        .innerJoin(assoc, eq(assoc.id, r.associationId))
        .where(
          and(
            filter.municipalityCodes ? inArray(r.municipalityCode, filter.municipalityCodes) : undefined,
            filter.category ? eq(r.category, filter.category) : undefined,
            filter.status ? eq(r.status, filter.status) : undefined,
            filter.since ? sql`${r.createdAt} >= ${filter.since.toISOString()}::timestamptz` : undefined,
            filter.until ? sql`${r.createdAt} < ${filter.until.toISOString()}::timestamptz` : undefined,
            position
              ? newest
                ? sql`(${r.createdAt}, ${r.id}) < (${position.key}::timestamptz, ${position.id}::uuid)`
                : sql`(${r.createdAt}, ${r.id}) > (${position.key}::timestamptz, ${position.id}::uuid)`
              : undefined,
          ),
        )
        .orderBy(...(newest ? [desc(r.createdAt), desc(r.id)] : [asc(r.createdAt), asc(r.id)]))
        .limit(filter.limit);
    },
  };
}

export type MunicipalityRequestRow = Awaited<
  ReturnType<ReturnType<typeof municipalityRequestsRepository>['list']>
>[number];
