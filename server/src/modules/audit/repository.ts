import { schema, type Database } from '@board/db';
import type { AuditAction } from '@board/shared';
import { and, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { sortKeyText, type Keyset } from '../help-requests/rows.ts';

const { auditLog, users } = schema;

export interface AuditEntryView {
  id: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  municipalityCode: string | null;
  subjectType: string | null;
  subjectId: string | null;
  details: Record<string, unknown>;
}

/** An entry with its position in the listing: `at` as PostgreSQL text (microseconds kept) and the id. */
export type KeyedAuditEntry = AuditEntryView & { sortKey: string | null };

export interface AuditFilter {
  /** only these municipalities (undefined: no limit) */
  municipalityCodes?: string[] | undefined;
  /** only these actions (undefined: all) */
  actions?: readonly string[] | undefined;
  /** at or after this moment */
  since?: Date | undefined;
  /** before this moment */
  until?: Date | undefined;
  /** strictly after this position (newest first: older entries) */
  after?: Keyset | undefined;
  limit: number;
}

/**
 * The entries about these requests that record one of these actions: the condition of a caller's
 * own select (a request's review history, a match's timeline).
 */
export function requestEntries(requestIds: string[], actions: readonly AuditAction[]): SQL | undefined {
  return and(
    eq(auditLog.subjectType, 'help_request'),
    inArray(auditLog.subjectId, requestIds),
    inArray(auditLog.action, [...actions]),
  );
}

/** SQL for reading the audit log. Runs inside the caller's transaction (row-level security as the actor). */
export function auditRepository(tx: Database) {
  return {
    /** newest first; entries of the same moment (one transaction) by id, later first, so paging never skips one */
    async list(filter: AuditFilter): Promise<KeyedAuditEntry[]> {
      if (filter.municipalityCodes?.length === 0 || filter.actions?.length === 0) return [];
      const { after } = filter;
      const rows = await tx
        .select({
          id: auditLog.id,
          at: auditLog.at,
          sortKey: sortKeyText(auditLog.at),
          actorId: auditLog.actorId,
          actorName: users.displayName,
          action: auditLog.action,
          municipalityCode: auditLog.municipalityCode,
          subjectType: auditLog.subjectType,
          subjectId: auditLog.subjectId,
          details: auditLog.details,
        })
        .from(auditLog)
        .leftJoin(users, eq(users.id, auditLog.actorId))
        .where(
          and(
            filter.municipalityCodes ? inArray(auditLog.municipalityCode, filter.municipalityCodes) : undefined,
            filter.actions ? inArray(auditLog.action, [...filter.actions]) : undefined,
            filter.since ? gte(auditLog.at, filter.since) : undefined,
            filter.until ? lt(auditLog.at, filter.until) : undefined,
            after
              ? sql`(${auditLog.at}, ${auditLog.id}) < (${after.key}::timestamptz, ${after.id}::bigint)`
              : undefined,
          ),
        )
        .orderBy(desc(auditLog.at), desc(auditLog.id))
        .limit(filter.limit);
      return rows.map((row) => ({ ...row, at: row.at.toISOString() }));
    },
  };
}
