import type { Database } from '@board/db';
import type { Actor } from '@board/shared';
import { recordAudit } from '../audit/record.ts';
import { applicationRepository, type ApplicationRow } from './repository.ts';

export type MatchSide = 'volunteer' | 'association';

/**
 * Opens one side's view of the other side's contact details (DOMAIN.md, Privacy): from now on
 * that side's reads include them. The first opening per side is audited as `contact.reveal`
 * (concurrent first openings: one wins). Only actions call this, never a read, so the log says
 * when a person really asked for the contact: the officer by accepting the hand (the answer
 * shows the volunteer's phone at once), the volunteer with "show contact" on the match page.
 */
export async function revealContact(
  tx: Database,
  actor: Actor,
  row: ApplicationRow,
  side: MatchSide,
  contactOf: string[],
): Promise<void> {
  const [first] = await applicationRepository(tx).markContactShown([row.id], side);
  if (!first) return;
  await recordAudit(tx, {
    actorId: actor.userId,
    action: 'contact.reveal',
    municipalityCode: row.municipalityCode,
    subjectType: 'application',
    subjectId: row.id,
    details: { side, viewerId: actor.userId, contactOf, requestId: row.requestId },
  });
}
