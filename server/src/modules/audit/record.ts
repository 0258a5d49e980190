import { schema, type Database } from '@board/db';
import type { AuditAction, AuditDetails, AuditSubjectOf } from '@board/shared';

/** One entry: only actions of the table in shared/src/audit-actions.ts, with their subject kind and details. */
export interface AuditEvent<A extends AuditAction> {
  actorId: string | null;
  action: A;
  municipalityCode?: string | null;
  subjectType?: AuditSubjectOf<A>;
  subjectId?: string;
  details?: AuditDetails<A>;
}

/** Appends to the audit log inside the caller's transaction, so the entry and the change land together. */
export async function recordAudit<A extends AuditAction>(tx: Database, event: AuditEvent<A>): Promise<void> {
  await tx.insert(schema.auditLog).values({
    actorId: event.actorId,
    action: event.action,
    municipalityCode: event.municipalityCode ?? null,
    subjectType: event.subjectType ?? null,
    subjectId: event.subjectId ?? null,
    details: event.details ?? {},
  });
}
