import { schema } from '@board/db';
import { ErrorBody, HelpRequestDetail } from '@board/shared';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  answer,
  as,
  associationIdOf,
  auditEntries,
  demoEmails,
  get,
  insertRequest,
  post,
  useApiApp,
  userIdOf,
} from '../kit/index.ts';

/** Who sees a request at all, and who sees its exact place and the officer's contact. */

const t = useApiApp();
let draft: string;
let published: string;
let hidden: string;
let island: string;
let matchedVolunteer: string;
let pendingVolunteer: string;
beforeAll(async () => {
  draft = (await insertRequest(t, { status: 'draft', title: '足立の下書き', exactPlace: '千住一丁目会館' })).id;
  published = (await insertRequest(t, { status: 'published', title: '足立の募集', exactPlace: '千住一丁目会館 2階' }))
    .id;
  hidden = (await insertRequest(t, { status: 'published', title: '非表示の依頼', hiddenAt: new Date() })).id;
  const db = t.database.handle.db;
  const [association] = await db
    .insert(schema.associations)
    .values({ municipalityCode: '13421', name: '小笠原テスト町会' })
    .returning({ id: schema.associations.id });
  island = (await insertRequest(t, { municipalityCode: '13421', associationId: association!.id, status: 'published' }))
    .id;

  // volunteer1's hand was accepted (a match); volunteer2's is still pending
  const senju = await associationIdOf(t, '千住一丁目町会');
  matchedVolunteer = demoEmails.volunteer1;
  pendingVolunteer = demoEmails.volunteer2;
  for (const [email, status] of [
    [matchedVolunteer, 'accepted'],
    [pendingVolunteer, 'pending'],
  ] as const) {
    await db.insert(schema.applications).values({
      requestId: published,
      volunteerId: await userIdOf(t, email),
      municipalityCode: '13121',
      associationId: senju,
      message: 'お手伝いできます',
      status,
    });
  }
  await db.update(schema.users).set({ phone: '03-1234-5678' }).where(eq(schema.users.email, demoEmails.officerSenju));
});

async function view(id: string, email: string | null) {
  return get(t, email ? await as(t, email) : {}, `/api/requests/${id}`);
}

describe('who sees a request', () => {
  it.each([
    ['anonymous', null],
    ['a volunteer', demoEmails.volunteer1],
    ["another municipality's staff", demoEmails.staffShinjuku],
    ["another association's officer", demoEmails.officerUmeda],
  ])('a draft of 13121 is invisible to %s (404, nothing leaks)', async (_who, email) => {
    const res = await view(draft, email);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('足立の下書き');
    const board = await get(t, email ? await as(t, email) : {}, '/api/requests?limit=50');
    expect(board.body).not.toContain('足立の下書き');
  });

  it.each([
    ['its officer', demoEmails.officerSenju],
    ["the municipality's staff", demoEmails.staffAdachi],
    ['foundation staff', demoEmails.foundation],
  ])('a draft is visible to %s, with the exact place', async (_who, email) => {
    const res = await view(draft, email);
    expect(answer(res, 200, HelpRequestDetail)).toMatchObject({ status: 'draft', exactPlace: '千住一丁目会館' });
  });

  it('a hidden request is gone for the public but stays readable for staff', async () => {
    expect((await view(hidden, null)).statusCode).toBe(404);
    expect((await view(hidden, demoEmails.volunteer1)).statusCode).toBe(404);
    const staff = await view(hidden, demoEmails.staffAdachi);
    expect(HelpRequestDetail.parse(staff.json())).toMatchObject({ hidden: true });
  });

  it('a request of a municipality that is not active is not shown to the public', async () => {
    expect((await view(island, null)).statusCode).toBe(404);
    expect((await view(island, demoEmails.foundation)).statusCode).toBe(200);
  });

  it('an unknown id is 404; a malformed one 400', async () => {
    expect((await view('00000000-0000-4000-8000-000000000000', null)).statusCode).toBe(404);
    expect((await view('nope', null)).statusCode).toBe(400);
  });
});

describe('exact place and officer contact', () => {
  it.each([
    ['anonymous', null],
    ['a volunteer without an application', 'volunteer3@demo.example'],
    ['a volunteer whose application is only pending', demoEmails.volunteer2],
    ["another municipality's staff", demoEmails.staffShinjuku],
    ["another association's officer", demoEmails.officerUmeda],
  ])('are hidden from %s', async (_who, email) => {
    const res = await view(published, email);
    const detail = answer(res, 200, HelpRequestDetail);
    expect(detail).toMatchObject({ exactPlace: null, officerContact: null, statusReason: null });
    expect(res.body).not.toContain('千住一丁目会館');
    expect(res.body).not.toContain('officer.senju@demo.example');
    expect(res.body).not.toContain('03-1234-5678');
  });

  const contact = { name: '千住一丁目町会 高橋', email: 'officer.senju@demo.example', phone: '03-1234-5678' };

  it.each([
    ['the volunteer whose application was accepted', demoEmails.volunteer1],
    ['its officer', demoEmails.officerSenju],
  ])('are shown to %s', async (_who, email) => {
    const detail = HelpRequestDetail.parse((await view(published, email)).json());
    expect(detail.exactPlace).toBe('千住一丁目会館 2階');
    expect(detail.officerContact).toEqual(contact);
    expect(detail.canRevealContact).toBe(false);
  });

  it.each([
    ["the municipality's staff", demoEmails.staffAdachi],
    ['foundation staff', demoEmails.foundation],
  ])('%s see the place, and the contact only by asking with a reason, which is logged', async (_who, email) => {
    const res = await view(published, email);
    const detail = HelpRequestDetail.parse(res.json());
    expect(detail.exactPlace).toBe('千住一丁目会館 2階');
    expect(detail.officerContact).toBeNull();
    expect(detail.canRevealContact).toBe(true);
    expect(res.body).not.toContain('officer.senju@demo.example');

    const before = (await auditEntries(t, 'contact.reveal')).length;
    const reveal = (reason: unknown) => post(t, {}, `/api/requests/${published}/officer-contact`, { reason });
    const headers = await as(t, email);
    for (const [reason, code] of [
      ['', 'REASON_REQUIRED'],
      ['   ', 'REASON_REQUIRED'],
      ['x'.repeat(1001), 'TOO_LONG'],
    ] as const) {
      const bad = await post(t, headers, `/api/requests/${published}/officer-contact`, { reason });
      expect(bad.statusCode, reason).toBe(400);
      expect(ErrorBody.parse(bad.json()).error.fields?.[0]).toMatchObject({ field: 'reason', code });
    }
    expect((await reveal('匿名では見られません')).statusCode).toBe(401);
    expect(await auditEntries(t, 'contact.reveal')).toHaveLength(before);

    const ok = await post(t, headers, `/api/requests/${published}/officer-contact`, {
      reason: '募集内容の確認のため電話します',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual(contact);
    const entries = await auditEntries(t, 'contact.reveal');
    expect(entries).toHaveLength(before + 1);
    expect(entries.at(-1)).toMatchObject({
      actorId: await userIdOf(t, email),
      municipalityCode: '13121',
      subjectId: published,
      details: { side: 'staff', reason: '募集内容の確認のため電話します' },
    });
  });

  it.each([
    ["another municipality's staff", demoEmails.staffShinjuku, 403],
    ['a volunteer', 'volunteer3@demo.example', 403],
    ['the matched volunteer (who sees it anyway)', demoEmails.volunteer1, 403],
    ["another association's officer", demoEmails.officerUmeda, 403],
  ])('%s cannot ask for it; nothing is logged', async (_who, email, status) => {
    const before = (await auditEntries(t, 'contact.reveal')).length;
    const res = await post(t, await as(t, email), `/api/requests/${published}/officer-contact`, {
      reason: '見たいから',
    });
    expect(res.statusCode).toBe(status);
    expect(res.body).not.toContain('officer.senju@demo.example');
    expect(await auditEntries(t, 'contact.reveal')).toHaveLength(before);
  });

  it("staff of the request's municipality cannot ask for the contact of a draft they cannot read elsewhere", async () => {
    const res = await post(t, await as(t, demoEmails.staffShinjuku), `/api/requests/${draft}/officer-contact`, {
      reason: '確認',
    });
    expect(res.statusCode).toBe(404);
  });

  it('the matched volunteer gets no officer buttons and no staff reason', async () => {
    const detail = HelpRequestDetail.parse((await view(published, matchedVolunteer)).json());
    expect(detail).toMatchObject({ availableTransitions: [], canEdit: false, canCopy: false, statusReason: null });
  });
});
