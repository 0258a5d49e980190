import { tokyoDayOf, type NotificationKind } from '@board/shared';
import type { FastifyInstance } from 'fastify';
import { publicLink, webPages } from '../../links/public-links.ts';
import { digestMail } from '../../mail/notification-mails.ts';
import { sendMail } from '../../mail/send-mail.ts';
import { systemContext } from '../../services/context.ts';
import { unsubscribeLinks } from './notify.ts';
import { notificationRepository } from './repository.ts';
import { checkReviewOverdue } from './review-overdue.ts';

export type Cadence = 'daily' | 'weekly';

/** 07:00 in Tokyo is 22:00 UTC the day before: the daily digests, and on Mondays the weekly ones too. */
export const digestSchedule = '0 22 * * *';

/** The period a digest sent at `now` belongs to: the Tokyo day, or the Monday that starts the Tokyo week. */
export function digestPeriod(cadence: Cadence, now: Date): string {
  const day = tokyoDayOf(now);
  if (cadence === 'daily') return `daily:${day}`;
  const date = new Date(`${day}T00:00:00Z`);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return `weekly:${new Date(date.getTime() - sinceMonday * 86_400_000).toISOString().slice(0, 10)}`;
}

/** Is `now` on a Monday in Tokyo (the weekly digests go then)? */
export function isTokyoMonday(now: Date): boolean {
  return new Date(`${tokyoDayOf(now)}T00:00:00Z`).getUTCDay() === 1;
}

/**
 * Sends the digests of one cadence: each person's waiting notifications of one kind in one mail
 * with their links. A digest is recorded per person, kind and period before its mail is queued
 * in the same transaction, so a second run in the period (a retry, two instances, a manual run)
 * sends nothing more; what arrives after it waits for the next period. Returns how many were sent.
 */
export async function sendDigests(app: FastifyInstance, cadence: Cadence, now = new Date()): Promise<number> {
  const ctx = systemContext(app);
  const period = digestPeriod(cadence, now);
  return ctx.door.asSystem('send notification digests', async (tx) => {
    const repo = notificationRepository(tx);
    const waiting = await repo.waitingForDigest(cadence, now);
    const groups = new Map<string, typeof waiting>();
    for (const row of waiting) {
      const key = `${row.recipientId} ${row.kind}`;
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    let sent = 0;
    for (const rows of groups.values()) {
      const first = rows[0]!;
      const kind: NotificationKind = first.kind;
      if (!(await repo.claimDigest(first.recipientId, kind, period))) continue;
      await repo.markMailed(
        rows.map((r) => r.id),
        now,
      );
      const to = [{ ...first, unsubscribe: unsubscribeLinks(app.config, first.recipientId, kind) }];
      const items = rows.map((r) => ({ text: r.params.requestTitle ?? '', link: publicLink(app.config, r.link) }));
      const vars = { kind, cadence, items, link: publicLink(app.config, webPages.notifications) };
      await sendMail(ctx, { template: digestMail, to, vars }, tx);
      sent++;
    }
    return sent;
  });
}

/**
 * The daily tick (07:00 Tokyo) on the durable queue: the review check, then the daily digests and,
 * on Mondays, the weekly ones. Not scheduled in tests, which call sendDigests directly.
 */
export function scheduleDigests(app: FastifyInstance): void {
  app.jobs.work('mail-digests', async () => {
    const now = new Date();
    await sendDigests(app, 'daily', now);
    if (isTokyoMonday(now)) await sendDigests(app, 'weekly', now);
  });
  app.jobs.work('review-overdue', async () => {
    await checkReviewOverdue(app);
  });
  if (app.config.env === 'test' || !app.config.jobWorkers) return;
  // the check first (an hour earlier), so its news goes into the same morning's digests
  app.jobs.schedule('review-overdue', '0 21 * * *');
  app.jobs.schedule('mail-digests', digestSchedule);
}
