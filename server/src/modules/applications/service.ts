import type { Database } from '@board/db';
import {
  applicationStage,
  applicationTransitions,
  applicationTransitionTarget,
  can,
  DomainError,
  requestTransitions,
  takesHands,
  type Actor,
  type ApplicationForOfficer,
  type ApplicationList,
  type ApplyBody,
  type MyApplication,
  type RequestStatus,
} from '@board/shared';
import {
  applicationAcceptedMail,
  applicationDeclinedMail,
  matchWithdrawnMail,
  newApplicationMail,
  type NewApplicationVars,
} from '../../mail/matching-mails.ts';
import { publicLink, webPages } from '../../links/public-links.ts';
import type { MailTemplate } from '../../mail/compose.ts';
import { notify } from '../notifications/notify.ts';
import { requestRepository } from '../help-requests/repository.ts';
import { contactDeskOf } from '../municipalities/contact-desk.ts';
import { revealContact } from './contact-reveal.ts';
import { notFound } from './detail.ts';
import { matchAtOnce } from './first-come.ts';
import { firstComeMatchMail } from '../../mail/help-invitation-mails.ts';
import { helpInvitationRepository } from '../help-invitations/repository.ts';
import { recordMatchStep } from './match-audit.ts';
import { applicationRepository, type ApplicationRow, type Person } from './repository.ts';
import { associationSide, officerViews, volunteerViews } from './views.ts';
import type { SignedInContext } from '../../services/context.ts';
import type { MailAttachment } from '../../plugins/app/mailer.ts';
import { authorize } from '../../services/authorize.ts';
import { matchCalendarAttachment } from '../calendar/service.ts';

/** filled (the `fill` transition's target), or still taking hands but with every slot matched */
export function isFull(request: { status: RequestStatus; matchedCount: number; slots: number }): boolean {
  return (
    request.status === requestTransitions.fill.to ||
    (takesHands(request.status) && request.matchedCount >= request.slots)
  );
}

/**
 * 手を挙げる: a volunteer with a verified email raises a hand for a published request with a free
 * slot, before its deadline, not of their own association. One live application per request: a
 * second one (also a double click) is 409 ALREADY_APPLIED, decided by the partial unique index.
 */
export async function applyToRequest(ctx: SignedInContext, requestId: string, body: ApplyBody): Promise<MyApplication> {
  const { actor } = ctx;
  authorize(actor, 'application.create', 'Only volunteers raise a hand. Add the volunteer role to your account first.');
  return ctx.door.asActor(actor, async (tx) => {
    const repo = applicationRepository(tx);
    const me = await repo.person(actor.userId);
    if (!me?.emailVerified) {
      throw new DomainError('EMAIL_NOT_VERIFIED', 'Confirm your email address before raising a hand.');
    }
    const request = await requestRepository(tx).find(requestId);
    // hidden by staff after a flag: gone from the board, as if it did not exist
    if (!request || request.hiddenAt) throw new DomainError('NOT_FOUND', 'No such request.');
    // deciding on this request's hands is exactly what an officer of its association does
    if (can(actor, 'application.decide', { associationId: request.associationId })) {
      throw new DomainError('OWN_ASSOCIATION_REQUEST', "You cannot raise a hand for your own association's request.");
    }
    if (isFull(request)) throw new DomainError('REQUEST_FILLED', 'Every slot of this request is already filled.');
    if (!takesHands(request.status) || !request.municipalityActive) {
      throw new DomainError('REQUEST_NOT_OPEN', 'This request is not taking hands.');
    }
    if (request.applicationDeadline && request.applicationDeadline.getTime() <= ctx.clock().getTime()) {
      throw new DomainError('APPLICATION_DEADLINE_PASSED', 'The deadline for raising a hand has passed.');
    }
    // an answer was given: asking again would only make the officer say no twice
    if (await repo.hasApplication(request.id, actor.userId, 'declined')) {
      throw new DomainError('APPLICATION_DECLINED', 'The association has already answered your hand for this request.');
    }
    // how the match began: an open invitation to help counts first, then a suggestion card's link
    const invitations = helpInvitationRepository(tx);
    const invitation = await invitations.findOpen(request.id, actor.userId);
    const origin = invitation ? 'invitation' : (body.via ?? 'board');
    const id = await repo.insert({
      requestId: request.id,
      volunteerId: actor.userId,
      municipalityCode: request.municipalityCode,
      associationId: request.associationId,
      message: body.message,
      origin,
    });
    if (!id) throw new DomainError('ALREADY_APPLIED', 'You have already raised a hand for this request.');
    if (invitation) await invitations.decide(invitation.id, 'accepted');
    const firstCome = request.handsMode === 'first_come';
    if (firstCome) await matchAtOnce(tx, actor, id, request, origin);
    const [view] = await volunteerViews(tx, actor, await repo.listByVolunteer(actor.userId, [id]));
    const officers = (await associationSide(repo, [request]))(request);
    const contactDesk = await contactDeskOf(tx, request.municipalityCode);
    const about = { officers, request, volunteerName: me.displayName, contactDesk };
    if (firstCome) {
      await tellMatched(ctx, tx, id, { request, volunteerId: actor.userId, note: null });
      await tellOfficers(ctx, tx, firstComeMatchMail, 'handRaised', about);
    } else {
      await tellOfficers(ctx, tx, newApplicationMail, 'handRaised', about);
    }
    return view!;
  });
}

/**
 * The volunteer takes their hand back: a pending application, or a match not yet marked done.
 * Withdrawing a match gives its slot back (`reopen` when the request was filled) in the same
 * transaction, and tells the association.
 */
export async function withdrawApplication(ctx: SignedInContext, id: string): Promise<MyApplication> {
  const { actor } = ctx;
  return ctx.door.asActor(actor, async (tx) => {
    const repo = applicationRepository(tx);
    const requests = requestRepository(tx);
    const found = await repo.find(id);
    if (!found) throw notFound();
    authorize(actor, applicationTransitions.withdraw.by, 'Only the volunteer who raised the hand can withdraw it.', {
      ownerId: found.volunteerId,
    });
    await requests.lock(found.requestId);
    const row = (await repo.find(id))!;
    const stage = applicationStage(row);
    if (stage === 'completed' || stage === 'confirmed') {
      throw new DomainError('ALREADY_COMPLETED', 'This help is already marked done and cannot be withdrawn.');
    }
    // every match change holds the request's lock, but a decline may still have come first
    if (applicationTransitionTarget('withdraw', stage) === null || !(await repo.transition(id, 'withdraw'))) {
      throw new DomainError('APPLICATION_NOT_PENDING', 'This application was already declined or withdrawn.');
    }
    const wasMatch = stage === 'accepted';
    if (wasMatch) await requests.releaseSlot(row.requestId);
    const [view] = await volunteerViews(tx, actor, await repo.listByVolunteer(actor.userId, [id]));
    const request = (await requests.findApplied([row.requestId]))[0]!;
    const officers = wasMatch ? (await associationSide(repo, [request]))(request) : [];
    const me = await repo.person(actor.userId);
    const contactDesk = await contactDeskOf(tx, request.municipalityCode);
    const volunteerName = me?.displayName ?? '';
    await tellOfficers(ctx, tx, matchWithdrawnMail, 'matchWithdrawn', {
      officers,
      request,
      volunteerName,
      contactDesk,
    });
    return view!;
  });
}

/** A volunteer's hand came or went: its officers hear (in `tx`), by mail once a day per volunteer and request at most. */
function tellOfficers(
  ctx: SignedInContext,
  tx: Database,
  template: MailTemplate<NewApplicationVars>,
  kind: 'handRaised' | 'matchWithdrawn',
  about: {
    officers: Person[];
    request: { id: string; title: string; municipalityCode: string };
    volunteerName: string;
    contactDesk: string | null;
  },
): Promise<void> {
  const link = webPages.applicants(about.request.id);
  return notify(
    ctx,
    {
      kind,
      to: about.officers,
      requestId: about.request.id,
      params: { requestTitle: about.request.title, volunteerName: about.volunteerName },
      link,
      mail: {
        template,
        vars: {
          requestTitle: about.request.title,
          volunteerName: about.volunteerName,
          contactDesk: about.contactDesk,
          link: publicLink(ctx.config, link),
        },
        throttle: { kind, per: [ctx.actor.userId, about.request.id] },
        municipalityCode: about.request.municipalityCode,
      },
    },
    tx,
  );
}

/** Applicants of one request, for its association's officers, the municipality's staff and the foundation. */
export async function listApplications(ctx: SignedInContext, requestId: string): Promise<ApplicationList> {
  const { actor } = ctx;
  return ctx.door.asActor(actor, async (tx) => {
    const request = await requestRepository(tx).find(requestId);
    if (!request) throw new DomainError('NOT_FOUND', 'No such request.');
    if (
      !can(actor, 'application.list', {
        municipalityCode: request.municipalityCode,
        associationId: request.associationId,
      })
    ) {
      throw new DomainError(
        'FORBIDDEN',
        "Only the association's officers and the municipality's staff see applicants.",
      );
    }
    const rows = await applicationRepository(tx).listByRequest(request.id);
    return {
      request: {
        id: request.id,
        title: request.title,
        status: request.status,
        slots: request.slots,
        matchedCount: request.matchedCount,
      },
      items: await officerViews(tx, actor, rows),
    };
  });
}

/** The signed-in person's own applications and matches, newest first (their dashboard). */
export async function listMyApplications(ctx: SignedInContext): Promise<{ items: MyApplication[] }> {
  const { actor } = ctx;
  const items = await ctx.door.asActor(actor, async (tx) =>
    volunteerViews(tx, actor, await applicationRepository(tx).listByVolunteer(actor.userId)),
  );
  return { items };
}

/** An application the actor may decide on (officer of its association): 404 when invisible, 403 when only visible. */
async function decidable(
  repo: ReturnType<typeof applicationRepository>,
  actor: Actor,
  id: string,
): Promise<ApplicationRow> {
  const row = await repo.find(id);
  if (!row) throw notFound();
  authorize(actor, applicationTransitions.accept.by, "Only the association's officers accept or decline.", {
    associationId: row.associationId,
  });
  if (applicationTransitionTarget('accept', applicationStage(row)) === null) {
    throw new DomainError('APPLICATION_NOT_PENDING', 'This application was already decided or withdrawn.');
  }
  return row;
}

/**
 * Accepts a hand: a match. Slots are exact under a race: one transaction takes a slot with a
 * conditional UPDATE of the request (+1 matched, `fill` on the last one) and then moves the
 * application from pending to accepted; when no slot is left the answer is 409 REQUEST_FILLED
 * and nothing changed. The volunteer is told by mail in their language.
 */
export async function acceptApplication(
  ctx: SignedInContext,
  id: string,
  note: string | null,
): Promise<ApplicationForOfficer> {
  return answerHand(ctx, id, note, 'accept', {
    async beforeMove(tx, row) {
      const requests = requestRepository(tx);
      if (await requests.claimSlot(row.requestId)) return;
      const request = await requests.find(row.requestId);
      if (request && isFull(request)) {
        throw new DomainError('REQUEST_FILLED', 'Every slot of this request is already filled.');
      }
      throw new DomainError('REQUEST_NOT_OPEN', 'This request is not taking hands.');
    },
    async afterMove(tx, row) {
      // the officer who accepts sees the volunteer's contact in the answer: that is its first opening
      await revealContact(tx, ctx.actor, (await applicationRepository(tx).find(id))!, 'association', [row.volunteerId]);
      const request = (await requestRepository(tx).find(row.requestId))!;
      await recordMatchStep(tx, ctx.actor, row, 'match.accept', request);
      await tellMatched(ctx, tx, id, { request, volunteerId: row.volunteerId, note });
    },
  });
}

/** Declines a pending hand, with an optional note; the volunteer is told kindly, in their language. */
export async function declineApplication(
  ctx: SignedInContext,
  id: string,
  note: string | null,
): Promise<ApplicationForOfficer> {
  return answerHand(ctx, id, note, 'decline', {
    async afterMove(tx, row) {
      const request = (await requestRepository(tx).find(row.requestId))!;
      const answer = { request, volunteerId: row.volunteerId, note };
      await tellVolunteer(ctx, tx, applicationDeclinedMail, answer, webPages.myApplications);
    },
  });
}

/**
 * The officers answer a pending hand, in one transaction: `beforeMove` (accepting takes a slot),
 * then the application moves out of pending with the officer's note (409 APPLICATION_NOT_PENDING
 * when the volunteer withdrew a moment ago: everything, the slot too, rolls back), then `afterMove`
 * (telling the volunteer). The reply is the officer's view, read last: accepting opens the
 * volunteer's contact to them.
 */
async function answerHand(
  ctx: SignedInContext,
  id: string,
  note: string | null,
  answer: 'accept' | 'decline',
  steps: {
    beforeMove?: (tx: Database, row: ApplicationRow) => Promise<void>;
    afterMove: (tx: Database, row: ApplicationRow) => Promise<void>;
  },
): Promise<ApplicationForOfficer> {
  const { actor } = ctx;
  return ctx.door.asActor(actor, async (tx) => {
    const repo = applicationRepository(tx);
    const row = await decidable(repo, actor, id);
    await steps.beforeMove?.(tx, row);
    if (!(await repo.transition(id, answer, note))) {
      throw new DomainError('APPLICATION_NOT_PENDING', 'This application was already decided or withdrawn.');
    }
    await steps.afterMove(tx, row);
    const [view] = await officerViews(tx, actor, [(await repo.find(id))!]);
    return view!;
  });
}

/** The volunteer hears their hand became a match, with the match's calendar file, in `tx`. */
async function tellMatched(ctx: SignedInContext, tx: Database, id: string, answer: VolunteerAnswer) {
  const calendar = await matchCalendarAttachment(ctx.config, tx, id);
  await tellVolunteer(ctx, tx, applicationAcceptedMail, answer, webPages.match(id), calendar);
}

/** The volunteer hears the officers' answer to their hand (with the officer's note), in `tx`. */
async function tellVolunteer(
  ctx: SignedInContext,
  tx: Database,
  template: typeof applicationAcceptedMail,
  answer: VolunteerAnswer,
  page: string,
  /** e.g. the match's calendar file */
  attachments: MailAttachment[] = [],
) {
  const { request, note } = answer;
  const vars = {
    requestTitle: request.title,
    associationName: request.associationName,
    note,
    contactDesk: await contactDeskOf(tx, request.municipalityCode),
    link: publicLink(ctx.config, page),
  };
  const to = [(await applicationRepository(tx).person(answer.volunteerId))!];
  const kind = template === applicationAcceptedMail ? 'applicationAccepted' : 'applicationDeclined';
  const params = { requestTitle: request.title, associationName: request.associationName };
  const mail = { template, vars, municipalityCode: request.municipalityCode, attachments };
  await notify(ctx, { kind, to, requestId: request.id, params, link: page, mail }, tx);
}

type ApplicationRequest = { id: string; title: string; associationName: string; municipalityCode: string };
type VolunteerAnswer = { request: ApplicationRequest; volunteerId: string; note: string | null };
