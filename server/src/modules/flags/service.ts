import type { Database } from '@board/db';
import {
  DomainError,
  municipalityScope,
  type FlagBody,
  type FlagList,
  type FlagStatus,
  type FlagView,
} from '@board/shared';
import { requestRepository } from '../help-requests/repository.ts';
import { recordAudit } from '../audit/record.ts';
import { announceFlag } from '../notifications/announcements.ts';
import { isUniqueViolation } from '../../database/unique-violation.ts';
import { messageRepository } from '../messages/repository.ts';
import { flaggedExcerptLength, flagRepository, type FlagRow } from './repository.ts';
import type { SignedInContext } from '../../services/context.ts';
import { authorize } from '../../services/authorize.ts';
import { iso } from '../../services/iso.ts';

async function views(tx: Database, rows: FlagRow[]): Promise<FlagView[]> {
  const repo = flagRepository(tx);
  const requests = await repo.requestTargets(rows.filter((r) => r.targetType === 'request').map((r) => r.targetId));
  const messages = await repo.messageTargets(rows.filter((r) => r.targetType === 'message').map((r) => r.targetId));
  return rows.map((row) => {
    let target: FlagView['target'] = { requestId: null, title: null, text: null, hidden: false };
    if (row.targetType === 'request') {
      const request = requests.find((r) => r.id === row.targetId);
      if (request) {
        const text =
          [...request.body].length > flaggedExcerptLength
            ? `${[...request.body].slice(0, flaggedExcerptLength).join('')}…`
            : request.body;
        target = { requestId: request.id, title: request.title, text, hidden: request.hiddenAt !== null };
      }
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
      resolvedAt: iso(row.resolvedAt),
      resolutionNote: row.resolutionNote,
      target,
    };
  });
}

/**
 * Anyone signed in reports a request or a message they can see, with a reason; it lands in the
 * queue of the municipality the item belongs to. One open flag per person and item.
 */
export async function flagContent(ctx: SignedInContext, body: FlagBody): Promise<FlagView> {
  const { actor } = ctx;
  authorize(actor, 'flag.create', 'Sign in to report something.');
  return ctx.door.asActor(actor, async (tx) => {
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
    await announceFlag(ctx, tx, { municipalityCode, targetType: body.targetType });
    const [view] = await views(tx, [(await repo.find(id))!]);
    return view!;
  });
}

/** The flag queue of the municipalities the actor is staff of (or one of them; the foundation: all), open first, oldest first. */
export async function listFlags(
  ctx: SignedInContext,
  query: { municipalityCode?: string | undefined; status?: FlagStatus | undefined },
): Promise<FlagList> {
  const { actor } = ctx;
  const scope = municipalityScope(actor, 'flag.list', query.municipalityCode);
  if (!scope) throw new DomainError('FORBIDDEN', 'You may not see these flags.');
  return ctx.door.asActor(actor, async (tx) => {
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
  ctx: SignedInContext,
  id: string,
  body: { decision: 'hide' | 'dismiss'; note?: string | undefined },
): Promise<FlagView> {
  const { actor } = ctx;
  return ctx.door.asActor(actor, async (tx) => {
    const repo = flagRepository(tx);
    const flag = await repo.find(id);
    if (!flag) throw new DomainError('NOT_FOUND', 'No such flag.');
    authorize(actor, 'flag.resolve', "Only the municipality's staff decide on flags.", {
      municipalityCode: flag.municipalityCode,
    });
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
