import { schema } from '@board/db';
import { ErrorBody, HelpRequestDetail, MyRequestsPage, queryTokens } from '@board/shared';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useApiApp } from '../kit/app.ts';
import { answer, get, post, put } from '../kit/http.ts';
import { as, associationIdOf, bearer, createPerson, demoEmails } from '../kit/people.ts';
import { createDraft, inDays, insertRequest, requestRow, validInput } from '../kit/requests.ts';
import { rowCounts } from '../kit/rows.ts';

const t = useApiApp();

describe('createRequest', () => {
  it('an officer drafts a request for their association; every field comes back', async () => {
    const input = validInput({
      title: '  町会だより  ',
      body: '  一行目\n<b>太字ではありません</b> & https://example.jp/a?b=1\n\n  字下げ',
      // free tags: those the skills vocabulary knows become its skills, the rest stay as typed
      skills: ['Word', 'Word', 'レイアウト', '盆踊り'],
      languages: ['ja', 'en'],
    });
    const res = await post(t, await as(t, demoEmails.officerSenju), '/api/requests', input);
    const detail = answer(res, 201, HelpRequestDetail);
    expect(detail).toMatchObject({
      status: 'draft',
      municipalityCode: '13121',
      municipalityName: '足立区',
      associationName: '千住一丁目町会',
      title: '町会だより',
      // plain text, stored exactly as typed: no trimming inside, no HTML handling
      body: '  一行目\n<b>太字ではありません</b> & https://example.jp/a?b=1\n\n  字下げ',
      category: 'design_flyers',
      skills: ['盆踊り'],
      skillKeys: ['layout_print'],
      slots: 2,
      when: { kind: 'range', startsAt: input.when && (input.when as { startsAt: string }).startsAt },
      area: '千住一丁目',
      exactPlace: '千住一丁目会館 2階和室',
      online: false,
      estimatedHours: 3.5,
      expensesCovered: true,
      applicationDeadline: input.applicationDeadline,
      languages: ['ja', 'en'],
      matchedCount: 0,
      publishedAt: null,
      copiedFrom: null,
      canEdit: true,
      canCopy: true,
      availableTransitions: ['submit', 'withdraw'],
      officerContact: expect.objectContaining({ email: 'officer.senju@demo.example' }),
    });
    const row = await requestRow(t, detail.id);
    expect(row.searchTokens).toEqual(expect.arrayContaining(queryTokens('町会だより 太字')));
  });

  it('takes the association from the body when the officer has several; requires it then', async () => {
    const senju = await associationIdOf(t, '千住一丁目町会');
    const umeda = await associationIdOf(t, '梅田四丁目自治会');
    const both = await createPerson(t, {
      roles: [
        { role: 'officer', municipalityCode: '13121', associationId: senju },
        { role: 'officer', municipalityCode: '13121', associationId: umeda },
      ],
    });
    const missing = await post(t, await bearer(t, both.id), '/api/requests', validInput());
    expect(answer(missing, 400, ErrorBody).error.fields).toEqual([
      { field: 'associationId', code: 'ASSOCIATION_REQUIRED' },
    ]);
    const named = await post(t, await bearer(t, both.id), '/api/requests', validInput({ associationId: umeda }));
    expect(named.statusCode).toBe(201);
    expect(named.json().associationName).toBe('梅田四丁目自治会');
  });

  it('refuses everyone but the association’s officers, writing nothing', async () => {
    const before = await rowCounts(t, { mail: true });
    const senju = await associationIdOf(t, '千住一丁目町会');
    for (const email of [
      demoEmails.volunteer1,
      demoEmails.staffAdachi,
      demoEmails.foundation,
      demoEmails.officerUmeda,
    ]) {
      const res = await post(t, await as(t, email), '/api/requests', validInput({ associationId: senju }));
      expect(res.statusCode, email).toBe(403);
    }
    expect((await post(t, {}, '/api/requests', validInput())).statusCode).toBe(401);
    expect(await rowCounts(t, { mail: true })).toEqual(before);
  });
});

describe('updateRequest', () => {
  it('replaces the content of a draft and rewrites its search tokens', async () => {
    const draft = await createDraft(t);
    const res = await put(
      t,
      await as(t, demoEmails.officerSenju),
      `/api/requests/${draft.id}`,
      validInput({
        title: '防災マップ作り',
        body: '避難経路を地図に',
        when: { kind: 'flexible' },
        estimatedHours: null,
      }),
    );
    expect(answer(res, 200, HelpRequestDetail)).toMatchObject({
      title: '防災マップ作り',
      when: { kind: 'flexible' },
      estimatedHours: null,
    });
    const row = await requestRow(t, draft.id);
    expect(row.startsAt).toBeNull();
    expect(row.searchTokens).toEqual(expect.arrayContaining(queryTokens('防災 避難経路')));
    expect(row.searchTokens).not.toContain('町会');
  });

  it('refuses a request no longer editable (409) and another association’s officer, changing nothing', async () => {
    const id = (await insertRequest(t, { status: 'pending_review', title: '審査中' })).id;
    const before = await requestRow(t, id);
    const res = await put(t, await as(t, demoEmails.officerSenju), `/api/requests/${id}`, validInput());
    expect(answer(res, 409, ErrorBody).error.code).toBe('REQUEST_NOT_EDITABLE');
    const other = await put(t, await as(t, demoEmails.officerUmeda), `/api/requests/${id}`, validInput());
    expect(other.statusCode).toBe(404);
    const staff = await put(t, await as(t, demoEmails.staffAdachi), `/api/requests/${id}`, validInput());
    expect(staff.statusCode).toBe(403);
    expect(await requestRow(t, id)).toEqual(before);
  });
});

describe('copyRequest', () => {
  it('makes a new draft with the same content, linked to the original, dates cleared', async () => {
    const id = (
      await insertRequest(t, {
        status: 'completed',
        title: '夏祭りの設営',
        body: '去年と同じです',
        startsAt: new Date(Date.now() - 86_400_000 * 300),
        applicationDeadline: new Date(Date.now() - 86_400_000 * 310),
        skills: ['力仕事'],
        slots: 5,
        exactPlace: '千住公園',
      })
    ).id;
    const res = await post(t, await as(t, demoEmails.officerSenju), `/api/requests/${id}/copy`);
    const copy = answer(res, 201, HelpRequestDetail);
    expect(copy).toMatchObject({
      status: 'draft',
      title: '夏祭りの設営',
      body: '去年と同じです',
      skills: ['力仕事'],
      slots: 5,
      exactPlace: '千住公園',
      copiedFrom: id,
      when: { kind: 'flexible' },
      applicationDeadline: null,
      publishedAt: null,
      matchedCount: 0,
    });
    expect(copy.id).not.toBe(id);
    expect((await requestRow(t, copy.id)).searchTokens.length).toBeGreaterThan(0);
  });

  it('only the association’s officers copy', async () => {
    const id = (await insertRequest(t, { status: 'published' })).id;
    const before = await rowCounts(t, { mail: true });
    for (const email of [demoEmails.officerUmeda, demoEmails.staffAdachi, demoEmails.volunteer1]) {
      const res = await post(t, await as(t, email), `/api/requests/${id}/copy`);
      expect(res.statusCode, email).toBe(403);
    }
    expect(await rowCounts(t, { mail: true })).toEqual(before);
  });
});

describe('listMyAssociationRequests', () => {
  it("gives an officer their associations' requests in every state, last changed first", async () => {
    const headers = await as(t, demoEmails.officerSenju);
    const senju = await associationIdOf(t, '千住一丁目町会');
    const res = await get(t, headers, '/api/me/requests?limit=100');
    const page = answer(res, 200, MyRequestsPage);
    const inDb = await t.database.handle.db
      .select()
      .from(schema.helpRequests)
      .where(eq(schema.helpRequests.associationId, senju));
    expect(page.items.map((i) => i.id).sort()).toEqual(inDb.map((r) => r.id).sort());
    expect(new Set(page.items.map((i) => i.status)).size).toBeGreaterThan(2);
    const updated = page.items.map((i) => Date.parse(i.updatedAt));
    expect(updated).toEqual([...updated].sort((a, b) => b - a));

    const drafts = MyRequestsPage.parse((await get(t, headers, '/api/me/requests?status=draft')).json());
    expect(drafts.items.length).toBeGreaterThan(0);
    expect(drafts.items.every((i) => i.status === 'draft' && i.canEdit)).toBe(true);

    // pages
    const first = MyRequestsPage.parse((await get(t, headers, '/api/me/requests?limit=2')).json());
    const second = MyRequestsPage.parse(
      (await get(t, headers, `/api/me/requests?limit=2&cursor=${first.nextCursor}`)).json(),
    );
    expect(second.items.map((i) => i.id)).toEqual(page.items.slice(2, 4).map((i) => i.id));
  });

  it('is for officers only, of their own associations', async () => {
    expect((await get(t, await as(t, demoEmails.volunteer1), '/api/me/requests')).statusCode).toBe(403);
    expect((await get(t, await as(t, demoEmails.staffAdachi), '/api/me/requests')).statusCode).toBe(403);
    const umeda = await associationIdOf(t, '梅田四丁目自治会');
    const res = await get(t, await as(t, demoEmails.officerSenju), `/api/me/requests?associationId=${umeda}`);
    expect(res.statusCode).toBe(403);
    expect((await get(t, {}, '/api/me/requests')).statusCode).toBe(401);
  });
});

describe('dates', () => {
  it('a request at a moment round-trips its instant', async () => {
    const startsAt = inDays(15);
    const draft = await createDraft(t, { when: { kind: 'at', startsAt }, applicationDeadline: null });
    expect(draft.when).toEqual({ kind: 'at', startsAt });
  });
});
