/**
 * Who may see or touch a help request: the request as this actor may see it (404 when they may
 * not), and the check before acting on it. Shared by the posting, lifecycle and reading services.
 */
import type { Database } from '@board/db';
import { can, DomainError, isPublic, type Action, type Actor, type HelpRequestDetail } from '@board/shared';
import { applicationRepository } from '../applications/repository.ts';
import { withCurrentContactOne } from './current-contact.ts';
import { requestRepository } from './repository.ts';
import type { ContactRow, RequestRow } from './rows.ts';
import { detailView, needsContact, readsPrivate, resourceOf } from './views.ts';

export const notFound = () => new DomainError('NOT_FOUND', 'No such request.');

/** The request as this actor may see it, in the same transaction; 404 when they may not. */
export async function detailIn(tx: Database, actor: Actor | null, id: string): Promise<HelpRequestDetail> {
  const found = await requestRepository(tx).find(id);
  if (!found) throw notFound();
  const privateReader = readsPrivate(actor, found);
  const matched =
    !privateReader &&
    actor !== null &&
    (await applicationRepository(tx).hasApplication(found.id, actor.userId, 'accepted'));
  if (!isPublic(found) && !privateReader && !matched) throw notFound();
  const row = needsContact(actor, found, matched) ? await withCurrentContactOne(tx, found) : withoutContact(found);
  return detailView(actor, row, { privateReader, matched });
}

const withoutContact = <T extends RequestRow>(row: T): T & ContactRow => ({
  ...row,
  contactName: null,
  contactEmail: null,
  contactPhone: null,
});

/**
 * May the actor do `action` to this request? 404 when they cannot even see it (not on the board,
 * not theirs to read), 403 when they can see it but may not do this.
 */
export function authorizeOnRequest(actor: Actor, row: RequestRow, action: Action): void {
  if (can(actor, action, resourceOf(row))) return;
  if (!isPublic(row) && !readsPrivate(actor, row)) throw notFound();
  throw new DomainError('FORBIDDEN', 'You may not do this to this request.');
}

export async function loadFor(tx: Database, actor: Actor, id: string, action: Action): Promise<RequestRow> {
  const row = await requestRepository(tx).find(id);
  if (!row) throw notFound();
  authorizeOnRequest(actor, row, action);
  return row;
}
