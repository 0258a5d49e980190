import { DomainError, municipalityScope } from '@board/shared';
import type { SignedInContext } from '../../services/context.ts';
import { auditRepository } from './repository.ts';

/** Staff read their municipality's entries, foundation staff everyone's (optionally one municipality's). */
export async function listAuditLog(
  ctx: SignedInContext,
  query: { municipalityCode?: string | undefined; before?: number | undefined; limit: number },
) {
  const { actor } = ctx;
  const scope = municipalityScope(actor, 'audit.list', query.municipalityCode);
  if (!scope) throw new DomainError('FORBIDDEN', 'You may not read this audit log.');
  const items = await ctx.door.asActor(actor, (tx) =>
    auditRepository(tx).list({
      municipalityCodes: scope === 'any' ? undefined : scope,
      before: query.before,
      limit: query.limit,
    }),
  );
  return { items, nextBefore: items.length === query.limit ? items[items.length - 1]!.id : null };
}
