import { tokyoDayOf, tokyoDayStart } from '@board/shared';
import { describe, expect, it } from 'vitest';
import { sendNoHandsReminders, sendWorkReminders } from '../../src/modules/calendar/reminders.ts';
import {
  allMailTo,
  apply,
  as,
  createVolunteer,
  forgetMail,
  get,
  insertRequest,
  matched,
  officers,
} from '../kit/index.ts';
import { useApiApp } from '../kit/app.ts';
import { rowsOf } from '../notifications/scene.ts';
import { eventsIn } from './ics.ts';

/**
 * The scheduled mails (issue 11), called as the queue's jobs call them: the day before matched
 * work with a date both sides hear of it, once; officers of a request with no hand for 3 days
 * hear of it once, with tips and the suggested volunteers.
 */
const t = useApiApp();

const day = 86_400_000;
const hour = 3_600_000;
const now = new Date();
/** 10:00 Tokyo time, `days` Tokyo days from today */
const tokyoTen = (days: number) => new Date(tokyoDayStart(tokyoDayOf(now), days).getTime() + 10 * hour);
/**
 * The sweeps run at fixed Tokyo hours inside `reminderSchedule` (9:00-20:00), as the queue runs
 * them, never at the test's wall clock: a sweep "an hour later" at 23:30 would fall on the next
 * Tokyo day and see other work as tomorrow's.
 */
const sweep = tokyoTen(0);

const withTitle = (title: string) => (mail: { subject: string }) => mail.subject.includes(title);

describe('the day-before reminder', () => {
  it('tells the volunteer and the officers of tomorrow’s work once, with the calendar file', async () => {
    const tomorrow = await insertRequest(t, { startsAt: tokyoTen(1), exactPlace: '千住一丁目集会所' });
    const later = await insertRequest(t, { startsAt: tokyoTen(2) });
    const today = await insertRequest(t, { startsAt: new Date(sweep.getTime() + 5 * hour) });
    const allDayTomorrow = await insertRequest(t, { whenKind: 'day', startsAt: tokyoDayStart(tokyoDayOf(now), 1) });
    const volunteer = await createVolunteer(t, { language: 'en', displayName: 'Sam Lee' });
    const laterVolunteer = await createVolunteer(t);
    const todayVolunteer = await createVolunteer(t);
    const allDayVolunteer = await createVolunteer(t, { language: 'ja-easy' });
    const id = await matched(t, volunteer, tomorrow.id, officers.senju);
    await matched(t, laterVolunteer, later.id, officers.senju);
    await matched(t, todayVolunteer, today.id, officers.senju);
    await matched(t, allDayVolunteer, allDayTomorrow.id, officers.senju);
    await allMailTo(t, volunteer.email);
    forgetMail(t);

    expect(await sendWorkReminders(t.app, sweep)).toBeGreaterThanOrEqual(2);

    const [toVolunteer, ...moreToVolunteer] = await allMailTo(t, volunteer.email);
    expect(moreToVolunteer).toEqual([]);
    expect(toVolunteer!.subject).toMatch(/Tomorrow you help with/);
    expect(toVolunteer!.text).toContain('千住一丁目集会所');
    expect(toVolunteer!.text).toContain(`/matches/${id}`);
    const [event] = eventsIn(toVolunteer!.attachments![0]!.content);
    expect(event!.uid).toBe(`match-${id}@machi-udekiki`);
    expect(event!.start.toISOString()).toBe(tokyoTen(1).toISOString());

    const toOfficer = (await allMailTo(t, officers.senju)).filter(withTitle(tomorrow.title));
    expect(toOfficer).toHaveLength(1);
    expect(toOfficer[0]!.subject).toMatch(/明日/);
    expect(toOfficer[0]!.text).toContain('Sam Lee');
    expect(eventsIn(toOfficer[0]!.attachments![0]!.content)[0]!.uid).toBe(`request-${tomorrow.id}@machi-udekiki`);

    const [allDay] = await allMailTo(t, allDayVolunteer.email);
    expect(allDay!.subject).toMatch(/あしたは/);
    expect(eventsIn(allDay!.attachments![0]!.content)[0]!.allDay).toBe(true);

    expect(await allMailTo(t, laterVolunteer.email)).toEqual([]);
    expect(await allMailTo(t, todayVolunteer.email)).toEqual([]);
    // through the notification centre: in-app for both sides, and the mail can be unsubscribed from
    expect((await rowsOf(t, volunteer.email, 'workTomorrow')).map((n) => n.applicationId)).toEqual([id]);
    expect((await rowsOf(t, officers.senju, 'workTomorrow')).filter((n) => n.requestId === tomorrow.id)).toHaveLength(
      1,
    );
    expect(await rowsOf(t, laterVolunteer.email, 'workTomorrow')).toEqual([]);
    expect(toVolunteer!.headers?.['List-Unsubscribe']).toMatch(/unsubscribe/);

    // the next sweep (the hourly schedule) tells nobody again
    expect(await sendWorkReminders(t.app, new Date(sweep.getTime() + hour))).toBe(0);
    expect(await allMailTo(t, volunteer.email)).toHaveLength(1);
    // and a day later tomorrow's work of then is told
    expect(await sendWorkReminders(t.app, new Date(sweep.getTime() + day))).toBeGreaterThanOrEqual(1);
    expect(await allMailTo(t, laterVolunteer.email)).toHaveLength(1);
  });
});

describe('the officers’ day-before reminder', () => {
  it('is one per request, naming every volunteer who comes, however many are matched', async () => {
    const busy = await insertRequest(t, { slots: 3, startsAt: tokyoTen(1), association: 'umeda' });
    const names = ['三人目 一', '三人目 二', '三人目 三'];
    for (const displayName of names)
      await matched(t, await createVolunteer(t, { displayName }), busy.id, officers.umeda);
    forgetMail(t);

    expect(await sendWorkReminders(t.app, sweep)).toBeGreaterThanOrEqual(3);
    const told = (await allMailTo(t, officers.umeda)).filter(withTitle(busy.title));
    expect(told).toHaveLength(1);
    for (const name of names) expect(told[0]!.text).toContain(`${name} さん`);
    expect(told[0]!.text).toMatch(/三人目 . さん、三人目 . さん、三人目 . さんが来ます/);
    expect(eventsIn(told[0]!.attachments![0]!.content)).toHaveLength(1);
    const inApp = (await rowsOf(t, officers.umeda, 'workTomorrow')).filter((n) => n.requestId === busy.id);
    expect(inApp).toHaveLength(1);
    // a later sweep tells the officers nothing more
    await sendWorkReminders(t.app, new Date(sweep.getTime() + hour));
    expect((await allMailTo(t, officers.umeda)).filter(withTitle(busy.title))).toHaveLength(1);
  });
});

describe('no hands after 3 days', () => {
  it('tells the officers once, with tips and the suggested volunteers; not before 3 days, not with a hand', async () => {
    // a volunteer of the ward who agreed to be suggested
    await createVolunteer(t, { profile: { municipalityCodes: ['13121'], suggestable: true } });
    const quiet = await insertRequest(t, { association: 'umeda', publishedAt: new Date(now.getTime() - 4 * day) });
    const young = await insertRequest(t, { association: 'umeda', publishedAt: new Date(now.getTime() - 2 * day) });
    const withHand = await insertRequest(t, { association: 'umeda', publishedAt: new Date(now.getTime() - 4 * day) });
    await apply(t, (await createVolunteer(t)).headers, withHand.id);
    forgetMail(t);

    expect(await sendNoHandsReminders(t.app, now)).toBeGreaterThanOrEqual(1);
    const mails = await allMailTo(t, officers.umeda);
    const told = mails.filter(withTitle(quiet.title));
    expect(told).toHaveLength(1);
    expect(told[0]!.subject).toMatch(/まだ手が挙がっていません/);
    expect(told[0]!.text).toContain('こつ');
    expect(told[0]!.text).toContain(`/association/requests/${quiet.id}`);
    // the same volunteers the officer sees suggested on the request's page (the first five)
    const seen = await get(t, await as(t, officers.umeda), `/api/requests/${quiet.id}/suggested-volunteers?limit=5`);
    const names = (seen.json() as { items: { displayName: string }[] }).items.map((v) => v.displayName);
    expect(names.length, seen.body).toBeGreaterThan(0);
    for (const name of names) expect(told[0]!.text).toContain(name);
    expect(mails.filter(withTitle(young.title))).toEqual([]);
    expect(mails.filter(withTitle(withHand.title))).toEqual([]);
    const inApp = await rowsOf(t, officers.umeda, 'noHands');
    expect(inApp.filter((n) => n.requestId === quiet.id)).toHaveLength(1);
    expect(inApp.filter((n) => n.requestId === young.id || n.requestId === withHand.id)).toEqual([]);

    expect(await sendNoHandsReminders(t.app, new Date(now.getTime() + day))).toBeGreaterThanOrEqual(0);
    const later = await allMailTo(t, officers.umeda);
    expect(later.filter(withTitle(quiet.title))).toHaveLength(1);
    // two days on, the young one has waited 4 days: told now, once
    expect(later.filter(withTitle(young.title))).toHaveLength(1);
  });
});
