import { applicationStage, can, DomainError, matchStages, type Actor, type ApplicationDetail } from '@board/shared';
import type { Database } from '@board/db';
import type { SignedInContext } from '../../services/context.ts';
import { revealContact, type MatchSide } from './contact-reveal.ts';
import { requestRepository } from '../help-requests/repository.ts';
import { applicationRepository, type ApplicationRow } from './repository.ts';
import { associationSide, officerViews, volunteerViews } from './views.ts';

/** 404: no such application, or none the actor may see. */
export const notFound = () => new DomainError('NOT_FOUND', 'No such application.');

/**
 * Who the actor is to this application: its volunteer, an officer of its association, or the
 * municipality's staff / the foundation (the same people who list the request's applicants).
 * Anyone else gets 404, as if it did not exist (row-level security hides other tenants' rows too).
 */
export function sideOf(actor: Actor, row: ApplicationRow): ApplicationDetail['side'] | null {
  if (row.volunteerId === actor.userId) return 'volunteer';
  if (can(actor, 'application.decide', { associationId: row.associationId })) return 'association';
  if (can(actor, 'application.list', { municipalityCode: row.municipalityCode })) return 'staff';
  return null;
}

/** The application and who the actor is to it; 404 for anyone who is no side (as if it did not exist). */
export async function applicationWithSide(
  tx: Database,
  actor: Actor,
  id: string,
): Promise<{ row: ApplicationRow; side: ApplicationDetail['side'] }> {
  const row = await applicationRepository(tx).find(id);
  const side = row ? sideOf(actor, row) : null;
  if (!row || !side) throw notFound();
  return { row, side };
}

/**
 * A match, for its two sides only: staff are no side of a match (403 FORBIDDEN), anyone else
 * 404; before it is accepted, 409 NOT_MATCHED. `refusals`: the two messages, naming what was asked for.
 */
export async function matchWithSide(
  tx: Database,
  actor: Actor,
  id: string,
  refusals: { toStaff: string; notMatched: string },
): Promise<{ row: ApplicationRow; side: MatchSide }> {
  const { row, side } = await applicationWithSide(tx, actor, id);
  if (side === 'staff') throw new DomainError('FORBIDDEN', refusals.toStaff);
  if (!matchStages.includes(applicationStage(row))) throw new DomainError('NOT_MATCHED', refusals.notMatched);
  return { row, side };
}

async function detail(tx: Database, actor: Actor, row: ApplicationRow, side: ApplicationDetail['side']) {
  const request = (await requestRepository(tx).findApplied([row.requestId]))[0]!;
  const [asVolunteer] = side === 'volunteer' ? await volunteerViews(tx, actor, [row]) : [];
  const [asAssociation] = side === 'volunteer' ? [] : await officerViews(tx, actor, [row]);
  return {
    side,
    request: { id: request.id, title: request.title, status: request.status, associationName: request.associationName },
    asVolunteer: asVolunteer ?? null,
    asAssociation: asAssociation ?? null,
  };
}

/** One application, for the people who may see it (a read: it writes nothing). */
export async function getApplication(ctx: SignedInContext, id: string): Promise<ApplicationDetail> {
  const { actor } = ctx;
  return ctx.door.asActor(actor, async (tx) => {
    const { row, side } = await applicationWithSide(tx, actor, id);
    return detail(tx, actor, row, side);
  });
}

/**
 * "Show contact": one side of a match opens the other side's contact details; the first time
 * per side is audited (contact-reveal.ts). Staff are no side of a match: they look up an
 * officer's contact with a reason (`revealOfficerContact`).
 */
export async function showMatchContact(ctx: SignedInContext, id: string): Promise<ApplicationDetail> {
  const { actor } = ctx;
  return ctx.door.asActor(actor, async (tx) => {
    const { row: found, side } = await matchWithSide(tx, actor, id, {
      toStaff: 'Only the two sides of a match see each other’s contact here.',
      notMatched: 'Contact details open once the application is accepted.',
    });
    const contactOf = side === 'association' ? [found.volunteerId] : await counterpartOfficers(tx, found.requestId);
    await revealContact(tx, actor, found, side, contactOf);
    return detail(tx, actor, (await applicationRepository(tx).find(id))!, side);
  });
}

/** the association's people a volunteer's contact view shows (the poster, else every officer) */
async function counterpartOfficers(tx: Database, requestId: string): Promise<string[]> {
  const request = (await requestRepository(tx).findApplied([requestId]))[0]!;
  return (await associationSide(applicationRepository(tx), [request]))(request).map((p) => p.userId);
}
