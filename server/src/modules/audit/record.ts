import { schema, type Database } from '@board/db';

export interface AuditEvent {
  actorId: string | null;
  /** dotted verb, e.g. `invitation.create`, `role.grant`, `staff.sign_in`, `me.export` */
  action: string;
  municipalityCode?: string | null;
  subjectType?: string;
  subjectId?: string;
  details?: Record<string, unknown>;
}

/** Appends to the audit log inside the caller's transaction, so the entry and the change land together. */
export async function recordAudit(tx: Database, event: AuditEvent): Promise<void> {
  await tx.insert(schema.auditLog).values({
    actorId: event.actorId,
    action: event.action,
    municipalityCode: event.municipalityCode ?? null,
    subjectType: event.subjectType ?? null,
    subjectId: event.subjectId ?? null,
    details: event.details ?? {},
  });
}
