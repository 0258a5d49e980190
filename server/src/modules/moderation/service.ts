import {
  DomainError,
  municipalityScope,
  type Actor,
  type HelpRequestDetail,
  type ModerationQueue,
  type RequestAuditAction,
} from '@board/shared';
import type { FastifyInstance } from 'fastify';
import type { MailTemplate } from '../../mail/compose.ts';
import {
  mailEach,
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
import { changeStatus, requestNamesOf, type Access } from '../help-requests/service.ts';
import { decodeCursor, pageOf, publicView, requestLink } from '../help-requests/views.ts';

/** The moderation queue of one municipality (staff), or of all or one (foundation staff), oldest first. */
export async function listModerationQueue(
  actor: Actor,
  access: Access,
  query: { municipalityCode?: string | undefined; cursor?: string | undefined; limit: number },
): Promise<ModerationQueue> {
  const scope = municipalityScope(actor, 'moderation.list', query.municipalityCode);
  if (!scope) throw new DomainError('FORBIDDEN', "You may not see this municipality's moderation queue.");
  const municipalityCodes = scope === 'any' ? undefined : scope;
  const listing = `moderation:${query.municipalityCode ?? ''}`;
  const after = decodeCursor(listing, query.cursor);
  const { rows, counts } = await access.withAccess(async (tx) => {
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
  app: FastifyInstance,
  actor: Actor,
  access: Access,
  id: string,
  decision: Decision<Vars>,
  extra: Omit<Vars, keyof RequestMailVars>,
  reason: string | null,
): Promise<HelpRequestDetail> {
  const { detail, recipients, applicants } = await access.withAccess(async (tx) => {
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
    link: requestLink(app.config, detail.id),
  } as Vars;
  await mailEach(app, decision.mail, recipients, vars);
  if (decision.endsRequest)
    await tellApplicantsRequestEnded(app, applicants, requestNamesOf(detail), decision.endsRequest);
  return detail;
}

export function approveRequest(app: FastifyInstance, actor: Actor, access: Access, id: string) {
  return decide(app, actor, access, id, approve, {}, null);
}

export function requestChangesToRequest(
  app: FastifyInstance,
  actor: Actor,
  access: Access,
  id: string,
  reason: string,
) {
  return decide(app, actor, access, id, decisionsWithReason.requestChanges, { reason }, reason);
}

export function rejectRequest(app: FastifyInstance, actor: Actor, access: Access, id: string, reason: string) {
  return decide(app, actor, access, id, decisionsWithReason.reject, { reason }, reason);
}

export function closeRequest(app: FastifyInstance, actor: Actor, access: Access, id: string, reason: string) {
  return decide(app, actor, access, id, decisionsWithReason.close, { reason }, reason);
}
