import { CalendarFeedView, tokyoDayOf, tokyoDayStart } from '@board/shared';
import { describe, expect, it } from 'vitest';
import {
  answer,
  createVolunteer,
  del,
  errorCode,
  filledRequest,
  get,
  insertRequest,
  matched,
  officers,
  post,
  useApiApp,
  useDemoPeople,
} from '../kit/index.ts';
import { eventsIn } from './ics.ts';

/**
 * The private calendar feed (getMyCalendarFeed, issue 11): an address with a secret token, no
 * sign-in, listing the person's matched work; made, replaced and stopped from /me.
 */
const t = useApiApp();
const { senju, umeda } = useDemoPeople(t);

const inDaysAt10 = (days: number) => new Date(tokyoDayStart(tokyoDayOf(new Date()), days).getTime() + 10 * 3_600_000);

async function newFeed(headers: Record<string, string>) {
  const view = answer(await post(t, headers, '/api/me/calendar-feed', {}), 200, CalendarFeedView);
  expect(view.active).toBe(true);
  return view.url!;
}

/** the feed as a calendar app reads it: no sign-in, the address alone */
const readFeed = (url: string) => get(t, {}, url.slice(new URL(url).origin.length));

describe('the calendar feed', () => {
  it("lists the volunteer's own matches with a date, and nobody else's", async () => {
    const volunteer = await createVolunteer(t);
    const other = await createVolunteer(t);
    const mine = await insertRequest(t, { startsAt: inDaysAt10(3) });
    const theirs = await insertRequest(t, { startsAt: inDaysAt10(4) });
    const undated = await insertRequest(t);
    const pendingOnly = await insertRequest(t, { startsAt: inDaysAt10(5) });
    const id = await matched(t, volunteer, mine.id, officers.senju);
    await matched(t, other, theirs.id, officers.senju);
    await matched(t, volunteer, undated.id, officers.senju);
    await post(t, volunteer.headers, `/api/requests/${pendingOnly.id}/applications`, { message: 'はい' });

    const url = await newFeed(volunteer.headers);
    expect(url).toMatch(/^http.*\/api\/calendar-feed\?token=[\w-]{43}$/);
    const res = await readFeed(url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    const events = eventsIn(res.body);
    expect(events.map((e) => [e.uid, e.summary])).toEqual([[`match-${id}@machi-udekiki`, mine.title]]);
  });

  it("lists an officer's association's matched requests, not another association's", async () => {
    const { request: ours } = await filledRequest(t, [{}, {}], { startsAt: inDaysAt10(6) });
    const unmatched = await insertRequest(t, { startsAt: inDaysAt10(6) });
    const elsewhere = await insertRequest(t, { association: 'umeda', startsAt: inDaysAt10(6) });
    await matched(t, await createVolunteer(t), elsewhere.id, officers.umeda);

    const events = eventsIn((await readFeed(await newFeed(senju))).body);
    const uids = events.map((e) => e.uid);
    expect(uids).toContain(`request-${ours.id}@machi-udekiki`);
    expect(uids.filter((u) => u === `request-${ours.id}@machi-udekiki`)).toHaveLength(1);
    expect(uids).not.toContain(`request-${unmatched.id}@machi-udekiki`);
    expect(uids).not.toContain(`request-${elsewhere.id}@machi-udekiki`);
    expect(eventsIn((await readFeed(await newFeed(umeda))).body).map((e) => e.uid)).toEqual([
      `request-${elsewhere.id}@machi-udekiki`,
    ]);
  });

  it('stops after revoke; a new address replaces the old one at once', async () => {
    const volunteer = await createVolunteer(t);
    const first = await newFeed(volunteer.headers);
    const second = await newFeed(volunteer.headers);
    expect(second).not.toBe(first);
    expect((await readFeed(first)).statusCode).toBe(404);
    expect((await readFeed(second)).statusCode).toBe(200);

    const settings = answer(await get(t, volunteer.headers, '/api/me/calendar-feed'), 200, CalendarFeedView);
    expect(settings).toMatchObject({ active: true, url: null });

    const revoked = answer(await del(t, volunteer.headers, '/api/me/calendar-feed', {}), 200, CalendarFeedView);
    expect(revoked.active).toBe(false);
    expect((await readFeed(second)).statusCode).toBe(404);
    expect(answer(await get(t, volunteer.headers, '/api/me/calendar-feed'), 200, CalendarFeedView).active).toBe(false);
  });

  it('keeps only a hash of the token, and refuses a malformed or unknown one', async () => {
    const volunteer = await createVolunteer(t);
    const url = await newFeed(volunteer.headers);
    const token = new URL(url).searchParams.get('token')!;
    const rows = await t.database.handle.db.execute(`select token_hash from calendar_feeds`);
    expect(JSON.stringify(rows)).not.toContain(token);

    const unknown = await readFeed(url.replace(/token=.{5}/, 'token=AAAAA'));
    expect(errorCode(unknown)).toBe('NOT_FOUND');
    const malformed = await get(t, {}, '/api/calendar-feed?token=short');
    expect(malformed.statusCode).toBe(400);
  });

  it('is managed by a signed-in person only', async () => {
    for (const method of ['GET', 'POST', 'DELETE'] as const) {
      const res = await t.app.inject({ method, url: '/api/me/calendar-feed', headers: { 'x-board-csrf': '1' } });
      expect(res.statusCode).toBe(401);
    }
  });
});
