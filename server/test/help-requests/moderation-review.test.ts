import { schema } from '@board/db';
import { HelpRequestDetail } from '@board/shared';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useApiApp } from '../kit/app.ts';
import { answer, get, post, put } from '../kit/http.ts';
import { as, associationIdOf, createPerson, demoEmails } from '../kit/people.ts';
import { createDraft, insertRequest, requestRow, setModeration, validInput } from '../kit/requests.ts';
import { auditEntries } from '../kit/rows.ts';
const t = useApiApp();
/** a second officer of 千住一丁目町会 who reads mail in English */
let englishOfficer: { id: string; email: string };
beforeAll(async () => {
  englishOfficer = await createPerson(t, {
    displayName: 'Sam Officer',
    roles: [{ role: 'officer', municipalityCode: '13121', associationId: await associationIdOf(t, '千住一丁目町会') }],
  });
  await t.database.handle.db.update(schema.users).set({ language: 'en' }).where(eq(schema.users.id, englishOfficer.id));
  await setModeration(t, '13121', true);
});

const mailsTo = (email: string) => t.mail.filter((m) => m.to === email);

describe('the review flow', () => {
  it('changes requested with a reason → officer fixes and resubmits → approved; mails in each officer’s language', async () => {
    const officer = await as(t, demoEmails.officerSenju);
    const staff = await as(t, demoEmails.staffAdachi);
    const draft = await createDraft(t, { title: '盆踊りの設営' });
    expect((await post(t, officer, `/api/requests/${draft.id}/submit`)).statusCode).toBe(200);

    const reason = '集合時間と持ち物を本文に書いてください。\n雨天時の扱いも。';
    const changes = await post(t, staff, `/api/requests/${draft.id}/request-changes`, { reason });
    expect(answer(changes, 200, HelpRequestDetail)).toMatchObject({
      status: 'changes_requested',
      statusReason: reason,
    });

    // the officer sees the reason and may edit again
    const seen = HelpRequestDetail.parse((await get(t, officer, `/api/requests/${draft.id}`)).json());
    expect(seen).toMatchObject({ statusReason: reason, canEdit: true, availableTransitions: ['submit', 'withdraw'] });
    // …and so is told by mail, in Japanese and in English
    const ja = mailsTo(demoEmails.officerSenju)[0]!;
    expect(ja.subject).toContain('修正をお願いします');
    expect(ja.text).toContain('> 集合時間と持ち物を本文に書いてください。');
    expect(ja.text).toContain(`/association/requests/${draft.id}\n`);
    const en = mailsTo(englishOfficer.email)[0]!;
    expect(en.subject).toContain('Please revise your request');
    expect(en.text).toContain('> 雨天時の扱いも。');

    const edited = await put(
      t,
      officer,
      `/api/requests/${draft.id}`,
      validInput({ title: '盆踊りの設営', body: '朝9時集合。軍手をお持ちください。雨天中止。' }),
    );
    expect(edited.statusCode).toBe(200);
    const resubmitted = await post(t, officer, `/api/requests/${draft.id}/submit`);
    expect(HelpRequestDetail.parse(resubmitted.json())).toMatchObject({ status: 'pending_review', statusReason: null });

    const approved = await post(t, staff, `/api/requests/${draft.id}/approve`);
    expect(answer(approved, 200, HelpRequestDetail)).toMatchObject({ status: 'published' });
    expect((await requestRow(t, draft.id)).publishedAt).not.toBeNull();
    expect(mailsTo(demoEmails.officerSenju)[0]!.subject).toContain('掲示板に載りました');
    expect(mailsTo(englishOfficer.email)[0]!.subject).toContain('is now on the board');

    const staffId = (
      await t.database.handle.db.select().from(schema.users).where(eq(schema.users.email, demoEmails.staffAdachi))
    )[0]!.id;
    const audit = [
      ...(await auditEntries(t, 'request.request_changes')),
      ...(await auditEntries(t, 'request.approve')),
    ].filter((e) => e.subjectId === draft.id);
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'request.request_changes',
        actorId: staffId,
        municipalityCode: '13121',
        details: expect.objectContaining({ reason, from: 'pending_review', to: 'changes_requested' }),
      }),
      expect.objectContaining({
        action: 'request.approve',
        actorId: staffId,
        details: expect.objectContaining({ to: 'published' }),
      }),
    ]);
  });

  it('rejects with a reason, mailed and audit-logged', async () => {
    const id = (await insertRequest(t, { status: 'pending_review', title: '物品販売の手伝い' })).id;
    const reason = '営利目的の依頼は掲載できません。';
    const res = await post(t, await as(t, demoEmails.staffAdachi), `/api/requests/${id}/reject`, { reason });
    expect(HelpRequestDetail.parse(res.json())).toMatchObject({ status: 'rejected', statusReason: reason });
    expect(mailsTo(demoEmails.officerSenju)[0]).toMatchObject({
      subject: expect.stringContaining('掲載できませんでした'),
    });
    expect(mailsTo(demoEmails.officerSenju)[0]!.text).toContain(reason);
    expect(mailsTo(englishOfficer.email)[0]!.subject).toContain('was not published');
    expect((await auditEntries(t, 'request.reject')).filter((e) => e.subjectId === id)).toHaveLength(1);
  });

  it('closes a published request with a reason; it leaves the board', async () => {
    const id = (await insertRequest(t, { status: 'published', title: '中止になった行事' })).id;
    const res = await post(t, await as(t, demoEmails.staffAdachi), `/api/requests/${id}/close`, {
      reason: '行事が中止になりました',
    });
    expect(HelpRequestDetail.parse(res.json())).toMatchObject({
      status: 'closed',
      statusReason: '行事が中止になりました',
    });
    expect(mailsTo(englishOfficer.email)[0]!.subject).toContain('was closed');
    expect((await auditEntries(t, 'request.close')).filter((e) => e.subjectId === id)).toHaveLength(1);
    const publicView = await get(t, {}, `/api/requests/${id}`);
    expect(publicView.statusCode).toBe(404);
  });

  it("another municipality's staff, foundation staff and officers cannot moderate; nothing changes", async () => {
    const id = (await insertRequest(t, { status: 'pending_review' })).id;
    for (const email of [demoEmails.staffShinjuku, demoEmails.foundation, demoEmails.officerSenju]) {
      const res = await post(t, await as(t, email), `/api/requests/${id}/approve`);
      expect([403, 404], `${email}: ${res.body}`).toContain(res.statusCode);
    }
    expect((await requestRow(t, id)).status).toBe('pending_review');
    expect((await auditEntries(t, 'request.approve')).filter((e) => e.subjectId === id)).toHaveLength(0);
  });

  it('two staff deciding at once: one decision wins, the other gets 409', async () => {
    const id = (await insertRequest(t, { status: 'pending_review' })).id;
    const staff = await as(t, demoEmails.staffAdachi);
    const [a, b] = await Promise.all([
      post(t, staff, `/api/requests/${id}/approve`),
      post(t, staff, `/api/requests/${id}/reject`, { reason: 'だめ' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const audit = [...(await auditEntries(t, 'request.approve')), ...(await auditEntries(t, 'request.reject'))];
    expect(audit.filter((e) => e.subjectId === id)).toHaveLength(1);
  });
});
