/** Reading help requests: one request, its officer's contact for staff, the board, an officer's own list. */
import {
  boardTotalCap,
  DomainError,
  listScope,
  searchTerms,
  tokyoDayStart,
  type BoardPage,
  type BoardQuery,
  type HelpRequestDetail,
  type MyRequestsPage,
  type OfficerContact,
  type RequestStatus,
} from '@board/shared';
import { recordAudit } from '../audit/record.ts';
import type { ServiceContext, SignedInContext } from '../../services/context.ts';
import { detailIn, loadFor } from './access.ts';
import { withCurrentContact, withCurrentContactOne } from './current-contact.ts';
import { requestReader } from './reader.ts';
import { contactOf, decodeCursor, detailView, pageOf, publicView } from './views.ts';

export async function getRequest(ctx: ServiceContext, id: string): Promise<HelpRequestDetail> {
  return ctx.door.readAs(ctx.actor, (db) => detailIn(db, ctx.actor, id));
}

/**
 * Staff look up the posting officer's contact, giving a reason (DOMAIN.md: contact details go to
 * staff only with a logged reason). Every look-up is audit-logged with its reason, in the same
 * transaction as the read: no contact leaves without its entry.
 */
export async function revealOfficerContact(ctx: SignedInContext, id: string, reason: string): Promise<OfficerContact> {
  const { actor } = ctx;
  return ctx.door.asActor(actor, async (tx) => {
    const row = await withCurrentContactOne(tx, await loadFor(tx, actor, id, 'request.revealContact'));
    const contact = contactOf(row);
    if (!contact) throw new DomainError('NOT_FOUND', 'This request has no contact person any more.');
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'contact.reveal',
      municipalityCode: row.municipalityCode,
      subjectType: 'help_request',
      subjectId: row.id,
      details: { side: 'staff', viewerId: actor.userId, contactOf: [row.contactUserId].filter(Boolean), reason },
    });
    return contact;
  });
}

/** The public board: anyone, signed in or not. */
export async function listRequests(ctx: ServiceContext, query: BoardQuery, cap = boardTotalCap): Promise<BoardPage> {
  const listing = `board:${query.sort}`;
  const after = decodeCursor(listing, query.cursor);
  const filter = {
    municipalityCodes: query.municipalities,
    category: query.category,
    skills: query.skills,
    languages: query.languages,
    startsFrom: query.from ? tokyoDayStart(query.from) : undefined,
    startsBefore: query.to ? tokyoDayStart(query.to, 1) : undefined,
    onlineOnly: query.onlineOnly,
    openOnly: query.openOnly,
    terms: query.q ? searchTerms(query.q) : [],
    sort: query.sort,
  };
  const [rows, total] = await ctx.door.readAs(ctx.actor, (db) => {
    const reader = requestReader(db);
    // sent together: one round trip (pipelined in a transaction, side by side for a visitor)
    return Promise.all([reader.board({ ...filter, after, limit: query.limit + 1 }), reader.boardTotal(filter, cap)]);
  });
  return { ...pageOf(rows, query.limit, listing, publicView), total: Math.min(total, cap), more: total > cap };
}

/** An officer's own requests in every state, for their dashboard. */
export async function listMyAssociationRequests(
  ctx: SignedInContext,
  query: {
    status?: RequestStatus | undefined;
    associationId?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
): Promise<MyRequestsPage> {
  const { actor } = ctx;
  const scope = listScope(actor, 'request.edit');
  const own = scope?.kind === 'limited' ? [...new Set(scope.associationIds)] : [];
  if (own.length === 0) throw new DomainError('FORBIDDEN', 'Only association officers have their own requests.');
  if (query.associationId !== undefined && !own.includes(query.associationId)) {
    throw new DomainError('FORBIDDEN', 'You are not an officer of this association.');
  }
  const listing = 'mine';
  const after = decodeCursor(listing, query.cursor);
  const associationIds = query.associationId ? [query.associationId] : own;
  const rows = await ctx.door.asActor(actor, async (tx) => {
    const found = await requestReader(tx).ofAssociations({
      associationIds,
      status: query.status,
      after,
      limit: query.limit + 1,
    });
    return withCurrentContact(tx, found);
  });
  return pageOf(rows, query.limit, listing, (row) => ({
    ...detailView(actor, row, { privateReader: true, matched: false }),
    pendingApplications: row.pendingApplications,
  }));
}
