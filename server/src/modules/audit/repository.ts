import { schema, type Database } from '@board/db';
import { and, desc, eq, inArray, lt } from 'drizzle-orm';

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

/** SQL for reading the audit log. Runs inside the caller's transaction (row-level security as the actor). */
export function auditRepository(tx: Database) {
  return {
    /** newest first; `municipalityCodes` limits to those municipalities (undefined: no limit) */
    async list(filter: {
      municipalityCodes?: string[] | undefined;
      before?: number | undefined;
      limit: number;
    }): Promise<AuditEntryView[]> {
      if (filter.municipalityCodes && filter.municipalityCodes.length === 0) return [];
      const rows = await tx
        .select({
          id: auditLog.id,
          at: auditLog.at,
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
            filter.before ? lt(auditLog.id, filter.before) : undefined,
          ),
        )
        .orderBy(desc(auditLog.id))
        .limit(filter.limit);
      return rows.map((row) => ({ ...row, at: row.at.toISOString() }));
    },
  };
}
