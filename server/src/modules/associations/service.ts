import { can, DomainError, listScope, type Actor, type Association } from '@board/shared';
import type { FastifyRequest } from 'fastify';
import { recordAudit } from '../audit/record.ts';
import { associationRepository } from './repository.ts';

/** A transaction under row-level security as the request's actor (the request itself). */
type Access = Pick<FastifyRequest, 'withAccess'>;

/** Municipal staff register a 町会・自治会 in their own municipality. */
export async function createAssociation(
  actor: Actor,
  access: Access,
  input: { municipalityCode: string; name: string; area: string; households: number | null },
): Promise<Association> {
  if (!can(actor, 'association.create', { municipalityCode: input.municipalityCode })) {
    throw new DomainError('FORBIDDEN', 'You may register associations only in your own municipality.');
  }
  return access.withAccess(async (tx) => {
    const associations = associationRepository(tx);
    const existing = await associations.list({ municipalityCode: input.municipalityCode });
    if (existing.some((a) => a.name === input.name)) {
      throw new DomainError('CONFLICT', 'An association with this name is already registered here.', [
        { field: 'name', code: 'ALREADY_REGISTERED' },
      ]);
    }
    const association = await associations.insert(input);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'association.create',
      municipalityCode: association.municipalityCode,
      subjectType: 'association',
      subjectId: association.id,
      details: { name: association.name },
    });
    return association;
  });
}

/**
 * Associations the actor may manage or see as staff: one municipality's when asked for (and
 * allowed there), else everything in the actor's scope (officers: their own associations).
 */
export async function listAssociations(actor: Actor, access: Access, query: { municipalityCode?: string | undefined }) {
  if (query.municipalityCode) {
    if (!can(actor, 'association.list', { municipalityCode: query.municipalityCode })) {
      throw new DomainError('FORBIDDEN', "You may not list this municipality's associations.");
    }
    return access.withAccess((tx) => associationRepository(tx).list({ municipalityCode: query.municipalityCode }));
  }
  const scope = listScope(actor, 'association.list');
  if (!scope) throw new DomainError('FORBIDDEN', 'You may not list associations.');
  return access.withAccess((tx) => associationRepository(tx).list(scope.kind === 'any' ? {} : { scope }));
}
