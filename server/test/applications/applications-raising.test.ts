import { schema } from '@board/db';
import { MyApplication } from '@board/shared';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { applyToRequest } from '@board/server/modules/applications/service';
import { contextFor } from '@board/server/services/context';
import { useApiApp } from '../kit/app.ts';
import { applicationRow, applied, apply, filledRequest, matched, newHand, newMatch } from '../kit/applications.ts';
import { answer, errorCode, post } from '../kit/http.ts';
import { mailsTo } from '../kit/mail.ts';
import { actorOf, as, createVolunteer, demoEmails, officers, useDemoPeople } from '../kit/people.ts';
import { insertRequest, requestRow } from '../kit/requests.ts';
import { rowCounts } from '../kit/rows.ts';
const t = useApiApp();
const { senju } = useDemoPeople(t);

describe('applyToRequest', () => {
  it('lets a verified volunteer raise a hand with a message; the poster is told by mail', async () => {
    const request = await insertRequest(t);
    const volunteer = await createVolunteer(t, { displayName: '手を挙げる 太郎' });
    const res = await apply(t, volunteer.headers, request.id, '写真が得意です。\n週末なら行けます。');
    const body = answer(res, 201, MyApplication);
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

  it("decides the deadline by the service context's clock, not the machine's", async () => {
    const deadline = new Date(Date.now() + 2 * 86_400_000);
    const request = await insertRequest(t, { applicationDeadline: deadline });
    const volunteer = await createVolunteer(t);
    const actor = await actorOf(t, volunteer.id);
    const at = (ms: number) => contextFor(t.app, actor, t.app.log, () => new Date(ms));
    await expect(
      applyToRequest(at(deadline.getTime() + 60_000), request.id, { message: 'お手伝いします' }),
    ).rejects.toMatchObject({
      code: 'APPLICATION_DEADLINE_PASSED',
    });
    const hands = () =>
      t.database.handle.db.select().from(schema.applications).where(eq(schema.applications.requestId, request.id));
    expect(await hands()).toEqual([]);
    const hand = await applyToRequest(at(deadline.getTime() - 60_000), request.id, { message: 'お手伝いします' });
    expect(hand).toMatchObject({ requestId: request.id, status: 'pending' });
    expect(await hands()).toHaveLength(1);
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
    const { request, volunteer, id } = await newHand(t);
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
    const { request, volunteer, id } = await newHand(t);

    const other = await createVolunteer(t);
    expect((await post(t, other.headers, `/api/applications/${id}/withdraw`)).statusCode).toBe(404);
    const byOfficer = await post(t, senju, `/api/applications/${id}/withdraw`);
    expect(byOfficer.statusCode).toBe(403);

    const res = await post(t, volunteer.headers, `/api/applications/${id}/withdraw`);
    expect(answer(res, 200, MyApplication)).toMatchObject({ status: 'withdrawn' });
    expect((await applicationRow(t, id)).withdrawnAt).not.toBeNull();
    const twice = await post(t, volunteer.headers, `/api/applications/${id}/withdraw`);
    expect(twice.statusCode).toBe(409);
    expect(errorCode(twice)).toBe('APPLICATION_NOT_PENDING');
    expect((await requestRow(t, request.id)).matchedCount).toBe(0);
  });

  it('reopens the slot when a matched volunteer withdraws (filled → published) and tells the association', async () => {
    const { request, volunteer, id } = await newMatch(t, { slots: 1 }, { displayName: '取り下げる 花子' });
    expect(await requestRow(t, request.id)).toMatchObject({ status: 'filled', matchedCount: 1 });
    const latecomer = await createVolunteer(t);
    expect(errorCode(await apply(t, latecomer.headers, request.id))).toBe('REQUEST_FILLED');

    const res = await post(t, volunteer.headers, `/api/applications/${id}/withdraw`);
    expect(answer(res, 200, MyApplication)).toMatchObject({ status: 'withdrawn', contacts: null });
    expect(await requestRow(t, request.id)).toMatchObject({ status: 'published', matchedCount: 0 });
    expect(mailsTo(t, officers.senju)[0]!.text).toContain('取り下げる 花子さん');

    // the slot is free again: another volunteer raises a hand and is matched
    await matched(t, latecomer, request.id, officers.senju);
    expect(await requestRow(t, request.id)).toMatchObject({ status: 'filled', matchedCount: 1 });
  });

  it('keeps a 2-slot request published when one of two matches withdraws', async () => {
    const { request, matches } = await filledRequest(t, [{}, {}]);
    expect(await requestRow(t, request.id)).toMatchObject({ status: 'filled', matchedCount: 2 });
    const [a] = matches;
    await post(t, a.volunteer.headers, `/api/applications/${a.id}/withdraw`);
    expect(await requestRow(t, request.id)).toMatchObject({ status: 'published', matchedCount: 1 });
  });
});
