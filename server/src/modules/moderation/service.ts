import {
  can,
  DomainError,
  municipalityScope,
  type AuditDetails,
  type HelpRequestDetail,
  type ModerationListStatus,
  type ModerationQueue,
  type RequestAuditAction,
  type ReviewHistory,
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
import {
  applicantsToTellAsActor,
  requestNamesOf,
  tellApplicantsRequestEnded,
} from '../help-requests/applicant-notice.ts';
import { detailIn } from '../help-requests/access.ts';
import { changeStatus } from '../help-requests/service.ts';
import type { RequestRow } from '../help-requests/rows.ts';
import { contactDeskOf } from '../municipalities/contact-desk.ts';
import { decodeCursor, pageOf, publicView } from '../help-requests/views.ts';
import { publicLink, webPages } from '../../links/public-links.ts';
import { announcePublished } from '../notifications/announcements.ts';
import { notify } from '../notifications/notify.ts';
import type { SignedInContext } from '../../services/context.ts';
import { contentSnapshot, lastReturn, returnedBefore } from './returns.ts';

/** The moderation queue of one municipality (staff), or of all or one (foundation staff), oldest first. */
export async function listModerationQueue(
  ctx: SignedInContext,
  query: {
    municipalityCode?: string | undefined;
    associationId?: string | undefined;
    status?: ModerationListStatus | undefined;
    cursor?: string | undefined;
    limit: number;
  },
): Promise<ModerationQueue> {
  const { actor } = ctx;
  const scope = municipalityScope(actor, 'moderation.list', query.municipalityCode);
  if (!scope) throw new DomainError('FORBIDDEN', "You may not see this municipality's moderation queue.");
  const municipalityCodes = scope === 'any' ? undefined : scope;
  const status = query.status || 'pending_review';
  const associationId = query.associationId || undefined;
  const listing = `moderation:${query.municipalityCode ?? ''}:${associationId ?? ''}:${status}`;
  const after = decodeCursor(listing, query.cursor);
  const { rows, counts, resubmitted } = await ctx.door.asActor(actor, async (tx) => {
    const repo = requestReader(tx);
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
          : new Set<string>(),
    };
  });
  const now = ctx.clock().getTime();
  const page = pageOf(rows, query.limit, listing, (row) => ({
    ...publicView(row),
    submittedAt: row.updatedAt.toISOString(),
    daysWaiting: Math.max(0, Math.floor((now - row.updatedAt.getTime()) / 86_400_000)),
    resubmitted: resubmitted.has(row.id),
  }));
  return { counts, ...page };
}

/** The reviewer's view of a request's history: the last reason staff sent it back with, and what changed since. */
export async function getReviewHistory(ctx: SignedInContext, id: string): Promise<ReviewHistory> {
  const { actor } = ctx;
  return ctx.door.asActor(actor, async (tx) => {
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
  audit: RequestAuditAction;
  mail: MailTemplate<Vars>;
  /** the request leaves the board for good: volunteers who raised a hand are told too */
  endsRequest?: RequestEnding;
  /** more for the audit entry, from the request as it was */
  auditDetails?: (before: RequestRow) => AuditDetails<RequestAuditAction>;
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
 * transaction, with the mail to the association's officers (each in their own language) queued in
 * it too: the decision and its mail commit together.
 */
async function decide<Vars extends RequestMailVars>(
  ctx: SignedInContext,
  id: string,
  decision: Decision<Vars>,
  extra: Omit<Vars, keyof RequestMailVars>,
  reason: string | null,
): Promise<HelpRequestDetail> {
  const { actor } = ctx;
  return ctx.door.asActor(actor, async (tx) => {
    const change = await changeStatus(tx, actor, id, decision.transition, {
      now: ctx.clock(),
      reason,
      audit: decision.audit,
      auditDetails: decision.auditDetails,
    });
    const { detail, before } = change;
    const contactDesk = await contactDeskOf(tx, before.municipalityCode);
    const vars = {
      ...extra,
      title: detail.title,
      associationName: detail.associationName,
      municipality: { nameJa: detail.municipalityName, nameEn: detail.municipalityNameEn },
      contactDesk,
      link: publicLink(ctx.config, webPages.officerRequest(detail.id)),
    } as Vars;
    const recipients = await requestReader(tx).officerRecipients(before.associationId);
    const about = before.municipalityCode;
    const mail = { template: decision.mail, vars, municipalityCode: about };
    const params = { requestTitle: detail.title, decision: decision.transition };
    const link = webPages.officerRequest(detail.id);
    await notify(ctx, { kind: 'moderationResult', to: recipients, requestId: detail.id, params, link, mail }, tx);
    if (decision.transition === 'approve') await announcePublished(ctx, tx, detail);
    if (decision.endsRequest) {
      const applicants = await applicantsToTellAsActor(tx, id, decision.endsRequest);
      const names = requestNamesOf(detail, contactDesk);
      await tellApplicantsRequestEnded(ctx, applicants, names, decision.endsRequest, tx, about);
    }
    return detail;
  });
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
