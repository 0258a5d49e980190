import { schema, type Database } from '@board/db';
import type { FlagStatus, FlagTargetType } from '@board/shared';
import { and, asc, count, eq, inArray, isNull, ne, sql, type SQL } from 'drizzle-orm';
import { columns } from '../../database/columns.ts';

const { flags, helpRequests, messages, applications } = schema;

const flagColumns = columns(
  flags,
  'id',
  'municipalityCode',
  'targetType',
  'targetId',
  'reporterId',
  'reason',
  'status',
  'resolvedAt',
  'resolutionNote',
  'createdAt',
);

export interface FlagRow {
  id: string;
  municipalityCode: string;
  targetType: FlagTargetType;
  targetId: string;
  reporterId: string | null;
  reason: string;
  status: FlagStatus;
  resolvedAt: Date | null;
  resolutionNote: string | null;
  createdAt: Date;
}

/** How much of a flagged request's body the flag list shows (characters). */
export const flaggedExcerptLength = 400;

/** At most this many flags in one listing (open first, oldest first). */
export const flagListLimit = 200;

/** SQL for flags and the hiding they lead to. Runs inside the caller's transaction (row-level security as the actor). */
export function flagRepository(tx: Database) {
  return {
    async find(id: string): Promise<FlagRow | null> {
      const [row] = await tx.select(flagColumns).from(flags).where(eq(flags.id, id));
      return row ?? null;
    },

    async findOpenByReporter(reporterId: string, targetType: FlagRow['targetType'], targetId: string) {
      const [row] = await tx
        .select({ id: flags.id })
        .from(flags)
        .where(
          and(
            eq(flags.reporterId, reporterId),
            eq(flags.targetType, targetType),
            eq(flags.targetId, targetId),
            eq(flags.status, 'open'),
          ),
        );
      return row ?? null;
    },

    async insert(values: {
      municipalityCode: string;
      targetType: FlagRow['targetType'];
      targetId: string;
      reporterId: string;
      reason: string;
    }): Promise<string> {
      const [row] = await tx.insert(flags).values(values).returning({ id: flags.id });
      return row!.id;
    },

    /** the queue: open first, then oldest first */
    async list(filter: { municipalityCodes?: string[] | undefined; status?: FlagStatus | undefined }) {
      if (filter.municipalityCodes && filter.municipalityCodes.length === 0) return { rows: [], openCount: 0 };
      const where = (status?: FlagStatus): SQL | undefined =>
        and(
          filter.municipalityCodes ? inArray(flags.municipalityCode, filter.municipalityCodes) : undefined,
          status ? eq(flags.status, status) : undefined,
        );
      const rows: FlagRow[] = await tx
        .select(flagColumns)
        .from(flags)
        .where(where(filter.status))
        .orderBy(sql`(${flags.status} = 'open') desc`, asc(flags.createdAt), asc(flags.id))
        .limit(flagListLimit);
      const [open] = await tx.select({ n: count() }).from(flags).where(where('open'));
      return { rows, openCount: open?.n ?? 0 };
    },

    /** open → hidden / dismissed; false when it was no longer open */
    async resolve(id: string, status: 'hidden' | 'dismissed', by: string, note: string | null): Promise<boolean> {
      const rows = await tx
        .update(flags)
        .set({ status, resolvedBy: by, resolvedAt: sql`now()`, resolutionNote: note })
        .where(and(eq(flags.id, id), eq(flags.status, 'open')))
        .returning({ id: flags.id });
      return rows.length > 0;
    },

    /** other open flags on a target that is now hidden are settled by the same decision */
    async resolveOthersOnTarget(flag: FlagRow, by: string, note: string | null): Promise<string[]> {
      const rows = await tx
        .update(flags)
        .set({ status: 'hidden', resolvedBy: by, resolvedAt: sql`now()`, resolutionNote: note })
        .where(
          and(
            eq(flags.targetType, flag.targetType),
            eq(flags.targetId, flag.targetId),
            eq(flags.status, 'open'),
            ne(flags.id, flag.id),
          ),
        )
        .returning({ id: flags.id });
      return rows.map((r) => r.id);
    },

    async hideMessage(id: string): Promise<void> {
      await tx
        .update(messages)
        .set({ hiddenAt: sql`now()` })
        .where(and(eq(messages.id, id), isNull(messages.hiddenAt)));
    },

    /** what the flagged requests are (row-level security: staff see their municipality's) */
    async requestTargets(ids: string[]) {
      if (ids.length === 0) return [];
      return tx
        .select({
          id: helpRequests.id,
          title: helpRequests.title,
          // what staff read before deciding: the opening of the body, not all of it
          body: sql<string>`left(${helpRequests.body}, ${flaggedExcerptLength + 1})`,
          hiddenAt: helpRequests.hiddenAt,
        })
        .from(helpRequests)
        .where(inArray(helpRequests.id, ids));
    },

    /**
     * The flagged messages' text and request (row-level security: the municipality's staff, not the
     * foundation, may read messages; for others the text stays unknown).
     */
    async messageTargets(ids: string[]) {
      if (ids.length === 0) return [];
      return tx
        .select({
          id: messages.id,
          body: messages.body,
          hiddenAt: messages.hiddenAt,
          requestId: applications.requestId,
          title: helpRequests.title,
        })
        .from(messages)
        .leftJoin(applications, eq(applications.id, messages.applicationId))
        .leftJoin(helpRequests, eq(helpRequests.id, applications.requestId))
        .where(inArray(messages.id, ids));
    },
  };
}
