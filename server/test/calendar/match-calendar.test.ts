import { tokyoDayOf, tokyoDayStart } from '@board/shared';
import { describe, expect, it } from 'vitest';
import {
  applied,
  as,
  createVolunteer,
  demoEmails,
  errorCode,
  get,
  insertRequest,
  mailTo,
  matched,
  newMatch,
  officers,
  useApiApp,
  useDemoPeople,
} from '../kit/index.ts';
import { eventsIn } from './ics.ts';

/**
 * A match's calendar file (getMatchCalendar, issue 11): attached to the acceptance mail and
 * downloadable from the match page by its two sides only, read back with ical.js.
 */
const t = useApiApp();
const { senju, umeda, staffAdachi, staffShinjuku } = useDemoPeople(t);

const hour = 3_600_000;
/** 10:00 Tokyo time, `days` days from now */
const tokyoTen = (days: number) => new Date(tokyoDayStart(tokyoDayOf(new Date()), days).getTime() + 10 * hour);

const datedMatch = (values: Parameters<typeof insertRequest>[1] = {}) =>
  newMatch(t, { startsAt: tokyoTen(5), exactPlace: '千住一丁目集会所', ...values });

const calendarOf = (headers: Record<string, string>, id: string) => get(t, headers, `/api/applications/${id}/calendar`);

describe('the acceptance mail', () => {
  it('carries the match as a calendar file: start in Tokyo time, the title, a stable UID', async () => {
    const { request, volunteer, id } = await datedMatch();
    const mail = await mailTo(t, volunteer.email);
    expect(mail.attachments).toHaveLength(1);
    const [file] = mail.attachments!;
    expect(file!.filename).toMatch(/\.ics$/);
    expect(file!.contentType).toMatch(/^text\/calendar/);
    const [event, ...more] = eventsIn(file!.content);
    expect(more).toEqual([]);
    expect(event!.uid).toBe(`match-${id}@machi-udekiki`);
    expect(event!.summary).toBe(request.title);
    expect(event!.start.toISOString()).toBe(tokyoTen(5).toISOString());
    expect(event!.end.getTime() - event!.start.getTime()).toBe(hour);
    expect(event!.location).toBe('千住一丁目集会所');
  });

  it('has no file when the work has no date', async () => {
    const { volunteer } = await newMatch(t);
    expect((await mailTo(t, volunteer.email)).attachments ?? []).toEqual([]);
  });
});

describe('getMatchCalendar', () => {
  it('gives the volunteer their match and the officer the request, as text/calendar', async () => {
    const { request, volunteer, id } = await datedMatch({ whenKind: 'range', endsAt: tokyoTen(5 + 1 / 12) });
    const asVolunteer = await calendarOf(volunteer.headers, id);
    expect(asVolunteer.statusCode, asVolunteer.body).toBe(200);
    expect(asVolunteer.headers['content-type']).toMatch(/^text\/calendar/);
    expect(asVolunteer.headers['content-disposition']).toMatch(/attachment; filename=".+\.ics"/);
    const [mine] = eventsIn(asVolunteer.body);
    expect(mine!.uid).toBe(`match-${id}@machi-udekiki`);
    expect(mine!.end.toISOString()).toBe(tokyoTen(5 + 1 / 12).toISOString());

    const asOfficer = await calendarOf(senju, id);
    expect(asOfficer.statusCode).toBe(200);
    const [theirs] = eventsIn(asOfficer.body);
    expect(theirs!.uid).toBe(`request-${request.id}@machi-udekiki`);
    expect(theirs!.summary).toBe(request.title);
  });

  it('writes a day whose time is not fixed as an all-day event on that Tokyo day', async () => {
    const day = tokyoDayOf(tokyoTen(6));
    const { volunteer, id } = await datedMatch({ whenKind: 'day', startsAt: tokyoDayStart(day) });
    const [event] = eventsIn((await calendarOf(volunteer.headers, id)).body);
    expect(event!.allDay).toBe(true);
    expect(event!.startText).toBe(day);
  });

  it('is for the two sides only: staff 403, everyone else 404 as if it did not exist', async () => {
    const { id } = await datedMatch();
    const stranger = await createVolunteer(t);
    expect(errorCode(await calendarOf(staffAdachi, id))).toBe('FORBIDDEN');
    for (const headers of [stranger.headers, umeda, staffShinjuku, await as(t, demoEmails.officerOkubo)]) {
      const res = await calendarOf(headers, id);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toMatch(/BEGIN:VCALENDAR/);
    }
    const visitor = await get(t, {}, `/api/applications/${id}/calendar`);
    expect(visitor.statusCode).toBe(401);
  });

  it('answers 409 before a match and for work without a date', async () => {
    const request = await insertRequest(t, { startsAt: tokyoTen(5) });
    const volunteer = await createVolunteer(t);
    const pending = await applied(t, volunteer.headers, request.id);
    expect(errorCode(await calendarOf(volunteer.headers, pending))).toBe('NOT_MATCHED');

    const flexible = await insertRequest(t);
    const other = await createVolunteer(t);
    const id = await matched(t, other, flexible.id, officers.senju);
    expect(errorCode(await calendarOf(other.headers, id))).toBe('NO_WORK_DATE');
  });
});
