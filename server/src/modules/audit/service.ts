import { auditActionsOf, DomainError, municipalityScope, tokyoDayStart, type ListAuditLogQuery } from '@board/shared';
import type { SignedInContext } from '../../services/context.ts';
import { decodeCursor, pageOf } from '../help-requests/views.ts';
import { auditRepository, type AuditEntryView, type KeyedAuditEntry } from './repository.ts';

/** An audit entry's id as a cursor holds it: a positive bigint. */
const isEntryId = (id: string) => /^[1-9]\d{0,17}$/.test(id);

/**
 * Staff read their municipality's entries, foundation staff everyone's (optionally one
 * municipality's), newest first, narrowed by action (a group or one) and by days in Tokyo time.
 * A cursor belongs to its filters: another filter's cursor is refused (400, field `cursor`).
 */
export async function listAuditLog(ctx: SignedInContext, query: ListAuditLogQuery) {
  const { actor } = ctx;
  const scope = municipalityScope(actor, 'audit.list', query.municipalityCode);
  if (!scope) throw new DomainError('FORBIDDEN', 'You may not read this audit log.');
  const listing = ['audit', query.municipalityCode, query.action, query.from, query.to].map((p) => p ?? '').join(':');
  const after = decodeCursor(listing, query.cursor, isEntryId);
  const rows = await ctx.door.asActor(actor, (tx) =>
    auditRepository(tx).list({
      municipalityCodes: scope === 'any' ? undefined : scope,
      actions: query.action ? auditActionsOf(query.action) : undefined,
      since: query.from ? tokyoDayStart(query.from) : undefined,
      until: query.to ? tokyoDayStart(query.to, 1) : undefined,
      after,
      limit: query.limit + 1,
    }),
  );
  const keyed = rows.map((row) => ({ row, sortKey: row.sortKey, id: String(row.id) }));
  return pageOf(keyed, query.limit, listing, ({ row }) => entryView(row));
}

function entryView({ sortKey: _sortKey, ...entry }: KeyedAuditEntry): AuditEntryView {
  return entry;
}
