import { schema } from '@board/db';
import { ApplicationList, MyApplication, MyApplicationList } from '@board/shared';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  applicationRow,
  applied,
  apply,
  as,
  auditEntries,
  createVolunteer,
  demoEmails,
  errorCode,
  get,
  insertRequest,
  mailsTo,
  matched,
  officers,
  post,
  requestRow,
  rowCounts,
  useApiApp,
  userIdOf,
} from '../kit/index.ts';

const t = useApiApp();
let senju: Record<string, string>;
beforeAll(async () => {
  senju = await as(t, officers.senju);
});

describe('applyToRequest', () => {
  it('lets a verified volunteer raise a hand with a message; the poster is told by mail', async () => {
    const request = await insertRequest(t);
    const volunteer = await createVolunteer(t, { displayName: '手を挙げる 太郎' });
    const res = await apply(t, volunteer.headers, request.id, '写真が得意です。\n週末なら行けます。');
    expect(res.statusCode).toBe(201);
    const body = MyApplication.parse(res.json());
    expect(body).toMatchObject({
      status: 'pending',
      message: '写真が得意です。\n週末なら行けます。',
      requestId: request.id,
      contacts: null,
      request: { id: request.id, title: request.title, exactPlace: null, associationName: '千住一丁目町会' },
    });
    const mail = mailsTo(t, officers.senju)[0]!;
    expect(mail.subject).toContain(request.title);
    expect(mail.text).toContain('手を挙げる 太郎さん');
    expect(mail.text).toContain(`/association/requests/${request.id}`);
  });

  it('refuses a volunteer whose email is not verified (403 EMAIL_NOT_VERIFIED), writing nothing', async () => {
    const request = await insertRequest(t);
    const volunteer = await createVolunteer(t, { verified: false });
    const before = await rowCounts(t);
    const res = await apply(t, volunteer.headers, request.id);
    expect(res.statusCode).toBe(403);
    expect(errorCode(res)).toBe('EMAIL_NOT_VERIFIED');
    expect(await rowCounts(t)).toEqual(before);
  });

  it('refuses people without the volunteer role, and anonymous callers', async () => {
    const request = await insertRequest(t);
    const staff = await apply(t, await as(t, demoEmails.staffAdachi), request.id);
    expect(staff.statusCode).toBe(403);
    expect(errorCode(staff)).toBe('FORBIDDEN');
    const anonymous = await apply(t, {}, request.id);
    expect(anonymous.statusCode).toBe(401);
  });

  it("refuses an officer raising a hand for their own association's request", async () => {
    // officer.okubo is also a volunteer
    const own = await insertRequest(t, { association: 'okubo' });
    const res = await apply(t, await as(t, officers.okubo), own.id);
    expect(res.statusCode).toBe(403);
    expect(errorCode(res)).toBe('OWN_ASSOCIATION_REQUEST');
    const elsewhere = await insertRequest(t, { association: 'senju' });
    expect((await apply(t, await as(t, officers.okubo), elsewhere.id)).statusCode).toBe(201);
  });

  it('answers 404 for requests a volunteer cannot see (drafts, in review, hidden by staff, unknown)', async () => {
    const volunteer = await createVolunteer(t);
    for (const status of ['draft', 'pending_review', 'changes_requested', 'rejected'] as const) {
      const request = await insertRequest(t, { status });
      expect((await apply(t, volunteer.headers, request.id)).statusCode, status).toBe(404);
    }
    const hidden = await insertRequest(t);
    await t.database.handle.db
      .update(schema.helpRequests)
      .set({ hiddenAt: new Date() })
      .where(eq(schema.helpRequests.id, hidden.id));
    expect((await apply(t, volunteer.headers, hidden.id)).statusCode).toBe(404);
    expect((await apply(t, volunteer.headers, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('refuses filled (409 REQUEST_FILLED), completed (409 REQUEST_NOT_OPEN) and past-deadline requests', async () => {
    const volunteer = await createVolunteer(t);
    const filled = await insertRequest(t, { status: 'filled', slots: 1, matchedCount: 1 });
    const res = await apply(t, volunteer.headers, filled.id);
    expect(res.statusCode).toBe(409);
    expect(errorCode(res)).toBe('REQUEST_FILLED');

    const completed = await insertRequest(t, { status: 'completed', slots: 1, matchedCount: 1 });
    expect(errorCode(await apply(t, volunteer.headers, completed.id))).toBe('REQUEST_NOT_OPEN');

    const late = await insertRequest(t, { applicationDeadline: new Date(Date.now() - 60_000) });
    const lateRes = await apply(t, volunteer.headers, late.id);
    expect(lateRes.statusCode).toBe(409);
    expect(errorCode(lateRes)).toBe('APPLICATION_DEADLINE_PASSED');

    const noDeadline = await insertRequest(t, { applicationDeadline: null });
    expect((await apply(t, volunteer.headers, noDeadline.id)).statusCode).toBe(201);
  });

  it('refuses requests of a municipality that was paused (409 REQUEST_NOT_OPEN)', async () => {
    const volunteer = await createVolunteer(t);
    const request = await insertRequest(t, { association: 'yotsuya' });
    const db = t.database.handle.db;
    await db.update(schema.municipalities).set({ status: 'paused' }).where(eq(schema.municipalities.code, '13104'));
    try {
      expect(errorCode(await apply(t, volunteer.headers, request.id))).toBe('REQUEST_NOT_OPEN');
    } finally {
      await db.update(schema.municipalities).set({ status: 'active' }).where(eq(schema.municipalities.code, '13104'));
    }
  });

  it('keeps one live application per request: again → 409 ALREADY_APPLIED; after withdrawing, a new one is fine', async () => {
    const request = await insertRequest(t);
    const volunteer = await createVolunteer(t);
    const first = await applied(t, volunteer.headers, request.id);
    const again = await apply(t, volunteer.headers, request.id);
    expect(again.statusCode).toBe(409);
    expect(errorCode(again)).toBe('ALREADY_APPLIED');
    expect((await post(t, volunteer.headers, `/api/applications/${first}/withdraw`)).statusCode).toBe(200);
    expect((await apply(t, volunteer.headers, request.id)).statusCode).toBe(201);
  });
});

describe('a declined hand', () => {
  it('cannot be raised again for the same request (409 APPLICATION_DECLINED, nothing written); other requests are fine', async () => {
    const request = await insertRequest(t);
    const volunteer = await createVolunteer(t);
    const id = await applied(t, volunteer.headers, request.id);
    expect((await post(t, senju, `/api/applications/${id}/decline`, { note: '今回は見送ります' })).statusCode).toBe(
      200,
    );
    const before = await t.database.handle.db.select().from(schema.applications);
    const again = await apply(t, volunteer.headers, request.id);
    expect(again.statusCode).toBe(409);
    expect(errorCode(again)).toBe('APPLICATION_DECLINED');
    expect(await t.database.handle.db.select().from(schema.applications)).toHaveLength(before.length);
    const other = await insertRequest(t);
    expect((await apply(t, volunteer.headers, other.id)).statusCode).toBe(201);
  });
});

describe('withdrawApplication', () => {
  it('withdraws a pending hand; only its volunteer may; twice is 409', async () => {
    const request = await insertRequest(t);
    const volunteer = await createVolunteer(t);
    const id = await applied(t, volunteer.headers, request.id);

    const other = await createVolunteer(t);
    expect((await post(t, other.headers, `/api/applications/${id}/withdraw`)).statusCode).toBe(404);
    const byOfficer = await post(t, senju, `/api/applications/${id}/withdraw`);
    expect(byOfficer.statusCode).toBe(403);

    const res = await post(t, volunteer.headers, `/api/applications/${id}/withdraw`);
    expect(res.statusCode).toBe(200);
    expect(MyApplication.parse(res.json())).toMatchObject({ status: 'withdrawn' });
    expect((await applicationRow(t, id)).withdrawnAt).not.toBeNull();
    const twice = await post(t, volunteer.headers, `/api/applications/${id}/withdraw`);
    expect(twice.statusCode).toBe(409);
    expect(errorCode(twice)).toBe('APPLICATION_NOT_PENDING');
    expect((await requestRow(t, request.id)).matchedCount).toBe(0);
  });

  it('reopens the slot when a matched volunteer withdraws (filled → published) and tells the association', async () => {
    const request = await insertRequest(t, { slots: 1 });
    const volunteer = await createVolunteer(t, { displayName: '取り下げる 花子' });
    const id = await matched(t, volunteer, request.id, officers.senju);
    expect(await requestRow(t, request.id)).toMatchObject({ status: 'filled', matchedCount: 1 });
    const latecomer = await createVolunteer(t);
    expect(errorCode(await apply(t, latecomer.headers, request.id))).toBe('REQUEST_FILLED');

    const res = await post(t, volunteer.headers, `/api/applications/${id}/withdraw`);
    expect(res.statusCode).toBe(200);
    expect(MyApplication.parse(res.json())).toMatchObject({ status: 'withdrawn', contacts: null });
    expect(await requestRow(t, request.id)).toMatchObject({ status: 'published', matchedCount: 0 });
    expect(mailsTo(t, officers.senju)[0]!.text).toContain('取り下げる 花子さん');

    // the slot is free again: another volunteer raises a hand and is matched
    await matched(t, latecomer, request.id, officers.senju);
    expect(await requestRow(t, request.id)).toMatchObject({ status: 'filled', matchedCount: 1 });
  });

  it('keeps a 2-slot request published when one of two matches withdraws', async () => {
    const request = await insertRequest(t, { slots: 2 });
    const a = await createVolunteer(t);
    const b = await createVolunteer(t);
    const idA = await matched(t, a, request.id, officers.senju);
    await matched(t, b, request.id, officers.senju);
    expect(await requestRow(t, request.id)).toMatchObject({ status: 'filled', matchedCount: 2 });
    await post(t, a.headers, `/api/applications/${idA}/withdraw`);
    expect(await requestRow(t, request.id)).toMatchObject({ status: 'published', matchedCount: 1 });
  });
});

describe('acceptApplication and declineApplication', () => {
  it('accepts: a match, mailed to the volunteer in their language (やさしい日本語) with the note', async () => {
    const request = await insertRequest(t, { slots: 2 });
    const volunteer = await createVolunteer(t, { language: 'ja-easy' });
    const id = await applied(t, volunteer.headers, request.id);
    const res = await post(t, senju, `/api/applications/${id}/accept`, { note: '当日は9時に集会所へ' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'accepted', decisionNote: '当日は9時に集会所へ' });
    expect(await requestRow(t, request.id)).toMatchObject({ status: 'published', matchedCount: 1 });
    const mail = mailsTo(t, volunteer.email)[0]!;
    expect(mail.subject).toContain('てつだう ことに なりました');
    expect(mail.text).toContain('当日は9時に集会所へ');
    expect(mail.text).toContain(`/matches/${id}`);
  });

  it('accepts without a body too', async () => {
    const request = await insertRequest(t);
    const volunteer = await createVolunteer(t);
    const id = await applied(t, volunteer.headers, request.id);
    const res = await t.app.inject({ method: 'POST', url: `/api/applications/${id}/accept`, headers: senju });
    expect(res.statusCode).toBe(200);
    expect(res.json().decisionNote).toBeNull();
  });

  it('declines with a note, mailed in English to an English-speaking volunteer; the slot stays free', async () => {
    const request = await insertRequest(t, { slots: 1 });
    const volunteer = await createVolunteer(t, { language: 'en' });
    const id = await applied(t, volunteer.headers, request.id);
    const res = await post(t, senju, `/api/applications/${id}/decline`, {
      note: 'Thank you, we found someone nearby.',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'declined', contact: null });
    expect(await requestRow(t, request.id)).toMatchObject({ status: 'published', matchedCount: 0 });
    const mail = mailsTo(t, volunteer.email)[0]!;
    expect(mail.subject).toBe(`【まちの腕きき掲示板】About your offer for “${request.title}”`);
    expect(mail.text).toContain('Thank you, we found someone nearby.');
    // decided: no second decision
    const again = await post(t, senju, `/api/applications/${id}/accept`, {});
    expect(again.statusCode).toBe(409);
    expect(errorCode(again)).toBe('APPLICATION_NOT_PENDING');
  });

  it("refuses decisions by anyone but the association's officers", async () => {
    const request = await insertRequest(t);
    const volunteer = await createVolunteer(t);
    const id = await applied(t, volunteer.headers, request.id);
    const before = await rowCounts(t);
    // another association's officer, another municipality's staff: the application is invisible
    for (const email of [officers.umeda, officers.okubo, demoEmails.staffShinjuku]) {
      for (const verb of ['accept', 'decline']) {
        const res = await post(t, await as(t, email), `/api/applications/${id}/${verb}`, {});
        expect(res.statusCode, `${email} ${verb}`).toBe(404);
      }
    }
    // visible but not theirs to decide: the municipality's staff, the foundation, the volunteer
    for (const headers of [
      await as(t, demoEmails.staffAdachi),
      await as(t, demoEmails.foundation),
      volunteer.headers,
    ]) {
      expect((await post(t, headers, `/api/applications/${id}/accept`, {})).statusCode).toBe(403);
    }
    expect((await applicationRow(t, id)).status).toBe('pending');
    expect(await rowCounts(t)).toEqual(before);
  });
});

describe('contact details are revealed by a match, and the reveal is audited', () => {
  it('shows no contact while pending or declined, both contacts once matched, audited once per side', async () => {
    const request = await insertRequest(t, { slots: 2, exactPlace: '千住一丁目集会所 2階' });
    const volunteer = await createVolunteer(t, { phone: '090-1234-5678', displayName: '連絡 次郎' });
    const id = await applied(t, volunteer.headers, request.id);
    const declinedVolunteer = await createVolunteer(t, { phone: '080-0000-1111' });
    const declinedId = await applied(t, declinedVolunteer.headers, request.id);
    await post(t, senju, `/api/applications/${declinedId}/decline`, {});

    const listed = async () => {
      const res = await get(t, senju, `/api/requests/${request.id}/applications`);
      expect(res.statusCode).toBe(200);
      return ApplicationList.parse(res.json());
    };
    const mine = async (headers: Record<string, string>) => {
      const res = await get(t, headers, '/api/me/applications');
      expect(res.statusCode).toBe(200);
      return MyApplicationList.parse(res.json()).items;
    };

    // pending: nobody sees a contact, the exact place stays hidden
    const pending = await listed();
    expect(pending.items.find((a) => a.id === id)!.contact).toBeNull();
    expect(JSON.stringify(pending)).not.toContain('090-1234-5678');
    expect((await mine(volunteer.headers)).find((a) => a.id === id)).toMatchObject({
      contacts: null,
      request: { exactPlace: null },
    });
    const reveals = async () =>
      (await auditEntries(t, 'contact.reveal')).filter((e) => e.subjectId === id || e.subjectId === declinedId);
    expect(await reveals()).toHaveLength(0);

    // matched: the officer sees the volunteer's contact, the volunteer the officer's and the exact place
    const accepted = await post(t, senju, `/api/applications/${id}/accept`, {});
    expect(accepted.json().contact).toMatchObject({
      displayName: '連絡 次郎',
      email: volunteer.email,
      phone: '090-1234-5678',
    });
    const officerView = (await listed()).items;
    expect(officerView.find((a) => a.id === id)!.contact).toMatchObject({ email: volunteer.email });
    expect(officerView.find((a) => a.id === declinedId)!.contact).toBeNull();
    expect(JSON.stringify(officerView)).not.toContain('080-0000-1111');

    const volunteerView = (await mine(volunteer.headers)).find((a) => a.id === id)!;
    expect(volunteerView.request.exactPlace).toBe('千住一丁目集会所 2階');
    expect(volunteerView.contacts).toEqual([
      expect.objectContaining({
        userId: await userIdOf(t, officers.senju),
        email: officers.senju,
        displayName: '千住一丁目町会 高橋',
      }),
    ]);
    expect((await mine(declinedVolunteer.headers))[0]!.contacts).toBeNull();

    // again and again: still one audit entry per side
    await listed();
    await mine(volunteer.headers);
    const entries = await reveals();
    expect(entries).toHaveLength(2);
    const senjuId = await userIdOf(t, officers.senju);
    expect(entries.find((e) => e.details.side === 'association')).toMatchObject({
      actorId: senjuId,
      municipalityCode: '13121',
      subjectType: 'application',
      details: { viewerId: senjuId, contactOf: [volunteer.id], requestId: request.id },
    });
    expect(entries.find((e) => e.details.side === 'volunteer')).toMatchObject({
      actorId: volunteer.id,
      municipalityCode: '13121',
      details: { viewerId: volunteer.id, contactOf: [senjuId] },
    });

    // staff and the foundation see applicants but not contacts (a reason-less look is not a reason)
    for (const email of [demoEmails.staffAdachi, demoEmails.foundation]) {
      const res = await get(t, await as(t, email), `/api/requests/${request.id}/applications`);
      expect(res.statusCode).toBe(200);
      const body = ApplicationList.parse(res.json());
      expect(body.items.every((a) => a.contact === null)).toBe(true);
      expect(JSON.stringify(body)).not.toContain('090-1234-5678');
    }
    expect(await reveals()).toHaveLength(2);
  });

  it("falls back to the association's other officers when the poster is no longer one", async () => {
    const request = await insertRequest(t, { association: 'umeda' });
    const umedaId = await userIdOf(t, officers.umeda);
    await t.database.handle.db
      .update(schema.helpRequests)
      .set({ createdBy: await userIdOf(t, officers.senju) })
      .where(eq(schema.helpRequests.id, request.id));
    const volunteer = await createVolunteer(t);
    await matched(t, volunteer, request.id, officers.umeda);
    const [mine] = MyApplicationList.parse((await get(t, volunteer.headers, '/api/me/applications')).json()).items;
    expect(mine!.contacts!.map((c) => c.userId)).toEqual([umedaId]);
  });
});

describe('listApplications', () => {
  it("shows applicants' public profiles: skills, languages, completed helps, thanks (if shown)", async () => {
    const request = await insertRequest(t, { slots: 3 });
    const shy = await createVolunteer(t, {
      profile: { skills: ['photo_video'], languages: ['ja', 'en'], showThanks: false },
    });
    const open = await createVolunteer(t, { profile: { skills: ['design_flyers'], showThanks: true } });
    await applied(t, shy.headers, request.id, 'カメラを持っています');
    await applied(t, open.headers, request.id);
    const res = await get(t, senju, `/api/requests/${request.id}/applications`);
    const body = ApplicationList.parse(res.json());
    expect(body.request).toMatchObject({ id: request.id, slots: 3, matchedCount: 0, status: 'published' });
    expect(body.items.map((a) => a.applicant.id)).toEqual([shy.id, open.id]);
    expect(body.items[0]).toMatchObject({
      message: 'カメラを持っています',
      applicant: { skills: ['photo_video'], languages: ['ja', 'en'], completedHelps: 0, thanksReceived: null },
      ratings: null,
    });
    expect(body.items[1]!.applicant.thanksReceived).toBe(0);
  });

  it('refuses other associations, other municipalities and volunteers; 404 for unknown requests', async () => {
    const request = await insertRequest(t);
    const volunteer = await createVolunteer(t);
    await applied(t, volunteer.headers, request.id, 'ひみつの応募文');
    for (const headers of [
      await as(t, officers.umeda),
      await as(t, officers.okubo),
      await as(t, demoEmails.staffShinjuku),
      volunteer.headers,
    ]) {
      const res = await get(t, headers, `/api/requests/${request.id}/applications`);
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toContain('ひみつの応募文');
    }
    expect((await get(t, {}, `/api/requests/${request.id}/applications`)).statusCode).toBe(401);
    expect((await get(t, senju, '/api/requests/00000000-0000-4000-8000-000000000000/applications')).statusCode).toBe(
      404,
    );
  });
});

describe('listMyApplications', () => {
  it("lists only the caller's own applications, newest first, also after the request left the board", async () => {
    const volunteer = await createVolunteer(t);
    const first = await insertRequest(t);
    const second = await insertRequest(t, { association: 'okubo' });
    await applied(t, volunteer.headers, first.id);
    await applied(t, volunteer.headers, second.id);
    const other = await createVolunteer(t);
    await applied(t, other.headers, first.id);
    await t.database.handle.db
      .update(schema.helpRequests)
      .set({ status: 'withdrawn' })
      .where(eq(schema.helpRequests.id, first.id));

    const res = await get(t, volunteer.headers, '/api/me/applications');
    const items = MyApplicationList.parse(res.json()).items;
    expect(items.map((a) => a.request.id)).toEqual([second.id, first.id]);
    expect(items[1]!.request).toMatchObject({ title: first.title, status: 'withdrawn' });
    expect(items[0]!.request).toMatchObject({ municipalityCode: '13104', municipalityName: '新宿区' });
    expect((await get(t, {}, '/api/me/applications')).statusCode).toBe(401);
  });
});
