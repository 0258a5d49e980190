import type { Database } from '@board/db';
import type { Actor, ThreadMessage } from '@board/shared';
import { applicationRepository, type ApplicationRow } from '../applications/repository.ts';
import { requestRepository } from '../help-requests/repository.ts';

/**
 * The two notes a match's thread opens with, read from the application where they are stored
 * (nothing is copied into `messages`): the volunteer's message when raising a hand, and the
 * officer's note when accepting, if one was written. They cannot be flagged or hidden one by one
 * as messages can (their ids are not message ids); staff see them with the application.
 */
export async function threadOpening(tx: Database, actor: Actor, row: ApplicationRow): Promise<ThreadMessage[]> {
  const volunteer = await applicationRepository(tx).person(row.volunteerId);
  const fromVolunteer = actor.userId === row.volunteerId;
  const items: ThreadMessage[] = [
    {
      id: `application-${row.id}`,
      kind: 'application',
      applicationId: row.id,
      senderId: row.volunteerId,
      senderName: volunteer?.displayName ?? null,
      senderSide: 'volunteer',
      body: row.message,
      bodyRuby: null,
      hidden: false,
      mine: fromVolunteer,
      createdAt: row.createdAt.toISOString(),
    },
  ];
  const note = row.decisionNote?.trim() ?? '';
  if (note !== '' && row.decidedAt !== null) {
    const [request] = await requestRepository(tx).findApplied([row.requestId]);
    items.push({
      id: `acceptance-${row.id}`,
      kind: 'acceptance',
      applicationId: row.id,
      // who accepted is not recorded: the note speaks for the association
      senderId: null,
      senderName: request?.associationName ?? null,
      senderSide: 'association',
      body: row.decisionNote,
      bodyRuby: null,
      hidden: false,
      mine: !fromVolunteer,
      createdAt: row.decidedAt.toISOString(),
    });
  }
  return items;
}
