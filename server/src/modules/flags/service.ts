import type { Database } from '@board/db';
import {
  can,
  DomainError,
  municipalityScope,
  type Actor,
  type FlagBody,
  type FlagList,
  type FlagStatus,
  type FlagView,
} from '@board/shared';
import type { FastifyRequest } from 'fastify';
import { requestRepository } from '../help-requests/repository.ts';
import { recordAudit } from '../audit/record.ts';
import { isUniqueViolation } from '../auth/repository.ts';
import { messageRepository } from '../messages/repository.ts';
import { flagRepository, type FlagRow } from './repository.ts';

/** A transaction under row-level security as the request's actor (the request itself). */
type Access = Pick<FastifyRequest, 'withAccess'>;

async function views(tx: Database, rows: FlagRow[]): Promise<FlagView[]> {
  const repo = flagRepository(tx);
  const requests = await repo.requestTargets(rows.filter((r) => r.targetType === 'request').map((r) => r.targetId));
  const messages = await repo.messageTargets(rows.filter((r) => r.targetType === 'message').map((r) => r.targetId));
  return rows.map((row) => {
    let target: FlagView['target'] = { requestId: null, title: null, text: null, hidden: false };
    if (row.targetType === 'request') {
      const request = requests.find((r) => r.id === row.targetId);
      if (request)
        target = { requestId: request.id, title: request.title, text: null, hidden: request.hiddenAt !== null };
    } else {
      const message = messages.find((m) => m.id === row.targetId);
      if (message) {
        target = {
          requestId: message.requestId,
          title: message.title,
          text: message.body,
          hidden: message.hiddenAt !== null,
        };
      }
    }
    return {
      id: row.id,
      municipalityCode: row.municipalityCode,
      targetType: row.targetType,
      targetId: row.targetId,
      reason: row.reason,
      status: row.status,
      createdAt: row.createdAt.toISOString(),
      resolvedAt: row.resolvedAt ? row.resolvedAt.toISOString() : null,
      resolutionNote: row.resolutionNote,
      target,
    };
  });
}

/**
 * Anyone signed in reports a request or a message they can see, with a reason; it lands in the
 * queue of the municipality the item belongs to. One open flag per person and item.
 */
export async function flagContent(actor: Actor, access: Access, body: FlagBody): Promise<FlagView> {
  if (!can(actor, 'flag.create')) throw new DomainError('FORBIDDEN', 'Sign in to report something.');
  return access.withAccess(async (tx) => {
    const repo = flagRepository(tx);
    const municipalityCode =
      body.targetType === 'request'
        ? (await requestRepository(tx).find(body.targetId))?.municipalityCode
        : (await messageRepository(tx).find(body.targetId))?.municipalityCode;
    if (!municipalityCode) {
      throw new DomainError('NOT_FOUND', 'Nothing to report there.', [{ field: 'targetId', code: 'NOT_FOUND' }]);
    }
    const alreadyFlagged = () =>
      new DomainError('ALREADY_FLAGGED', 'You already reported this; staff will look at it.');
    if (await repo.findOpenByReporter(actor.userId, body.targetType, body.targetId)) throw alreadyFlagged();
    const id = await repo
      .insert({
        municipalityCode,
        targetType: body.targetType,
        targetId: body.targetId,
        reporterId: actor.userId,
        reason: body.reason,
      })
      .catch((err: unknown) => {
        // a double submit that passed the check above at the same moment (flags_one_open_per_reporter_idx)
        throw isUniqueViolation(err) ? alreadyFlagged() : err;
      });
    const [view] = await views(tx, [(await repo.find(id))!]);
    return view!;
  });
}

/** The flag queue of the municipalities the actor is staff of (or one of them; the foundation: all), open first, oldest first. */
export async function listFlags(
  actor: Actor,
  access: Access,
  query: { municipalityCode?: string | undefined; status?: FlagStatus | undefined },
): Promise<FlagList> {
  const scope = municipalityScope(actor, 'flag.list', query.municipalityCode);
  if (!scope) throw new DomainError('FORBIDDEN', 'You may not see these flags.');
  return access.withAccess(async (tx) => {
    const { rows, openCount } = await flagRepository(tx).list({
      municipalityCodes: scope === 'any' ? undefined : scope,
      status: query.status,
    });
    return { items: await views(tx, rows), openCount };
  });
}

/**
 * The municipality's staff decide: hide the item (a request leaves the board, a message shows as
 * "hidden by staff"; other open flags on it are settled too) or dismiss the flag. Audited as
 * `flag.hide` / `flag.dismiss`.
 */
export async function resolveFlag(
  actor: Actor,
  access: Access,
  id: string,
  body: { decision: 'hide' | 'dismiss'; note?: string | undefined },
): Promise<FlagView> {
  return access.withAccess(async (tx) => {
    const repo = flagRepository(tx);
    const flag = await repo.find(id);
    if (!flag) throw new DomainError('NOT_FOUND', 'No such flag.');
    if (!can(actor, 'flag.resolve', { municipalityCode: flag.municipalityCode })) {
      throw new DomainError('FORBIDDEN', "Only the municipality's staff decide on flags.");
    }
    const note = body.note || null;
    const status = body.decision === 'hide' ? 'hidden' : 'dismissed';
    if (!(await repo.resolve(flag.id, status, actor.userId, note))) {
      throw new DomainError('FLAG_NOT_OPEN', 'This flag was already decided.');
    }
    let alsoSettled: string[] = [];
    if (body.decision === 'hide') {
      if (flag.targetType === 'request') await requestRepository(tx).hide(flag.targetId);
      else await repo.hideMessage(flag.targetId);
      alsoSettled = await repo.resolveOthersOnTarget(flag, actor.userId, note);
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      action: body.decision === 'hide' ? 'flag.hide' : 'flag.dismiss',
      municipalityCode: flag.municipalityCode,
      subjectType: 'flag',
      subjectId: flag.id,
      details: { targetType: flag.targetType, targetId: flag.targetId, note, alsoSettled },
    });
    const [view] = await views(tx, [(await repo.find(flag.id))!]);
    return view!;
  });
}
