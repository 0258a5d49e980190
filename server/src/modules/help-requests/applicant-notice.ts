import type { Database } from '@board/db';
import type { HelpRequestDetail } from '@board/shared';
import { elevateWithin } from '../../database/door.ts';
import { publicLink, webPages } from '../../links/public-links.ts';
import { requestEndedForVolunteerMail, type RequestEnding } from '../../mail/request-mails.ts';
import { notify, type NotifyContext } from '../notifications/notify.ts';
import { requestReader } from './reader.ts';

export type Applicant = Awaited<ReturnType<ReturnType<typeof requestReader>['applicantRecipients']>>[number];

/**
 * Who to tell that a request ended. Withdrawn or closed: every live hand, matched ones too (the
 * work will not happen). Expired: the hands still waiting for an answer; matches made before the
 * deadline stand. `tx` must already see across accounts (the expiry job's system transaction).
 */
export function applicantsToTell(tx: Database, requestId: string, ending: RequestEnding): Promise<Applicant[]> {
  const statuses = ending === 'expired' ? (['pending'] as const) : (['pending', 'accepted'] as const);
  return requestReader(tx).applicantRecipients(requestId, statuses);
}

/** The same, inside an actor's transaction: their accounts are not the actor's to read (a system step naming the request). */
export function applicantsToTellAsActor(tx: Database, requestId: string, ending: RequestEnding): Promise<Applicant[]> {
  return elevateWithin(tx, 'applicants to tell a request ended', () => applicantsToTell(tx, requestId, ending));
}

/** Mails each of them in their language, queued in `within`, the transaction that ended the request. */
export async function tellApplicantsRequestEnded(
  ctx: NotifyContext,
  applicants: Applicant[],
  request: {
    id: string;
    title: string;
    associationName: string;
    municipality: { nameJa: string; nameEn: string };
    contactDesk: string | null;
  },
  ending: RequestEnding,
  within: Database,
  municipalityCode: string,
): Promise<void> {
  const link = webPages.request(request.id);
  const vars = {
    title: request.title,
    associationName: request.associationName,
    municipality: request.municipality,
    contactDesk: request.contactDesk,
    link: publicLink(ctx.config, link),
    ending,
  };
  const mail = { template: requestEndedForVolunteerMail, vars, municipalityCode };
  const params = { requestTitle: request.title, associationName: request.associationName, ending };
  await notify(ctx, { kind: 'requestEnded', to: applicants, requestId: request.id, params, link, mail }, within);
}

/** What a mail about the request names, with its municipality's contact desk for the mail's foot. */
export function requestNamesOf(detail: HelpRequestDetail, contactDesk: string | null) {
  return {
    id: detail.id,
    title: detail.title,
    associationName: detail.associationName,
    municipality: { nameJa: detail.municipalityName, nameEn: detail.municipalityNameEn },
    contactDesk,
  };
}
