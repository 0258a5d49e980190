import type { Database } from '@board/db';
import { DomainError, type Actor, type ApplicationOrigin } from '@board/shared';
import { elevateWithin } from '../../database/door.ts';
import { recordAudit } from '../audit/record.ts';
import { requestRepository } from '../help-requests/repository.ts';
import { applicationRepository } from './repository.ts';

/**
 * First come (先着順, shared first-come.ts): the hand just raised becomes a match at once. The slot
 * is taken by the same conditional UPDATE an officer's accept uses (`claimSlot`), so under a race
 * exactly the free slots are matched; a hand that finds none left is refused with REQUEST_FILLED
 * and the whole transaction, its application too, rolls back: nobody is left waiting for an
 * answer that will not come. Taking a slot is a system step: volunteers do not update requests.
 */
export async function matchAtOnce(
  tx: Database,
  actor: Actor,
  applicationId: string,
  request: { id: string; title: string; municipalityCode: string },
  origin: ApplicationOrigin,
): Promise<void> {
  const requests = requestRepository(tx);
  const claimed = await elevateWithin(tx, 'first come: take a slot for the hand raised', () =>
    requests.claimSlot(request.id),
  );
  if (!claimed) throw new DomainError('REQUEST_FILLED', 'Every slot of this request is already filled.');
  if (!(await applicationRepository(tx).transition(applicationId, 'accept'))) {
    throw new DomainError('APPLICATION_NOT_PENDING', 'This application was already decided or withdrawn.');
  }
  await recordAudit(tx, {
    actorId: actor.userId,
    action: 'match.first_come',
    municipalityCode: request.municipalityCode,
    subjectType: 'application',
    subjectId: applicationId,
    details: { requestId: request.id, volunteerId: actor.userId, title: request.title, origin },
  });
}
