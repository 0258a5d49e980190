import type { Database } from '@board/db';
import type { Actor } from '@board/shared';
import { recordAudit } from '../audit/record.ts';
import type { ApplicationRow } from './repository.ts';

/**
 * A step on a match's way into the audit log, so the foundation can follow matches there:
 * accepted, marked done by the association, confirmed by the volunteer (issue 15); and the
 * request's completion when that step was its last.
 */
export async function recordMatchStep(
  tx: Database,
  actor: Actor,
  row: ApplicationRow,
  action: 'match.accept' | 'match.complete' | 'match.confirm',
  request: { title: string; completed?: boolean },
): Promise<void> {
  await recordAudit(tx, {
    actorId: actor.userId,
    action,
    municipalityCode: row.municipalityCode,
    subjectType: 'application',
    subjectId: row.id,
    details: { requestId: row.requestId, volunteerId: row.volunteerId, title: request.title },
  });
  if (request.completed) {
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'request.complete',
      municipalityCode: row.municipalityCode,
      subjectType: 'help_request',
      subjectId: row.requestId,
      details: { title: request.title },
    });
  }
}
