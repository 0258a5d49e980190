import {
  can,
  DomainError,
  municipalityScope,
  type Actor,
  type HelpRequestDetail,
  type ModerationListStatus,
  type ModerationQueue,
  type ReviewHistory,
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
import { requestRepository, type RequestRow } from '../help-requests/repository.ts';
import { applicantsToTellAsActor, tellApplicantsRequestEnded } from '../help-requests/applicant-notice.ts';
import { changeStatus, detailIn, requestNamesOf, type Access } from '../help-requests/service.ts';
import { decodeCursor, pageOf, publicView, requestLink } from '../help-requests/views.ts';
import { contentSnapshot, lastReturn, returnedBefore } from './returns.ts';

/** The moderation queue of one municipality (staff), or of all or one (foundation staff), oldest first. */
export async function listModerationQueue(
  actor: Actor,
  access: Access,
  query: {
    municipalityCode?: string | undefined;
    associationId?: string | undefined;
    status?: ModerationListStatus | undefined;
    cursor?: string | undefined;
    limit: number;
  },
): Promise<ModerationQueue> {
  const scope = municipalityScope(actor, 'moderation.list', query.municipalityCode);
  if (!scope) throw new DomainError('FORBIDDEN', "You may not see this municipality's moderation queue.");
  const municipalityCodes = scope === 'any' ? undefined : scope;
  const status = query.status || 'pending_review';
  const associationId = query.associationId || undefined;
  const listing = `moderation:${query.municipalityCode ?? ''}:${associationId ?? ''}:${status}`;
  const after = decodeCursor(listing, query.cursor);
  const { rows, counts, resubmitted } = await access.withAccess(async (tx) => {
    const repo = requestRepository(tx);
    const rows = await repo.pendingReview({ municipalityCodes, associationId, status, after, limit: query.limit + 1 });
    return {
      rows,
      counts: await repo.moderationCounts(municipalityCodes),
      resubmitted:
        status === 'pending_review'
          ? await returnedBefore(
              tx,
              rows.map((row) => row.id),
            )
          : new Set(),
    };
  });
  const now = Date.now();
  const page = pageOf(rows, query.limit, listing, (row) => ({
    ...publicView(row),
    submittedAt: row.updatedAt.toISOString(),
    daysWaiting: Math.max(0, Math.floor((now - row.updatedAt.getTime()) / 86_400_000)),
    resubmitted: resubmitted.has(row.id),
  }));
  return { counts, ...page };
}

/** The reviewer's view of a request's history: the last reason staff sent it back with, and what changed since. */
export async function getReviewHistory(actor: Actor, access: Access, id: string): Promise<ReviewHistory> {
  return access.withAccess(async (tx) => {
    const request = await detailIn(tx, actor, id);
    // a published request of another municipality is readable, but its history is not this person's
    if (!can(actor, 'moderation.list', { municipalityCode: request.municipalityCode })) {
      throw new DomainError('NOT_FOUND', 'No such request.');
    }
    return { lastReturn: await lastReturn(tx, request) };
  });
}

interface Decision<Vars> {
  transition: 'approve' | 'requestChanges' | 'reject' | 'close';
  audit: string;
  mail: MailTemplate<Vars>;
  /** the request leaves the board for good: volunteers who raised a hand are told too */
  endsRequest?: RequestEnding;
  auditDetails?: (before: RequestRow) => object;
}

const approve: Decision<RequestMailVars> = {
  transition: 'approve',
  audit: 'request.approve',
  mail: requestApprovedMail,
};
const decisionsWithReason = {
  requestChanges: {
    transition: 'requestChanges',
    audit: 'request.request_changes',
    mail: requestChangesRequestedMail,
    auditDetails: (before) => ({ returned: contentSnapshot(before) }),
  },
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
    const change = await changeStatus(tx, actor, id, decision.transition, {
      reason,
      audit: decision.audit,
      auditDetails: decision.auditDetails,
    });
    return {
      detail: change.detail,
      recipients: await requestRepository(tx).officerRecipients(change.before.associationId),
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
