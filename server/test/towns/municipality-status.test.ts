import { schema } from '@board/db';
import { BoardPage, HelpRequestDetail, Municipality } from '@board/shared';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  auditEntries,
  createVolunteer,
  demoEmails,
  errorCode,
  get,
  insertRequest,
  matched,
  post,
  rowCounts,
  stateSnapshot,
  useApiApp,
  useDemoPeople,
  validInput,
} from '../kit/index.ts';

/**
 * Foundation staff activate, pause and resume municipalities (`updateMunicipalityStatus`). Who
 * may (every demo role × the own and another municipality), which changes each status allows,
 * the audit entry, and what a pause does: its requests leave the board, no new posts, matches go on.
 */

const t = useApiApp();
const { foundation, staffAdachi, staffShinjuku, officerSenju, volunteer1: volunteer, officerOkubo } = useDemoPeople(t);

const statusOf = async (code: string) =>
  (
    await t.database.handle.db
      .select({ status: schema.municipalities.status })
      .from(schema.municipalities)
      .where(eq(schema.municipalities.code, code))
  )[0]!.status;

const change = (headers: Record<string, string>, code: string, body: object) =>
  post(t, headers, `/api/municipalities/${code}/status`, body);

describe('updateMunicipalityStatus: who may', () => {
  const refused = [
    ['nobody signed in', () => ({}), 401],
    ['a volunteer', () => volunteer, 403],
    ['an officer of the municipality', () => officerSenju, 403],
    ['its own staff', () => staffAdachi, 403],
    ["another municipality's staff", () => staffShinjuku, 403],
  ] as const;

  it.each(refused)(
    '%s: refused for the own and another municipality, nothing written',
    async (_who, headers, status) => {
      for (const code of ['13121', '13104']) {
        const before = await stateSnapshot(t);
        const res = await change(headers(), code, { change: 'pause', reason: '試しに' });
        expect(res.statusCode).toBe(status);
        expect(await statusOf(code)).toBe('active');
        expect(await stateSnapshot(t)).toEqual(before);
      }
    },
  );

  it('foundation staff: any municipality', async () => {
    for (const code of ['13121', '13104']) {
      const paused = await change(foundation, code, { change: 'pause', reason: '年度替わりの点検' });
      expect(paused.statusCode).toBe(200);
      expect(Municipality.parse(paused.json())).toMatchObject({ code, status: 'paused' });
      const resumed = await change(foundation, code, { change: 'resume', reason: '点検が終わった' });
      expect(resumed.statusCode).toBe(200);
      expect(await statusOf(code)).toBe('active');
    }
  });
});

describe('updateMunicipalityStatus: the changes', () => {
  it('activates an onboarding municipality, audit-logged with the reason; a second click is 409 and writes nothing', async () => {
    expect(await statusOf('13103')).toBe('onboarding');
    const res = await change(foundation, '13103', { change: 'activate', reason: '港区が参加を決めた（協定締結）' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: '13103', nameJa: '港区', status: 'active' });
    const [entry] = (await auditEntries(t, 'municipality.update_status')).filter((e) => e.subjectId === '13103');
    expect(entry).toMatchObject({
      municipalityCode: '13103',
      subjectType: 'municipality',
      details: { change: 'activate', from: 'onboarding', to: 'active', reason: '港区が参加を決めた（協定締結）' },
    });
    const listed = await get(t, {}, '/api/municipalities?status=active');
    expect(listed.json().items.map((m: { code: string }) => m.code)).toContain('13103');

    const before = await rowCounts(t);
    const again = await change(foundation, '13103', { change: 'activate', reason: 'もう一度' });
    expect(again.statusCode).toBe(409);
    expect(errorCode(again)).toBe('MUNICIPALITY_STATUS_NOT_ALLOWED');
    expect(await rowCounts(t)).toEqual(before);
  });

  it.each([
    ['resume an active one', '13101', 'resume'],
    ['pause an onboarding one', '13106', 'pause'],
    ['activate an active one', '13101', 'activate'],
  ])('refuses to %s (409, nothing changed)', async (_what, code, name) => {
    const was = await statusOf(code);
    const res = await change(foundation, code, { change: name, reason: '理由' });
    expect(res.statusCode).toBe(409);
    expect(errorCode(res)).toBe('MUNICIPALITY_STATUS_NOT_ALLOWED');
    expect(await statusOf(code)).toBe(was);
  });

  it('bad input: 400 with the fields, nothing changed; an unknown municipality is 404', async () => {
    const before = await stateSnapshot(t);
    const noReason = await change(foundation, '13121', { change: 'pause', reason: '   ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields).toEqual([{ field: 'reason', code: 'REASON_REQUIRED' }]);
    const unknownChange = await change(foundation, '13121', { change: 'close', reason: '理由' });
    expect(unknownChange.statusCode).toBe(400);
    expect(unknownChange.json().error.fields[0].field).toBe('change');
    const badCode = await change(foundation, '99999', { change: 'pause', reason: '理由' });
    expect(badCode.statusCode).toBe(400);
    expect(await stateSnapshot(t)).toEqual(before);
    const missing = await change(foundation, '13999', { change: 'pause', reason: '理由' });
    expect(missing.statusCode).toBe(404);
    expect(await statusOf('13121')).toBe('active');
  });
});

describe('a paused municipality', () => {
  it('leaves the board (list, page, feed), takes no new posts or hands; its matches go on; resumed, it is back', async () => {
    const title = `休止テスト ${Date.now().toString(36)}`;
    const { id: listed } = await insertRequest(t, { title, association: 'okubo', slots: 2 });
    const { id: other } = await insertRequest(t, { title: `${title} 足立`, association: 'senju' });
    const helper = await createVolunteer(t, { verified: true });
    const match = await matched(t, helper, listed, demoEmails.officerOkubo);
    const onBoard = async () =>
      BoardPage.parse((await get(t, {}, `/api/requests?q=${encodeURIComponent(title)}`)).json()).items.map((i) => i.id);
    expect((await onBoard()).sort()).toEqual([listed, other].sort());
    const draft = await post(t, officerOkubo, '/api/requests', validInput());
    expect(draft.statusCode).toBe(201);

    expect((await change(foundation, '13104', { change: 'pause', reason: '担当者の交代' })).statusCode).toBe(200);
    expect(await onBoard()).toEqual([other]);
    expect((await get(t, {}, `/api/requests/${listed}`)).statusCode).toBe(404);
    expect((await get(t, {}, '/api/municipalities/13104/feed.atom')).statusCode).toBe(404);
    // the officer still reads their own request; nobody new raises a hand
    expect((await get(t, officerOkubo, `/api/requests/${listed}`)).statusCode).toBe(200);
    const late = await createVolunteer(t, { verified: true });
    const lateHand = await post(t, late.headers, `/api/requests/${listed}/applications`, { message: '手伝えます' });
    expect(lateHand.statusCode).toBe(409);
    expect(errorCode(lateHand)).toBe('REQUEST_NOT_OPEN');
    // no new posts: neither a new draft nor sending one
    const before = await rowCounts(t);
    const refusedDraft = await post(t, officerOkubo, '/api/requests', validInput());
    expect(refusedDraft.statusCode).toBe(409);
    expect(errorCode(refusedDraft)).toBe('MUNICIPALITY_PAUSED');
    const refusedSubmit = await post(
      t,
      officerOkubo,
      `/api/requests/${HelpRequestDetail.parse(draft.json()).id}/submit`,
    );
    expect(refusedSubmit.statusCode).toBe(409);
    expect(errorCode(refusedSubmit)).toBe('MUNICIPALITY_PAUSED');
    expect(await rowCounts(t)).toEqual(before);
    // the match made before goes on: the two sides still talk
    const message = await post(t, helper.headers, `/api/applications/${match}/messages`, {
      body: '来週うかがいます。',
    });
    expect(message.statusCode).toBe(201);

    expect((await change(foundation, '13104', { change: 'resume', reason: '新しい担当者が決まった' })).statusCode).toBe(
      200,
    );
    expect((await onBoard()).sort()).toEqual([listed, other].sort());
  });
});
