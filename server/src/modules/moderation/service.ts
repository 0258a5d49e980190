import {
  DomainError,
  municipalityScope,
  type HelpRequestDetail,
  type ModerationQueue,
  type RequestAuditAction,
} from '@board/shared';
import type { MailTemplate } from '../../mail/compose.ts';
import {
  requestApprovedMail,
  requestChangesRequestedMail,
  requestClosedMail,
  requestRejectedMail,
  type ReasonMailVars,
  type RequestEnding,
  type RequestMailVars,
} from '../../mail/request-mails.ts';
import { requestReader } from '../help-requests/reader.ts';
import { applicantsToTellAsActor, tellApplicantsRequestEnded } from '../help-requests/applicant-notice.ts';
import { changeStatus, requestNamesOf } from '../help-requests/service.ts';
import { decodeCursor, pageOf, publicView } from '../help-requests/views.ts';
import { publicLink, webPages } from '../../links/public-links.ts';
import { sendMail } from '../../mail/send-mail.ts';
import type { SignedInContext } from '../../services/context.ts';

/** The moderation queue of one municipality (staff), or of all or one (foundation staff), oldest first. */
export async function listModerationQueue(
  ctx: SignedInContext,
  query: { municipalityCode?: string | undefined; cursor?: string | undefined; limit: number },
): Promise<ModerationQueue> {
  const { actor } = ctx;
  const scope = municipalityScope(actor, 'moderation.list', query.municipalityCode);
  if (!scope) throw new DomainError('FORBIDDEN', "You may not see this municipality's moderation queue.");
  const municipalityCodes = scope === 'any' ? undefined : scope;
  const listing = `moderation:${query.municipalityCode ?? ''}`;
  const after = decodeCursor(listing, query.cursor);
  const { rows, counts } = await ctx.door.asActor(actor, async (tx) => {
    const repo = requestReader(tx);
    return {
      rows: await repo.pendingReview({ municipalityCodes, after, limit: query.limit + 1 }),
      counts: await repo.moderationCounts(municipalityCodes),
    };
  });
  const page = pageOf(rows, query.limit, listing, (row) => ({
    ...publicView(row),
    submittedAt: row.updatedAt.toISOString(),
  }));
  return { counts, ...page };
}

interface Decision<Vars> {
  transition: 'approve' | 'requestChanges' | 'reject' | 'close';
  audit: RequestAuditAction;
  mail: MailTemplate<Vars>;
  /** the request leaves the board for good: volunteers who raised a hand are told too */
  endsRequest?: RequestEnding;
}

const approve: Decision<RequestMailVars> = {
  transition: 'approve',
  audit: 'request.approve',
  mail: requestApprovedMail,
};
const decisionsWithReason = {
  requestChanges: { transition: 'requestChanges', audit: 'request.request_changes', mail: requestChangesRequestedMail },
  reject: { transition: 'reject', audit: 'request.reject', mail: requestRejectedMail },
  close: { transition: 'close', audit: 'request.close', mail: requestClosedMail, endsRequest: 'closed' },
} as const satisfies Record<string, Decision<ReasonMailVars>>;

/**
 * Takes a moderation decision (staff of the request's municipality), audit-logged in the same
 * transaction, then tells the association's officers by mail, each in their own language. A mail
 * that cannot be sent is logged; the decision stands.
 */
async function decide<Vars extends RequestMailVars>(
  ctx: SignedInContext,
  id: string,
  decision: Decision<Vars>,
  extra: Omit<Vars, keyof RequestMailVars>,
  reason: string | null,
): Promise<HelpRequestDetail> {
  const { actor } = ctx;
  const { detail, recipients, applicants } = await ctx.door.asActor(actor, async (tx) => {
    const change = await changeStatus(tx, actor, id, decision.transition, { reason, audit: decision.audit });
    return {
      detail: change.detail,
      recipients: await requestReader(tx).officerRecipients(change.before.associationId),
      applicants: decision.endsRequest ? await applicantsToTellAsActor(tx, id, decision.endsRequest) : [],
    };
  });
  const vars = {
    ...extra,
    title: detail.title,
    associationName: detail.associationName,
    municipality: { nameJa: detail.municipalityName, nameEn: detail.municipalityNameEn },
    link: publicLink(ctx.config, webPages.request(detail.id)),
  } as Vars;
  await sendMail(ctx, { template: decision.mail, to: recipients, vars });
  if (decision.endsRequest)
    await tellApplicantsRequestEnded(ctx, applicants, requestNamesOf(detail), decision.endsRequest);
  return detail;
}

export function approveRequest(ctx: SignedInContext, id: string) {
  return decide(ctx, id, approve, {}, null);
}

export function requestChangesToRequest(ctx: SignedInContext, id: string, reason: string) {
  return decide(ctx, id, decisionsWithReason.requestChanges, { reason }, reason);
}

export function rejectRequest(ctx: SignedInContext, id: string, reason: string) {
  return decide(ctx, id, decisionsWithReason.reject, { reason }, reason);
}

export function closeRequest(ctx: SignedInContext, id: string, reason: string) {
  return decide(ctx, id, decisionsWithReason.close, { reason }, reason);
}
