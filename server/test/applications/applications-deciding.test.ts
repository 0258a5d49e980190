import { schema } from '@board/db';
import { ApplicationList, MyApplicationList } from '@board/shared';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useApiApp } from '../kit/app.ts';
import { applicationRow, applied, matched, newHand } from '../kit/applications.ts';
import { answer, errorCode, get, post } from '../kit/http.ts';
import { mailsTo } from '../kit/mail.ts';
import { as, createVolunteer, demoEmails, officers, userIdOf, useDemoPeople } from '../kit/people.ts';
import { insertRequest, requestRow } from '../kit/requests.ts';
import { auditEntries, rowCounts } from '../kit/rows.ts';
const t = useApiApp();
const { senju } = useDemoPeople(t);

describe('acceptApplication and declineApplication', () => {
  it('accepts: a match, mailed to the volunteer in their language (やさしい日本語) with the note', async () => {
    const { request, volunteer, id } = await newHand(t, { slots: 2 }, { language: 'ja-easy' });
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
    const { id } = await newHand(t);
    const res = await post(t, senju, `/api/applications/${id}/accept`);
    expect(res.statusCode).toBe(200);
    expect(res.json().decisionNote).toBeNull();
  });

  it('declines with a note, mailed in English to an English-speaking volunteer; the slot stays free', async () => {
    const { request, volunteer, id } = await newHand(t, { slots: 1 }, { language: 'en' });
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
    const { volunteer, id } = await newHand(t);
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

describe('contact details open by a match and an action, and the opening is audited', () => {
  it('shows no contact while pending or declined; accepting opens the volunteer’s, "show contact" the association’s; audited once per side', async () => {
    const { request, volunteer, id } = await newHand(
      t,
      { slots: 2, exactPlace: '千住一丁目集会所 2階' },
      { phone: '090-1234-5678', displayName: '連絡 次郎' },
    );
    const declinedVolunteer = await createVolunteer(t, { phone: '080-0000-1111' });
    const declinedId = await applied(t, declinedVolunteer.headers, request.id);
    await post(t, senju, `/api/applications/${declinedId}/decline`, {});

    const listed = async () => {
      const res = await get(t, senju, `/api/requests/${request.id}/applications`);
      return answer(res, 200, ApplicationList);
    };
    const mine = async (headers: Record<string, string>) => {
      const res = await get(t, headers, '/api/me/applications');
      return answer(res, 200, MyApplicationList).items;
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

    // the volunteer sees the place at once, the association's contact once they open it
    expect((await mine(volunteer.headers)).find((a) => a.id === id)!.contacts).toBeNull();
    expect((await post(t, volunteer.headers, `/api/applications/${id}/contact`)).statusCode).toBe(200);
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
    await post(t, volunteer.headers, `/api/applications/${id}/contact`);
    await post(t, senju, `/api/applications/${id}/contact`);
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
      const body = answer(res, 200, ApplicationList);
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
    const id = await matched(t, volunteer, request.id, officers.umeda);
    await post(t, volunteer.headers, `/api/applications/${id}/contact`);
    const [mine] = MyApplicationList.parse((await get(t, volunteer.headers, '/api/me/applications')).json()).items;
    expect(mine!.contacts!.map((c) => c.userId)).toEqual([umedaId]);
  });
});
