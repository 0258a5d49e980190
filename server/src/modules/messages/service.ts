import type { Database } from '@board/db';
import { DomainError, type Actor, type ThreadMessage } from '@board/shared';
import { rubyOf } from '../../furigana/readings.ts';
import { publicLink, webPages } from '../../links/public-links.ts';
import { newMessageMail } from '../../mail/matching-mails.ts';
import { notify } from '../notifications/notify.ts';
import { applicationRepository, ofMatch, type ApplicationRow } from '../applications/repository.ts';
import { requestRepository } from '../help-requests/repository.ts';
import { contactDeskOf } from '../municipalities/contact-desk.ts';
import { associationSide } from '../applications/views.ts';
import { messageRepository, type MessageRow } from './repository.ts';
import { threadOpening } from './thread-opening.ts';
import { authorize } from '../../services/authorize.ts';
import type { SignedInContext } from '../../services/context.ts';

/**
 * The thread of a match is private to its two sides: the volunteer and the association's
 * officers. Staff do not read threads here (403): they see a message only when someone flags
 * it, in their flag queue, where the flag is the logged reason (see modules/flags).
 * 404 when the application is invisible to the actor, 403 when visible but not theirs.
 */
async function participantsOnly(
  tx: Database,
  actor: Actor,
  id: string,
  action: 'message.read' | 'message.send',
): Promise<ApplicationRow> {
  const row = await applicationRepository(tx).find(id);
  if (!row) throw new DomainError('NOT_FOUND', 'No such match.');
  authorize(actor, action, "Only the volunteer and the association's officers take part in this thread.", {
    associationId: row.associationId,
    ownerId: row.volunteerId,
  });
  return row;
}

/** accepted, or accepted once and withdrawn later (the thread stays readable, closed for new messages) */
function wasMatched(row: ApplicationRow): boolean {
  return row.status === 'accepted' || (row.status === 'withdrawn' && row.decidedAt !== null);
}

function view(actor: Actor, row: MessageRow): ThreadMessage {
  const hidden = row.hiddenAt !== null;
  return {
    id: row.id,
    kind: 'message',
    applicationId: row.applicationId,
    senderId: row.senderId,
    senderName: row.senderName,
    senderSide: row.senderId === row.volunteerId ? 'volunteer' : 'association',
    body: hidden ? null : row.body,
    bodyRuby: hidden ? null : row.bodyRuby,
    hidden,
    mine: row.senderId === actor.userId,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * The thread of a match, oldest first, opening with the hand's message and the acceptance note
 * (thread-opening.ts); messages staff hid show as hidden, without their text.
 */
export async function listMessages(ctx: SignedInContext, id: string) {
  const { actor } = ctx;
  return ctx.door.asActor(actor, async (tx) => {
    const row = await participantsOnly(tx, actor, id, 'message.read');
    if (!wasMatched(row)) throw new DomainError('NOT_MATCHED', 'Messages open once the application is accepted.');
    const messages = (await messageRepository(tx).thread(id)).map((m) => view(actor, m));
    const items = [...(await threadOpening(tx, actor, row)), ...messages];
    return { items, canSend: row.status === 'accepted' };
  });
}

/**
 * A plain-text message in a match's thread. The other side is told by mail in their language,
 * at most once per 15 minutes per thread and side (the mail says who wrote, not what).
 */
export async function sendMessage(ctx: SignedInContext, id: string, body: string): Promise<ThreadMessage> {
  const { actor } = ctx;
  // readings are made before the transaction: the analyser is slow, the row is not held for it
  const bodyRuby = await rubyOf(body);
  return ctx.door.asActor(actor, async (tx) => {
    const row = await participantsOnly(tx, actor, id, 'message.send');
    if (row.status !== 'accepted') throw new DomainError('NOT_MATCHED', 'This application is not a match (any more).');
    const messages = messageRepository(tx);
    const repo = applicationRepository(tx);
    const messageId = await messages.insert({
      ...ofMatch(row),
      senderId: actor.userId,
      body,
      bodyRuby,
    });
    const fromVolunteer = actor.userId === row.volunteerId;
    const to = fromVolunteer ? 'association' : 'volunteer';
    const request = (await requestRepository(tx).findApplied([row.requestId]))[0]!;
    const recipients = fromVolunteer
      ? (await associationSide(repo, [request]))(request)
      : [(await repo.person(row.volunteerId))!];
    const fromName = fromVolunteer ? ((await repo.person(actor.userId))?.displayName ?? '') : request.associationName;
    const mail = {
      template: newMessageMail,
      municipalityCode: request.municipalityCode,
      vars: {
        requestTitle: request.title,
        fromName,
        contactDesk: await contactDeskOf(tx, request.municipalityCode),
        link: publicLink(ctx.config, webPages.match(id)),
      },
      throttle: { kind: 'newMessage' as const, per: [id, to] },
    };
    const params = { requestTitle: request.title, fromName };
    const notice = { kind: 'newMessage' as const, to: recipients, requestId: request.id, applicationId: id, params };
    await notify(ctx, { ...notice, link: webPages.match(id), mail }, tx);
    return view(actor, (await messages.find(messageId))!);
  });
}
