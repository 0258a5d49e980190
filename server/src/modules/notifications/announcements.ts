import type { FlagTargetType } from '@board/shared';
import type { Database } from '@board/db';
import { publicLink, webPages } from '../../links/public-links.ts';
import { flagRaisedMail, requestFitsMail, reviewWaitingMail } from '../../mail/notification-mails.ts';
import { municipalityRepository } from '../municipalities/repository.ts';
import { volunteersWhoFit } from '../matching/service.ts';
import { notify, type NotifyContext } from './notify.ts';
import { recipientRepository } from './recipients.ts';

/** A request as the news about it names it. */
interface RequestNews {
  id: string;
  title: string;
  associationName: string;
  municipalityCode: string;
}

/** Staff hear that a request reached their review queue (at once or in their daily digest). */
export async function announceReviewWaiting(ctx: NotifyContext, tx: Database, request: RequestNews): Promise<void> {
  const to = await recipientRepository(tx).staffOf(request.municipalityCode);
  const link = webPages.moderationRequest(request.id);
  const vars = { title: request.title, associationName: request.associationName, link: publicLink(ctx.config, link) };
  const params = { requestTitle: request.title, associationName: request.associationName };
  const mail = { template: reviewWaitingMail, vars, municipalityCode: request.municipalityCode };
  await notify(ctx, { kind: 'reviewWaiting', to, requestId: request.id, params, link, mail }, tx);
}

/** Volunteers whom a newly published request fits (matching's scoring, suggestable only, capped) hear of it. */
export async function announcePublished(ctx: NotifyContext, tx: Database, request: RequestNews): Promise<void> {
  const to = await recipientRepository(tx).people(await volunteersWhoFit(tx, request.id));
  const link = webPages.request(request.id);
  const vars = { title: request.title, associationName: request.associationName, link: publicLink(ctx.config, link) };
  const params = { requestTitle: request.title, associationName: request.associationName };
  const mail = { template: requestFitsMail, vars, municipalityCode: request.municipalityCode };
  await notify(ctx, { kind: 'requestFits', to, requestId: request.id, params, link, mail }, tx);
}

/** Staff of the municipality hear that something of theirs was reported. */
export async function announceFlag(
  ctx: NotifyContext,
  tx: Database,
  flag: { municipalityCode: string; targetType: FlagTargetType },
): Promise<void> {
  const to = await recipientRepository(tx).staffOf(flag.municipalityCode);
  const municipality = (await municipalityRepository(tx).find(flag.municipalityCode))!;
  const link = webPages.staffFlags;
  const vars = { targetType: flag.targetType, municipality, link: publicLink(ctx.config, link) };
  const params = { targetType: flag.targetType };
  const mail = { template: flagRaisedMail, vars, municipalityCode: flag.municipalityCode };
  await notify(ctx, { kind: 'flagRaised', to, params, link, mail }, tx);
}
