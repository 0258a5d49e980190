import type { Database } from '@board/db';
import {
  applicationStage,
  applicationTransitions,
  applicationTransitionTarget,
  can,
  DomainError,
  matchStages,
  type Actor,
  type ApplicationStage,
  type ApplicationForOfficer,
  type MyApplication,
  type ThanksBody,
  type ThanksView,
} from '@board/shared';
import { publicLink, webPages } from '../../links/public-links.ts';
import { markedDoneMail } from '../../mail/matching-mails.ts';
import { notify } from '../notifications/notify.ts';
import { recordMatchStep } from '../applications/match-audit.ts';
import { applicationRepository, ofMatch, type ApplicationRow } from '../applications/repository.ts';
import { requestRepository } from '../help-requests/repository.ts';
import { contactDeskOf } from '../municipalities/contact-desk.ts';
import { officerViews, volunteerViews } from '../applications/views.ts';
import { completionRepository } from './repository.ts';
import { authorize } from '../../services/authorize.ts';
import type { SignedInContext } from '../../services/context.ts';

/**
 * A match the actor may act on, re-read after locking its request: every change to a request's
 * matches takes the request's row lock first, so the last completion or confirmation always
 * sees the others and completes the request (and no two changes deadlock).
 */
async function lockedMatch(
  tx: Database,
  actor: Actor,
  id: string,
  transition: 'complete' | 'confirm',
  resource: (row: ApplicationRow) => { associationId?: string; ownerId?: string },
): Promise<ApplicationRow> {
  const repo = applicationRepository(tx);
  const found = await repo.find(id);
  if (!found) throw new DomainError('NOT_FOUND', 'No such match.');
  authorize(actor, applicationTransitions[transition].by, 'This is not your match to change.', resource(found));
  await requestRepository(tx).lock(found.requestId);
  const row = (await repo.find(id))!;
  const stage = applicationStage(row);
  if (!matchStages.includes(stage)) throw new DomainError('NOT_MATCHED', 'This application is not a match (any more).');
  if (applicationTransitionTarget(transition, stage) === null) throw refusal[transition](stage);
  return row;
}

/** Why a match cannot be marked done or confirmed from the stage it is in. */
const refusal = {
  complete: () => new DomainError('ALREADY_COMPLETED', 'This match is already marked done.'),
  confirm: (stage: ApplicationStage) =>
    stage === 'accepted'
      ? new DomainError('NOT_COMPLETED', 'The association has not marked this done yet.')
      : new DomainError('ALREADY_CONFIRMED', 'You already confirmed this.'),
};

/**
 * The officer marks one match done (per match). When every match of the request is done and
 * confirmed, the request `complete`s. The volunteer is asked by mail to confirm.
 */
export async function completeMatch(ctx: SignedInContext, id: string): Promise<ApplicationForOfficer> {
  const { actor } = ctx;
  return ctx.door.asActor(actor, async (tx) => {
    const repo = applicationRepository(tx);
    const requests = requestRepository(tx);
    const row = await lockedMatch(tx, actor, id, 'complete', (r) => ({ associationId: r.associationId }));
    if (!(await repo.transition(id, 'complete'))) throw refusal.complete();
    const completed = await requests.completeIfAllDone(row.requestId);
    const request = (await requests.findApplied([row.requestId]))[0]!;
    await recordMatchStep(tx, actor, row, 'match.complete', { title: request.title, completed });
    const [view] = await officerViews(tx, actor, [(await repo.find(id))!]);
    const mail = {
      template: markedDoneMail,
      municipalityCode: request.municipalityCode,
      vars: {
        requestTitle: request.title,
        associationName: request.associationName,
        contactDesk: await contactDeskOf(tx, request.municipalityCode),
        link: publicLink(ctx.config, webPages.myApplication(id)),
      },
    };
    const to = [(await repo.person(row.volunteerId))!];
    const params = { requestTitle: request.title, associationName: request.associationName };
    const notice = { kind: 'markedDone' as const, to, requestId: request.id, applicationId: id, params };
    await notify(ctx, { ...notice, link: webPages.myApplication(id), mail }, tx);
    return view!;
  });
}

/**
 * The volunteer confirms a match the officer marked done; it now counts among their helps. The
 * last confirmation of a request completes it (a system step: volunteers cannot update requests).
 */
export async function confirmCompletion(ctx: SignedInContext, id: string): Promise<MyApplication> {
  const { actor } = ctx;
  return ctx.door.asActor(actor, async (tx) => {
    const repo = applicationRepository(tx);
    const row = await lockedMatch(tx, actor, id, 'confirm', (r) => ({ ownerId: r.volunteerId }));
    if (!(await repo.transition(id, 'confirm'))) throw refusal.confirm('confirmed');
    const requests = requestRepository(tx);
    const completed = await requests.completeIfAllDone(row.requestId);
    const request = (await requests.findApplied([row.requestId]))[0]!;
    await recordMatchStep(tx, actor, row, 'match.confirm', { title: request.title, completed });
    const [view] = await volunteerViews(tx, actor, await repo.listByVolunteer(actor.userId, [id]));
    return view!;
  });
}

/**
 * A thank-you note from either side of a match the officer marked done, once per side; with an
 * optional private 1–5 rating that only the municipality's staff and the foundation can read.
 * Notes to the volunteer show on their public profile if they allow (showThanks).
 */
export async function sendThanks(ctx: SignedInContext, id: string, body: ThanksBody): Promise<ThanksView> {
  const { actor } = ctx;
  return ctx.door.asActor(actor, async (tx) => {
    const row = await applicationRepository(tx).find(id);
    if (!row) throw new DomainError('NOT_FOUND', 'No such match.');
    // the volunteer thanks the association; the association's officers thank the volunteer
    const fromVolunteer = row.volunteerId === actor.userId && can(actor, 'thanks.send', { ownerId: row.volunteerId });
    if (!fromVolunteer && !can(actor, 'thanks.send', { associationId: row.associationId })) {
      throw new DomainError('FORBIDDEN', 'Only the two sides of a match thank each other.');
    }
    const stage = applicationStage(row);
    if (!matchStages.includes(stage))
      throw new DomainError('NOT_MATCHED', 'This application is not a match (any more).');
    if (stage === 'accepted') throw new DomainError('NOT_COMPLETED', 'Thanks come after the work is marked done.');
    const completion = completionRepository(tx);
    const common = { ...ofMatch(row), toVolunteer: !fromVolunteer };
    const created = await completion.insertThanks({ ...common, fromUserId: actor.userId, body: body.note });
    if (!created) throw new DomainError('ALREADY_THANKED', 'You already thanked for this match.');
    if (body.rating) {
      await completion.insertRating({
        ...common,
        raterId: actor.userId,
        score: body.rating.score,
        comment: body.rating.comment,
      });
    }
    return {
      applicationId: row.id,
      toVolunteer: !fromVolunteer,
      note: body.note,
      rated: body.rating !== undefined,
      createdAt: created.createdAt.toISOString(),
    };
  });
}
