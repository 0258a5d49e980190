import { applicationStage, can, DomainError, matchStages, type Actor, type ApplicationDetail } from '@board/shared';
import type { Database } from '@board/db';
import type { SignedInContext } from '../../services/context.ts';
import { revealContact, type MatchSide } from './contact-reveal.ts';
import { requestRepository } from '../help-requests/repository.ts';
import { applicationRepository, type ApplicationRow } from './repository.ts';
import { associationSide, officerViews, volunteerViews } from './views.ts';

const notFound = () => new DomainError('NOT_FOUND', 'No such application.');

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
    const row = await applicationRepository(tx).find(id);
    const side = row ? sideOf(actor, row) : null;
    if (!row || !side) throw notFound();
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
    const repo = applicationRepository(tx);
    const found = await repo.find(id);
    const side = found ? sideOf(actor, found) : null;
    if (!found || !side) throw notFound();
    if (side === 'staff') {
      throw new DomainError('FORBIDDEN', 'Only the two sides of a match see each other’s contact here.');
    }
    if (!matchStages.includes(applicationStage(found))) {
      throw new DomainError('NOT_MATCHED', 'Contact details open once the application is accepted.');
    }
    const matchSide: MatchSide = side;
    const contactOf =
      matchSide === 'association' ? [found.volunteerId] : await counterpartOfficers(tx, found.requestId);
    await revealContact(tx, actor, found, matchSide, contactOf);
    return detail(tx, actor, (await repo.find(id))!, side);
  });
}

/** the association's people a volunteer's contact view shows (the poster, else every officer) */
async function counterpartOfficers(tx: Database, requestId: string): Promise<string[]> {
  const request = (await requestRepository(tx).findApplied([requestId]))[0]!;
  return (await associationSide(applicationRepository(tx), [request]))(request).map((p) => p.userId);
}
