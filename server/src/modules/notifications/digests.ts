import { tokyoDayOf, type NotificationKind } from '@board/shared';
import type { FastifyInstance } from 'fastify';
import { publicLink, webPages } from '../../links/public-links.ts';
import { scheduleJob } from '../../jobs/scheduled.ts';
import { digestMail } from '../../mail/notification-mails.ts';
import { sendMail } from '../../mail/send-mail.ts';
import { systemContext } from '../../services/context.ts';
import { unsubscribeLinks } from './notify.ts';
import { notificationRepository } from './repository.ts';
import { checkReviewOverdue } from './review-overdue.ts';

export type Cadence = 'daily' | 'weekly';

/** The daily tick, 07:00 in Tokyo (cron on the job queue): the daily digests, and on Mondays the weekly ones too. */
export const digestSchedule = { cron: '0 7 * * *', tz: 'Asia/Tokyo' };

/** The review check, an hour before the digests, so its news goes into the same morning's digests. */
export const reviewOverdueSchedule = { cron: '0 6 * * *', tz: 'Asia/Tokyo' };

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

/** One tick of the digest job at `now`: the daily digests and, on a Tokyo Monday, the weekly ones. Returns how many. */
export async function digestTick(app: FastifyInstance, now = new Date()): Promise<number> {
  const daily = await sendDigests(app, 'daily', now);
  return daily + (isTokyoMonday(now) ? await sendDigests(app, 'weekly', now) : 0);
}

/** The daily ticks on the durable queue (digestSchedule, reviewOverdueSchedule; jobs/scheduled.ts). */
export function scheduleDigests(app: FastifyInstance): void {
  scheduleJob(app, 'mail-digests', digestSchedule, () => digestTick(app));
  scheduleJob(app, 'review-overdue', reviewOverdueSchedule, () => checkReviewOverdue(app));
}
