/** Officers post and manage help requests: drafting, copying, deleting, and the lifecycle's steps (submit, withdraw, any transition). */
import type { Database } from '@board/db';
import {
  DomainError,
  listScope,
  requestTransitions,
  transitionPermission,
  type Actor,
  type CreateHelpRequestBody,
  type HelpRequestDetail,
  type RequestStatus,
  type RequestTransition,
  type RequestAuditAction,
  type AuditDetails,
  type HelpRequestInput,
} from '@board/shared';
import { announcePublished, announceReviewWaiting } from '../notifications/announcements.ts';
import { recordAudit } from '../audit/record.ts';
import { contactDeskOf } from '../municipalities/contact-desk.ts';
import { applicantsToTellAsActor, requestNamesOf, tellApplicantsRequestEnded } from './applicant-notice.ts';
import { associationRepository } from '../associations/repository.ts';
import { municipalityRepository } from '../municipalities/repository.ts';
import { requestRepository } from './repository.ts';
import {
  categoryEnabled,
  categoryRefused,
  checkMunicipalityRules,
  contentOf,
  municipalityPaused,
  textColumns,
} from './content.ts';
import type { RequestContent, RequestRow } from './rows.ts';
import { submitTransition } from './views.ts';
import type { SignedInContext } from '../../services/context.ts';
import { authorize } from '../../services/authorize.ts';
import { authorizeOnRequest, detailIn, loadFor, notFound } from './access.ts';

// ---- officers post

/** An officer drafts a request for their association (the only one they are officer of, if not named). */
export async function createRequest(ctx: SignedInContext, input: CreateHelpRequestBody): Promise<HelpRequestDetail> {
  const { actor } = ctx;
  let associationId = input.associationId;
  if (associationId === undefined) {
    const scope = listScope(actor, 'request.create');
    const own = scope?.kind === 'limited' ? [...new Set(scope.associationIds)] : [];
    if (own.length === 0) throw new DomainError('FORBIDDEN', 'Only association officers post requests.');
    if (own.length > 1) {
      throw new DomainError('VALIDATION_FAILED', 'Say which association this is for.', [
        { field: 'associationId', code: 'ASSOCIATION_REQUIRED' },
      ]);
    }
    associationId = own[0]!;
  }
  authorize(actor, 'request.create', 'You may post requests only for your own association.', { associationId });
  const chosen = associationId;
  const content = await contentOf(input);
  return ctx.door.asActor(actor, async (tx) => {
    const association = await associationRepository(tx).find(chosen);
    if (!association) throw new DomainError('NOT_FOUND', 'No such association.');
    return detailIn(tx, actor, await insertDraft(tx, actor, association, input, content));
  });
}

/**
 * A new draft by the actor for an association: refused while its municipality is paused, and
 * against the municipality's rules (categories, first come). Returns the draft's id.
 */
export async function insertDraft(
  tx: Database,
  actor: Actor,
  association: { id: string; municipalityCode: string },
  input: HelpRequestInput,
  content: RequestContent,
  postedByMunicipality = false,
): Promise<string> {
  const municipality = (await municipalityRepository(tx).find(association.municipalityCode))!;
  if (municipality.status === 'paused') throw municipalityPaused();
  checkMunicipalityRules(municipality.settings, input);
  return requestRepository(tx).insert({
    ...content,
    municipalityCode: association.municipalityCode,
    associationId: association.id,
    createdBy: actor.userId,
    postedByMunicipality,
  });
}

/** Replaces the content while the request is a draft or changes were asked for. */
export async function updateRequest(
  ctx: SignedInContext,
  id: string,
  input: HelpRequestInput,
): Promise<HelpRequestDetail> {
  const { actor } = ctx;
  const content = await contentOf(input);
  return ctx.door.asActor(actor, async (tx) => {
    const repo = requestRepository(tx);
    const row = await loadFor(tx, actor, id, 'request.edit');
    const municipality = (await municipalityRepository(tx).find(row.municipalityCode))!;
    checkMunicipalityRules(municipality.settings, input);
    if (!(await repo.updateContent(id, content))) {
      const now = (await repo.find(id))?.status ?? row.status;
      throw new DomainError(
        'REQUEST_NOT_EDITABLE',
        `This request is ${now}; it can be edited only as a draft or when changes were asked for.`,
      );
    }
    return detailIn(tx, actor, id);
  });
}

/** A new draft with the same content, for posting a similar request again; the dates are left for the officer to set. */
export async function copyRequest(ctx: SignedInContext, id: string): Promise<HelpRequestDetail> {
  const { actor } = ctx;
  return ctx.door.asActor(actor, async (tx) => {
    const repo = requestRepository(tx);
    const source = await loadFor(tx, actor, id, 'request.copy');
    const newId = await repo.insert({
      title: source.title,
      body: source.body,
      category: source.category,
      skills: source.skills,
      skillKeys: source.skillKeys,
      slots: source.slots,
      whenKind: 'flexible',
      startsAt: null,
      endsAt: null,
      area: source.area,
      exactPlace: source.exactPlace,
      handsMode: source.handsMode,
      online: source.online,
      estimatedHours: source.estimatedHours,
      expensesCovered: source.expensesCovered,
      applicationDeadline: null,
      languages: source.languages,
      summaryEn: source.summaryEn,
      summaryJaEasy: source.summaryJaEasy,
      ...(await textColumns(source.title, source.body)),
      municipalityCode: source.municipalityCode,
      associationId: source.associationId,
      createdBy: actor.userId,
      copiedFrom: source.id,
    });
    return detailIn(tx, actor, newId);
  });
}

/**
 * An officer deletes a draft of their association: only a draft (409 REQUEST_NOT_DELETABLE for
 * anything sent, which keeps its history and is withdrawn instead), audited with its title.
 */
export async function deleteDraft(ctx: SignedInContext, id: string): Promise<void> {
  const { actor } = ctx;
  await ctx.door.asActor(actor, async (tx) => {
    const row = await loadFor(tx, actor, id, 'request.delete');
    if (!(await requestRepository(tx).deleteDraft(id))) {
      const now = (await requestRepository(tx).find(id))?.status ?? row.status;
      throw new DomainError('REQUEST_NOT_DELETABLE', `This request is ${now}; only a draft can be deleted.`);
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'request.delete',
      municipalityCode: row.municipalityCode,
      subjectType: 'help_request',
      subjectId: id,
      details: { title: row.title, associationId: row.associationId },
    });
  });
}

// ---- the lifecycle

export interface StatusChange {
  detail: HelpRequestDetail;
  /** the request before the change */
  before: RequestRow;
  transition: RequestTransition;
}

/**
 * Fires one lifecycle transition for a person: the table in shared/src/help-request-lifecycle.ts decides
 * whether the state allows it (one conditional UPDATE), the permissions table who may. A step
 * the state no longer allows (a second click, a decision someone else took first) is 409
 * REQUEST_TRANSITION_NOT_ALLOWED and changes nothing. `audit` names the audit-log action.
 */
export async function changeStatus(
  tx: Database,
  actor: Actor,
  id: string,
  pick: RequestTransition | ((row: RequestRow) => RequestTransition),
  /** `auditDetails`: more for the audit entry, from the request as it was (e.g. what staff sent back) */
  options: {
    /** what time it is (the context's clock): a deadline already passed refuses a submit */
    now: Date;
    reason?: string | null;
    audit?: RequestAuditAction;
    auditDetails?: (before: RequestRow) => AuditDetails<RequestAuditAction>;
  },
): Promise<StatusChange> {
  const repo = requestRepository(tx);
  const before = await repo.find(id);
  if (!before) throw notFound();
  const transition = typeof pick === 'function' ? pick(before) : pick;
  const permission = transitionPermission(transition);
  if (!permission) throw new Error(`${transition} is fired by the server only`);
  authorizeOnRequest(actor, before, permission);

  if (transition === 'submit' || transition === 'submitAndPublish') {
    // what is sent must still be postable: a category staff have since switched off, or a deadline already passed
    const municipality = (await municipalityRepository(tx).find(before.municipalityCode))!;
    if (municipality.status === 'paused') throw municipalityPaused();
    if (!categoryEnabled(municipality.settings, before.category)) throw categoryRefused();
    if (before.applicationDeadline && before.applicationDeadline.getTime() <= options.now.getTime()) {
      throw new DomainError('REQUEST_DEADLINE_PASSED', 'The application deadline has passed; set a new one first.', [
        { field: 'applicationDeadline', code: 'DEADLINE_IN_PAST' },
      ]);
    }
  }

  if (!(await repo.transition(id, transition, options.reason ?? null))) {
    const now: RequestStatus = (await repo.find(id))?.status ?? before.status;
    throw new DomainError(
      'REQUEST_TRANSITION_NOT_ALLOWED',
      `This request is ${now}: "${transition}" is not possible from there (it may have just changed).`,
    );
  }
  if (options.audit) {
    await recordAudit(tx, {
      actorId: actor.userId,
      action: options.audit,
      municipalityCode: before.municipalityCode,
      subjectType: 'help_request',
      subjectId: id,
      details: {
        title: before.title,
        from: before.status,
        to: requestTransitions[transition].to,
        ...(options.reason ? { reason: options.reason } : {}),
        ...options.auditDetails?.(before),
      },
    });
  }
  return { detail: await detailIn(tx, actor, id), before, transition };
}

/** Submit: to review, or straight onto the board where the municipality turned moderation off. */
export async function submitRequest(ctx: SignedInContext, id: string): Promise<HelpRequestDetail> {
  const { actor } = ctx;
  return ctx.door.asActor(actor, async (tx) => {
    const { detail, transition } = await changeStatus(
      tx,
      actor,
      id,
      (row) => submitTransition(row.moderationRequired),
      { now: ctx.clock(), audit: 'request.submit' },
    );
    // staff hear of their queue; where moderation is off, fitting volunteers hear of it at once
    if (transition === 'submit') await announceReviewWaiting(ctx, tx, detail);
    else await announcePublished(ctx, tx, detail);
    return detail;
  });
}

/** The association takes its request back, any time before completion; volunteers who raised a hand (or were matched) are told. */
export async function withdrawRequest(ctx: SignedInContext, id: string): Promise<HelpRequestDetail> {
  const { actor } = ctx;
  return ctx.door.asActor(actor, async (tx) => {
    const { detail } = await changeStatus(tx, actor, id, 'withdraw', { now: ctx.clock() });
    const applicants = await applicantsToTellAsActor(tx, id, 'withdrawn');
    const names = requestNamesOf(detail, await contactDeskOf(tx, detail.municipalityCode));
    await tellApplicantsRequestEnded(ctx, applicants, names, 'withdrawn', tx, detail.municipalityCode);
    return detail;
  });
}
