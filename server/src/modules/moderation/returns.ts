import { schema, type Database } from '@board/db';
import { reviewedFields, type HelpRequestDetail, type ReviewedField, type ReviewHistory } from '@board/shared';
import { desc } from 'drizzle-orm';
import { requestEntries } from '../audit/repository.ts';
import type { RequestRow } from '../help-requests/rows.ts';
import { publicView } from '../help-requests/views.ts';

/**
 * When staff ask for changes, the audit entry keeps the request's content as it was sent back
 * (`details.returned`), so the next reviewer sees what the officers changed since. The audit log
 * is append-only and already holds the reason, so no other table is needed.
 */
const { auditLog } = schema;
const returnAction = 'request.request_changes';

type Snapshot = Partial<Record<ReviewedField, unknown>>;

/** The officers' part of a request, in the API's shape (so it compares with a detail as JSON). */
export function contentSnapshot(row: RequestRow): Snapshot {
  const view = { ...publicView(row), exactPlace: row.exactPlace };
  return Object.fromEntries(reviewedFields.map((field) => [field, view[field]]));
}

/** JSON with object keys sorted: jsonb keeps its own key order, so `when` comes back reordered. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The fields that differ between the snapshot and the request now (a field newer than the snapshot is not compared). */
export function changedFields(snapshot: Snapshot, now: HelpRequestDetail): ReviewedField[] {
  return reviewedFields.filter((field) => field in snapshot && canonical(snapshot[field]) !== canonical(now[field]));
}

const isSnapshot = (value: unknown): value is Snapshot =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The last return of the request, if staff ever asked for changes (read as the actor: row-level security applies). */
export async function lastReturn(tx: Database, request: HelpRequestDetail): Promise<ReviewHistory['lastReturn']> {
  const [entry] = await tx
    .select({ at: auditLog.at, details: auditLog.details })
    .from(auditLog)
    .where(requestEntries([request.id], [returnAction]))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(1);
  if (!entry) return null;
  const { reason, returned } = entry.details;
  return {
    at: entry.at.toISOString(),
    reason: typeof reason === 'string' ? reason : '',
    changedFields: isSnapshot(returned) ? changedFields(returned, request) : null,
  };
}

/** Which of these requests staff have sent back before. */
export async function returnedBefore(tx: Database, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx
    .selectDistinct({ id: auditLog.subjectId })
    .from(auditLog)
    .where(requestEntries(ids, [returnAction]));
  return new Set(rows.map((row) => row.id).filter((id): id is string => id !== null));
}
