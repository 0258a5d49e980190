import {
  DomainError,
  helpInvitationLifetimeDays,
  helpInvitationLimits,
  isOpenForHands,
  type HelpInvitationStatus,
  type HelpInvitationView,
  type MyHelpInvitationList,
  type SentHelpInvitationList,
} from '@board/shared';
import { publicLink, webPages } from '../../links/public-links.ts';
import { helpInvitationMail } from '../../mail/help-invitation-mails.ts';
import { notify } from '../notifications/notify.ts';
import type { ServiceContext, SignedInContext } from '../../services/context.ts';
import { applicationRepository } from '../applications/repository.ts';
import { isFull } from '../applications/service.ts';
import { recordAudit } from '../audit/record.ts';
import { requestRepository } from '../help-requests/repository.ts';
import { publicView, resourceOf } from '../help-requests/views.ts';
import { contactDeskOf } from '../municipalities/contact-desk.ts';
import { helpInvitationRepository, type HelpInvitationRow } from './repository.ts';
import { authorize } from '../../services/authorize.ts';
import { iso } from '../../services/iso.ts';

const dayMs = 24 * 60 * 60 * 1000;

function view(row: HelpInvitationRow): HelpInvitationView {
  return {
    id: row.id,
    requestId: row.requestId,
    volunteerId: row.volunteerId,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    decidedAt: iso(row.decidedAt),
  };
}

/** An open invitation whose request no longer takes hands reads `expired` (before the sweep marks it so). */
function shownStatus(
  row: HelpInvitationRow,
  request: Parameters<typeof isOpenForHands>[0] & { hiddenAt: Date | null },
): HelpInvitationStatus {
  const gone = !isOpenForHands(request) || request.hiddenAt !== null;
  return row.status === 'open' && gone ? 'expired' : row.status;
}

/**
 * An officer invites a volunteer who agreed to be suggested to raise a hand for their published
 * request. Nobody is pestered: at most `helpInvitationLimits` open per request, sent per officer a
 * day and open per volunteer; once per volunteer and request; never to someone who muted
 * invitations. A volunteer who did not agree to be suggested is answered as unknown (404), so
 * this path does not tell who is registered.
 */
export async function inviteVolunteer(
  ctx: SignedInContext,
  requestId: string,
  volunteerId: string,
): Promise<HelpInvitationView> {
  const { actor } = ctx;
  const outcome = await ctx.door.asActor(actor, async (tx) => {
    const requests = requestRepository(tx);
    const invitations = helpInvitationRepository(tx);
    const request = await requests.find(requestId);
    if (!request || request.hiddenAt) throw new DomainError('NOT_FOUND', 'No such request.');
    authorize(actor, 'helpInvitation.create', "Only the request's association's officers invite volunteers to it.", {
      associationId: request.associationId,
    });
    if (isFull(request)) throw new DomainError('REQUEST_FILLED', 'Every slot of this request is already filled.');
    if (!isOpenForHands(request) || !request.municipalityActive) {
      throw new DomainError('REQUEST_NOT_OPEN', 'This request is not taking hands.');
    }
    const invitee = volunteerId === actor.userId ? null : await invitations.invitee(volunteerId);
    if (!invitee?.isVolunteer || !invitee.suggestable) {
      throw new DomainError('NOT_FOUND', 'No volunteer who agreed to be suggested has this id.');
    }
    if (invitee.muted) throw new DomainError('HELP_INVITATIONS_MUTED', 'This volunteer does not take invitations now.');
    const applications = applicationRepository(tx);
    if (
      (await applications.hasApplication(request.id, volunteerId, 'pending')) ||
      (await applications.hasApplication(request.id, volunteerId, 'accepted'))
    ) {
      throw new DomainError('ALREADY_APPLIED', 'This volunteer has already raised a hand for this request.');
    }
    // every count below is taken under a lock: of two invitations at once only one takes the last place
    await requests.lock(request.id);
    if ((await invitations.openForRequest(request.id)) >= helpInvitationLimits.openPerRequest) {
      throw new DomainError('REQUEST_INVITATION_LIMIT', 'This request already has as many open invitations as it may.');
    }
    if (
      (await invitations.sentSince(actor.userId, new Date(ctx.clock().getTime() - dayMs))) >=
      helpInvitationLimits.perOfficerPerDay
    ) {
      throw new DomainError('INVITE_RATE_LIMITED', 'You sent as many invitations as you may today.');
    }
    if ((await invitations.lockAndCountOpenForVolunteer(volunteerId)) >= helpInvitationLimits.openPerVolunteer) {
      throw new DomainError('VOLUNTEER_INVITATION_LIMIT', 'This volunteer has many open invitations now.');
    }
    const id = await invitations.insert({
      requestId: request.id,
      volunteerId,
      invitedBy: actor.userId,
      municipalityCode: request.municipalityCode,
      associationId: request.associationId,
    });
    if (!id) throw new DomainError('ALREADY_INVITED', 'This volunteer was already invited to this request.');
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'help_invitation.create',
      municipalityCode: request.municipalityCode,
      subjectType: 'help_invitation',
      subjectId: id,
      details: { requestId: request.id, volunteerId, title: request.title },
    });
    const contactDesk = await contactDeskOf(tx, request.municipalityCode);
    const vars = {
      requestTitle: request.title,
      associationName: request.associationName,
      contactDesk,
      link: publicLink(ctx.config, webPages.request(request.id)),
      settingsLink: publicLink(ctx.config, webPages.myHelpInvitations),
    };
    const params = { requestTitle: request.title, associationName: request.associationName };
    const mail = { template: helpInvitationMail, vars, municipalityCode: request.municipalityCode };
    const to = [{ ...invitee, userId: volunteerId }];
    const link = webPages.request(request.id);
    await notify(ctx, { kind: 'invitedToHelp', to, requestId: request.id, params, link, mail }, tx);
    return (await invitations.find(id))!;
  });
  return view(outcome);
}

/**
 * The signed-in volunteer's invitations, newest first, with each request's public part. An open
 * invitation whose request no longer takes hands reads `expired`.
 */
export async function listMyInvitationsToHelp(ctx: SignedInContext): Promise<MyHelpInvitationList> {
  const { actor } = ctx;
  return ctx.door.asActor(actor, async (tx) => {
    const invitations = helpInvitationRepository(tx);
    const rows = await invitations.listForVolunteer(actor.userId);
    return {
      muted: await invitations.muted(actor.userId),
      items: rows.map(({ request, ...row }) => {
        const { volunteerId: _, ...own } = view(row);
        return { ...own, status: shownStatus(row, request), request: publicView(request) };
      }),
    };
  });
}

/** The volunteer says "not this time"; the association sees it declined. */
export async function declineInvitationToHelp(ctx: SignedInContext, id: string): Promise<HelpInvitationView> {
  const { actor } = ctx;
  return ctx.door.asActor(actor, async (tx) => {
    const invitations = helpInvitationRepository(tx);
    const row = await invitations.find(id);
    if (!row) throw new DomainError('NOT_FOUND', 'No such invitation.');
    authorize(actor, 'helpInvitation.decline', 'Only the invited volunteer answers an invitation.', {
      ownerId: row.volunteerId,
    });
    if (!(await invitations.decide(id, 'declined'))) {
      throw new DomainError('HELP_INVITATION_NOT_OPEN', 'This invitation was already answered.');
    }
    const request = await requestRepository(tx).find(row.requestId);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'help_invitation.decline',
      municipalityCode: row.municipalityCode,
      subjectType: 'help_invitation',
      subjectId: id,
      details: { requestId: row.requestId, title: request?.title ?? '' },
    });
    return view((await invitations.find(id))!);
  });
}

/** The volunteer turns invitations off (or on again). */
export async function muteHelpInvitations(ctx: SignedInContext, muted: boolean): Promise<MyHelpInvitationList> {
  await ctx.door.asActor(ctx.actor, (tx) => helpInvitationRepository(tx).setMuted(ctx.actor.userId, muted));
  return listMyInvitationsToHelp(ctx);
}

/**
 * The invitations sent for a request, newest first, with whom and what became of each (open,
 * a hand raised, declined, expired): for its association's officers and its municipality's staff.
 */
export async function listHelpInvitationsForRequest(
  ctx: SignedInContext,
  requestId: string,
): Promise<SentHelpInvitationList> {
  const { actor } = ctx;
  return ctx.door.asActor(actor, async (tx) => {
    const request = await requestRepository(tx).find(requestId);
    if (!request) throw new DomainError('NOT_FOUND', 'No such request.');
    authorize(
      actor,
      'helpInvitation.list',
      "Only the request's officers and its municipality's staff see its invitations.",
      resourceOf(request),
    );
    const rows = await helpInvitationRepository(tx).listForRequest(requestId);
    return {
      items: rows.map(({ displayName, ...row }) => {
        const { requestId: _, ...sent } = view(row);
        return { ...sent, displayName, status: shownStatus(row, request) };
      }),
    };
  });
}

/**
 * Open invitations lapse (expired) with their request, or `helpInvitationLifetimeDays` after
 * they were sent: run by the request expiry sweep. Returns how many lapsed.
 */
export async function expireStaleHelpInvitations(ctx: ServiceContext): Promise<number> {
  const now = ctx.clock();
  const sentBefore = new Date(now.getTime() - helpInvitationLifetimeDays * dayMs);
  return ctx.door.asSystem('expire invitations to help whose request ended or that are old', (tx) =>
    helpInvitationRepository(tx).expireStale(now, sentBefore),
  );
}
