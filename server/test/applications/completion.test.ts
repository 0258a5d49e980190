import { schema, withAccess } from '@board/db';
import { ApplicationList, MyApplication, ThanksView, VolunteerPublicProfile } from '@board/shared';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { accessContextOf } from '../../src/database/door.ts';
import { useApiApp } from '../kit/app.ts';
import { applied, filledRequest, matched, newMatch } from '../kit/applications.ts';
import { answer, errorCode, get, post } from '../kit/http.ts';
import { mailsTo } from '../kit/mail.ts';
import { actorOf, as, createVolunteer, demoEmails, officers, userIdOf, useDemoPeople } from '../kit/people.ts';
import { insertRequest, requestRow } from '../kit/requests.ts';
import { rowCounts } from '../kit/rows.ts';

const t = useApiApp();
const { senju } = useDemoPeople(t);

const complete = (headers: Record<string, string>, id: string) => post(t, headers, `/api/applications/${id}/complete`);
const confirm = (headers: Record<string, string>, id: string) => post(t, headers, `/api/applications/${id}/confirm`);
const thank = (headers: Record<string, string>, id: string, payload: object) =>
  post(t, headers, `/api/applications/${id}/thanks`, payload);
const profile = async (id: string, headers: Record<string, string> = senju) => {
  const res = await get(t, headers, `/api/volunteers/${id}`);
  return answer(res, 200, VolunteerPublicProfile);
};

describe('finishing a match', () => {
  it('officer marks each match done, the volunteer confirms; the last confirmation completes the request', async () => {
    const { request, matches } = await filledRequest(t, [{ language: 'en' }, {}]);
    const [{ volunteer: a, id: idA }, { volunteer: b, id: idB }] = matches;
    expect((await requestRow(t, request.id)).status).toBe('filled');
    expect((await profile(a.id)).completedHelps).toBe(0);

    // the volunteer cannot confirm before the officer marked it done
    const early = await confirm(a.headers, idA);
    expect(early.statusCode).toBe(409);
    expect(errorCode(early)).toBe('NOT_COMPLETED');

    const done = await complete(senju, idA);
    expect(done.statusCode).toBe(200);
    expect(done.json().completedAt).not.toBeNull();
    expect(mailsTo(t, a.email)[0]!.subject).toContain('Please confirm');
    expect(errorCode(await complete(senju, idA))).toBe('ALREADY_COMPLETED');
    // a finished match is not withdrawn any more
    expect(errorCode(await post(t, a.headers, `/api/applications/${idA}/withdraw`))).toBe('ALREADY_COMPLETED');

    const confirmed = await confirm(a.headers, idA);
    expect(answer(confirmed, 200, MyApplication).confirmedAt).not.toBeNull();
    expect(errorCode(await confirm(a.headers, idA))).toBe('ALREADY_CONFIRMED');
    expect((await profile(a.id)).completedHelps).toBe(1);
    // one of two matches finished: the request is not complete yet
    expect((await requestRow(t, request.id)).status).toBe('filled');

    await complete(senju, idB);
    expect((await requestRow(t, request.id)).status).toBe('filled');
    await confirm(b.headers, idB);
    expect((await requestRow(t, request.id)).status).toBe('completed');
    expect((await profile(b.id)).completedHelps).toBe(1);

    // the applicant list shows the grown count too
    const list = ApplicationList.parse((await get(t, senju, `/api/requests/${request.id}/applications`)).json());
    expect(list.items.map((i) => i.applicant.completedHelps)).toEqual([1, 1]);
  });

  it('completes the request when the last two confirmations arrive at the same moment', async () => {
    const { request, matches } = await filledRequest(t, [{}, {}, {}]);
    for (const { id } of matches) await complete(senju, id);
    const answers = await Promise.all(matches.map(({ volunteer, id }) => confirm(volunteer.headers, id)));
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect((await requestRow(t, request.id)).status).toBe('completed');
  });

  it('refuses completion and confirmation by the wrong people and of what is not a match', async () => {
    const { request, volunteer, id } = await newMatch(t, { slots: 2 });
    const pending = await applied(t, (await createVolunteer(t)).headers, request.id);
    const before = await rowCounts(t);

    expect((await complete(volunteer.headers, id)).statusCode).toBe(403);
    expect((await complete(await as(t, demoEmails.staffAdachi), id)).statusCode).toBe(403);
    expect((await complete(await as(t, officers.umeda), id)).statusCode).toBe(404);
    expect((await complete(await as(t, officers.okubo), id)).statusCode).toBe(404);
    expect((await complete(await as(t, demoEmails.staffShinjuku), id)).statusCode).toBe(404);
    expect(errorCode(await complete(senju, pending))).toBe('NOT_MATCHED');

    await complete(senju, id);
    expect((await confirm(senju, id)).statusCode).toBe(403);
    expect((await confirm((await createVolunteer(t)).headers, id)).statusCode).toBe(404);
    expect((await confirm({}, id)).statusCode).toBe(401);
    const [row] = await t.database.handle.db.select().from(schema.applications).where(eq(schema.applications.id, id));
    expect(row!.confirmedAt).toBeNull();
    expect((await rowCounts(t)).applications).toBe(before.applications);
  });
});

describe('thanks and private ratings', () => {
  it('lets each side thank once, after the officer marked the match done', async () => {
    const { volunteer, id } = await newMatch(t);
    const tooEarly = await thank(senju, id, { note: 'ありがとう' });
    expect(tooEarly.statusCode).toBe(409);
    expect(errorCode(tooEarly)).toBe('NOT_COMPLETED');
    await complete(senju, id);

    const fromOfficer = await thank(senju, id, { note: '写真がとても良かったです！' });
    expect(answer(fromOfficer, 201, ThanksView)).toMatchObject({ toVolunteer: true, rated: false });
    const again = await thank(senju, id, { note: 'もう一度' });
    expect(again.statusCode).toBe(409);
    expect(errorCode(again)).toBe('ALREADY_THANKED');

    const fromVolunteer = await thank(volunteer.headers, id, { note: '楽しかったです' });
    expect(fromVolunteer.statusCode).toBe(201);
    expect(fromVolunteer.json().toVolunteer).toBe(false);

    const mine = (await get(t, volunteer.headers, '/api/me/applications')).json().items[0];
    expect(mine.thanks).toEqual({ toVolunteer: '写真がとても良かったです！', toAssociation: '楽しかったです' });

    for (const headers of [(await createVolunteer(t)).headers, await as(t, officers.umeda)]) {
      expect((await thank(headers, id, { note: '横から' })).statusCode).toBe(404);
    }
    expect((await thank(await as(t, demoEmails.staffAdachi), id, { note: '職員から' })).statusCode).toBe(403);
  });

  it("shows thanks on the volunteer's public profile only if they allow it", async () => {
    const shown = await createVolunteer(t, {
      profile: { interestCategories: ['photo_video'], showThanks: true },
      phone: '090-5555-0000',
    });
    const hidden = await createVolunteer(t, { profile: { interestCategories: ['photo_video'], showThanks: false } });
    for (const v of [shown, hidden]) {
      const request = await insertRequest(t);
      const id = await matched(t, v, request.id, officers.senju);
      await complete(senju, id);
      await confirm(v.headers, id);
      await thank(senju, id, { note: `ありがとう、${v.id.slice(0, 4)}さん` });
    }

    const open = await profile(shown.id, (await createVolunteer(t)).headers);
    expect(open).toMatchObject({
      completedHelps: 1,
      thanksReceived: 1,
      skills: [],
      interestCategories: ['photo_video'],
    });
    expect(open.thanks).toEqual([
      expect.objectContaining({ body: `ありがとう、${shown.id.slice(0, 4)}さん`, associationName: '千住一丁目町会' }),
    ]);
    const body = JSON.stringify(open);
    expect(body).not.toContain(shown.email);
    expect(body).not.toContain('090-5555-0000');

    const closed = await profile(hidden.id);
    expect(closed).toMatchObject({ completedHelps: 1, thanksReceived: null, thanks: null });
    expect(JSON.stringify(closed)).not.toContain('ありがとう');

    // the applicant view follows the same choice
    const request = await insertRequest(t, { slots: 2 });
    await applied(t, shown.headers, request.id);
    await applied(t, hidden.headers, request.id);
    const list = ApplicationList.parse((await get(t, senju, `/api/requests/${request.id}/applications`)).json());
    expect(list.items.map((i) => i.applicant.thanksReceived)).toEqual([1, null]);
  });

  it('answers 404 for people who are not volunteers, 401 for anonymous callers', async () => {
    expect((await get(t, senju, `/api/volunteers/${await userIdOf(t, demoEmails.staffAdachi)}`)).statusCode).toBe(404);
    expect((await get(t, senju, '/api/volunteers/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const volunteer = await createVolunteer(t);
    expect((await get(t, {}, `/api/volunteers/${volunteer.id}`)).statusCode).toBe(401);
  });

  it('keeps ratings for staff: the other side, the volunteer and the public never see them', async () => {
    const { request, volunteer, id } = await newMatch(t);
    await complete(senju, id);
    await confirm(volunteer.headers, id);
    const rated = await thank(senju, id, { note: 'ありがとう', rating: { score: 5, comment: 'RATING-BY-OFFICER' } });
    expect(rated.json().rated).toBe(true);
    await thank(volunteer.headers, id, { note: 'こちらこそ', rating: { score: 2, comment: 'RATING-BY-VOLUNTEER' } });

    // the municipality's staff and the foundation read both ratings
    for (const email of [demoEmails.staffAdachi, demoEmails.foundation]) {
      const list = ApplicationList.parse(
        (await get(t, await as(t, email), `/api/requests/${request.id}/applications`)).json(),
      );
      expect(list.items[0]!.ratings).toEqual([
        expect.objectContaining({ toVolunteer: true, score: 5, comment: 'RATING-BY-OFFICER' }),
        expect.objectContaining({ toVolunteer: false, score: 2, comment: 'RATING-BY-VOLUNTEER' }),
      ]);
    }

    // nobody else: not the officers, not the volunteer, not other municipalities, not the profile
    const officerList = await get(t, senju, `/api/requests/${request.id}/applications`);
    expect(officerList.json().items[0].ratings).toBeNull();
    const answers = [
      officerList,
      await get(t, volunteer.headers, '/api/me/applications'),
      await get(t, (await createVolunteer(t)).headers, `/api/volunteers/${volunteer.id}`),
      await get(t, await as(t, demoEmails.staffShinjuku), `/api/requests/${request.id}/applications`),
    ];
    for (const res of answers) expect(res.body).not.toMatch(/RATING-BY/);

    // and row-level security agrees, whatever a query would ask
    const readAs = async (email: string) => {
      const actor = await actorOf(t, await userIdOf(t, email));
      return withAccess(t.database.handle.db, accessContextOf(actor), (tx) => tx.select().from(schema.ratings));
    };
    expect(await readAs(officers.senju)).toEqual([]);
    expect(await readAs(demoEmails.staffShinjuku)).toEqual([]);
    const volunteerActor = {
      userId: volunteer.id,
      roles: [{ role: 'volunteer' as const, municipalityCode: null, associationId: null }],
    };
    expect(
      await withAccess(t.database.handle.db, accessContextOf(volunteerActor), (tx) => tx.select().from(schema.ratings)),
    ).toEqual([]);
    expect((await readAs(demoEmails.staffAdachi)).length).toBeGreaterThanOrEqual(2);
  });
});
