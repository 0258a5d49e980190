import { can, DomainError, listScope, type Actor, type Association, type AssociationOfficer } from '@board/shared';
import { roleRemovedMail } from '../../mail/invitation-mails.ts';
import { sendMail } from '../../mail/send-mail.ts';
import { endAllSessions } from '../accounts/session-repository.ts';
import { recordAudit } from '../audit/record.ts';
import { rubyOf } from '../../furigana/readings.ts';
import { isUniqueViolation } from '../../database/unique-violation.ts';
import { associationRepository } from './repository.ts';
import { authorize } from '../../services/authorize.ts';
import type { SignedInContext } from '../../services/context.ts';

/** Municipal staff register a 町会・自治会 in their own municipality. */
export async function createAssociation(
  ctx: SignedInContext,
  input: { municipalityCode: string; name: string; area: string; households: number | null },
): Promise<Association> {
  const { actor } = ctx;
  authorize(actor, 'association.create', 'You may register associations only in your own municipality.', {
    municipalityCode: input.municipalityCode,
  });
  const nameRuby = await rubyOf(input.name);
  return ctx.door.asActor(actor, async (tx) => {
    const associations = associationRepository(tx);
    const nameTaken = () =>
      new DomainError('CONFLICT', 'An association with this name is already registered here.', [
        { field: 'name', code: 'ALREADY_REGISTERED' },
      ]);
    const existing = await associations.list({ municipalityCode: input.municipalityCode });
    if (existing.some((a) => a.name === input.name)) throw nameTaken();
    const association = await associations.insert({ ...input, nameRuby }).catch((err: unknown) => {
      // a double submit that passed the check above at the same moment (associations_name_idx)
      throw isUniqueViolation(err) ? nameTaken() : err;
    });
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
export async function listAssociations(ctx: SignedInContext, query: { municipalityCode?: string | undefined }) {
  const { actor } = ctx;
  if (query.municipalityCode) {
    authorize(actor, 'association.list', "You may not list this municipality's associations.", {
      municipalityCode: query.municipalityCode,
    });
    const items = await ctx.door.asActor(actor, (tx) =>
      associationRepository(tx).list({ municipalityCode: query.municipalityCode }),
    );
    return { items };
  }
  const scope = listScope(actor, 'association.list');
  if (!scope) throw new DomainError('FORBIDDEN', 'You may not list associations.');
  const items = await ctx.door.asActor(actor, (tx) =>
    associationRepository(tx).list(scope.kind === 'any' ? {} : { scope }),
  );
  return { items };
}

/** The association, when the actor may see it as staff (or as one of its officers); 404 otherwise. */
async function visibleAssociation(actor: Actor, associations: ReturnType<typeof associationRepository>, id: string) {
  const association = await associations.find(id);
  const resource = association ? { municipalityCode: association.municipalityCode, associationId: id } : null;
  if (!association || !can(actor, 'association.list', resource!)) {
    throw new DomainError('NOT_FOUND', 'No such association.');
  }
  return association;
}

/** Who the association's officers are (names only), for the staff who manage it and its officers. */
export async function listAssociationOfficers(
  ctx: SignedInContext,
  id: string,
): Promise<{ items: AssociationOfficer[] }> {
  const { actor } = ctx;
  return ctx.door.asActor(actor, async (tx) => {
    const associations = associationRepository(tx);
    await visibleAssociation(actor, associations, id);
    return { items: await associations.officers(id) };
  });
}

/**
 * Municipal staff take the officer role away when someone leaves the association. The account
 * stays (with its other roles) but every session of it ends: from the next request on the person
 * is signed out, and signs in again with the hats left. Audit-logged as role.remove.
 */
export async function removeAssociationOfficer(ctx: SignedInContext, id: string, userId: string) {
  const { actor } = ctx;
  await ctx.door.asActor(actor, async (tx) => {
    const associations = associationRepository(tx);
    const association = await visibleAssociation(actor, associations, id);
    authorize(actor, 'officer.remove', "Only the municipality's staff remove officers.", {
      municipalityCode: association.municipalityCode,
    });
    // read while the hat is on: staff see a person through their hats here (users policy, 0010)
    const target = await associations.mailTarget(userId, association.municipalityCode);
    if (!(await associations.removeOfficer(id, userId))) {
      throw new DomainError('NOT_FOUND', 'This person is not an officer of this association.');
    }
    await endAllSessions(tx, userId);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'role.remove',
      municipalityCode: association.municipalityCode,
      subjectType: 'user',
      subjectId: userId,
      details: { role: 'officer', associationId: id, associationName: association.name },
    });
    // with the change: the person hears in their language that the role is gone
    if (target) {
      const vars = { role: 'officer' as const, municipality: target.municipality, associationName: association.name };
      const about = association.municipalityCode;
      await sendMail(ctx, { template: roleRemovedMail, to: [target], vars, municipalityCode: about }, tx);
    }
  });
}
