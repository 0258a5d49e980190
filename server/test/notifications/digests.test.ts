import { schema } from '@board/db';
import { CronExpressionParser } from 'cron-parser';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { reminderSchedule } from '../../src/modules/calendar/reminders.ts';
import {
  digestSchedule,
  digestTick,
  reviewOverdueSchedule,
  sendDigests,
} from '../../src/modules/notifications/digests.ts';
import {
  applied,
  createVolunteer,
  forgetMail,
  insertRequest,
  mailSent,
  mailsTo,
  newHand,
  officers,
  put,
  useApiApp,
  useDemoPeople,
  userIdOf,
} from '../kit/index.ts';

/**
 * Digests group a person's waiting news of a kind into one mail and never repeat within a
 * period: the daily ones, the weekly ones through the daily tick the job queue runs, and the
 * schedules themselves, their cron read in their time zone the way pg-boss reads it
 * (cron-parser), as Tokyo wall time.
 */

const t = useApiApp();
const { umeda } = useDemoPeople(t);

/** The 梅田 officer chooses `mode` for raised hands; two hands come and wait (no mail yet). Returns the requests. */
async function handsWaiting(mode: 'daily' | 'weekly') {
  await put(t, umeda, '/api/me/notification-preferences', { preferences: [{ kind: 'handRaised', mode }] });
  const requests = [await insertRequest(t, { association: 'umeda' }), await insertRequest(t, { association: 'umeda' })];
  forgetMail(t);
  for (const request of requests) await applied(t, (await createVolunteer(t)).headers, request.id);
  await mailSent(t);
  expect(mailsTo(t, officers.umeda)).toEqual([]);
  return requests;
}

/** The officer got exactly one mail: a digest naming these requests, with a one-click unsubscribe. */
async function expectOneDigestOf(requests: { title: string }[]) {
  await mailSent(t);
  const digests = mailsTo(t, officers.umeda);
  expect(digests).toHaveLength(1);
  for (const { title } of requests) expect(digests[0]!.text).toContain(title);
  expect(digests[0]!.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
}

/** One more hand on a new request of the officer's. */
async function oneMoreHand() {
  await newHand(t, { association: 'umeda' });
}

/** The digest periods recorded for the officer. */
async function periodsSent(): Promise<string[]> {
  const rows = await t.database.handle.db
    .select({ period: schema.notificationDigests.period })
    .from(schema.notificationDigests)
    .where(eq(schema.notificationDigests.userId, await userIdOf(t, officers.umeda)));
  return rows.map((r) => r.period);
}

/** The next `count` ticks of a schedule after `from`, as pg-boss's cron pass computes them. */
function ticks(schedule: { cron: string; tz: string }, from: Date, count: number): Date[] {
  const cron = CronExpressionParser.parse(schedule.cron, { tz: schedule.tz, currentDate: from });
  return Array.from({ length: count }, () => cron.next().toDate());
}

/** Tokyo wall time of an instant: weekday (Mon…), hour and minute. */
function inTokyo(at: Date) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'Asia/Tokyo',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return { weekday: part('weekday'), hour: Number(part('hour')), minute: Number(part('minute')) };
}

describe('schedules, read in Tokyo time', () => {
  const from = new Date('2026-12-06T12:00:00Z'); // Sunday 21:00 in Tokyo

  it('the digest tick runs every day at 07:00 in Tokyo, the first of them a Monday morning (Sunday in UTC)', () => {
    const next = ticks(digestSchedule, from, 7);
    expect(next.map((at) => inTokyo(at))).toEqual(
      ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].map((weekday) => ({ weekday, hour: 7, minute: 0 })),
    );
    expect(next[0]!.toISOString()).toBe('2026-12-06T22:00:00.000Z');
  });

  it('the review check runs an hour before the digests, so its news goes into the same morning', () => {
    const [check] = ticks(reviewOverdueSchedule, from, 1);
    const [digest] = ticks(digestSchedule, from, 1);
    expect(digest!.getTime() - check!.getTime()).toBe(3_600_000);
  });

  it('reminders run hourly from 09:00 to 20:00 in Tokyo, never at night', () => {
    const day = ticks(reminderSchedule, from, 12);
    expect(day.map((at) => inTokyo(at).hour)).toEqual([9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect(inTokyo(ticks(reminderSchedule, day[11]!, 1)[0]!)).toMatchObject({ weekday: 'Tue', hour: 9 });
  });
});

describe('the daily digest', () => {
  it('groups a day’s news of a kind into one mail, and never sends a second one in the period', async () => {
    const requests = await handsWaiting('daily');
    // the next 07:00 tick in Tokyo, as the queue runs it: never the wall clock, whose "two minutes
    // later" may be the next Tokyo day
    const [morning] = ticks(digestSchedule, new Date(), 1) as [Date];
    expect(await sendDigests(t.app, 'daily', morning)).toBeGreaterThanOrEqual(1);
    await expectOneDigestOf(requests);

    // more news the same day waits; a rerun of the period sends nothing
    await oneMoreHand();
    await sendDigests(t.app, 'daily', new Date(morning.getTime() + 120_000));
    await mailSent(t);
    expect(mailsTo(t, officers.umeda)).toHaveLength(1);
    // the next day's digest takes it
    await sendDigests(t.app, 'daily', new Date(morning.getTime() + 86_400_000));
    await mailSent(t);
    expect(mailsTo(t, officers.umeda)).toHaveLength(2);
    expect((await periodsSent()).filter((p) => p.startsWith('daily:'))).toHaveLength(2);
  });
});

describe('the weekly digest', () => {
  it('goes on the Monday tick only, groups the week’s news of a kind into one mail, and never repeats that week', async () => {
    const requests = await handsWaiting('weekly');
    const [monday] = ticks({ cron: '0 7 * * 1', tz: 'Asia/Tokyo' }, new Date(), 1);
    // the daily ticks of the week leave weekly news waiting
    await digestTick(t.app, new Date(monday!.getTime() - 86_400_000));
    await mailSent(t);
    expect(mailsTo(t, officers.umeda)).toEqual([]);

    await digestTick(t.app, monday);
    await expectOneDigestOf(requests);

    // news later that week waits; a second Monday tick (a retry) sends nothing more
    await oneMoreHand();
    await digestTick(t.app, new Date(monday!.getTime() + 3_600_000));
    await mailSent(t);
    expect(mailsTo(t, officers.umeda)).toHaveLength(1);
    // the next Monday's digest takes it
    await digestTick(t.app, new Date(monday!.getTime() + 7 * 86_400_000));
    await mailSent(t);
    expect(mailsTo(t, officers.umeda)).toHaveLength(2);

    const mondayDay = new Date(monday!.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
    const weekly = (await periodsSent()).filter((p) => p.startsWith('weekly:'));
    expect(weekly).toContain(`weekly:${mondayDay}`);
    expect(weekly).toHaveLength(2);
  });
});
