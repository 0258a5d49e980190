import { FlagList, FlagView, ThreadMessage } from '@board/shared';
import { describe, expect, it } from 'vitest';
import { useApiApp } from '../kit/app.ts';
import { newMatch } from '../kit/applications.ts';
import { answer, errorCode, get, post } from '../kit/http.ts';
import { as, createVolunteer, demoEmails, officers, userIdOf, useDemoPeople } from '../kit/people.ts';
import { insertRequest, requestRow } from '../kit/requests.ts';
import { auditEntries, rowCounts } from '../kit/rows.ts';

const t = useApiApp();
const { staffAdachi: adachi } = useDemoPeople(t);

const flag = (headers: Record<string, string>, payload: object) => post(t, headers, '/api/flags', payload);
const resolve = (headers: Record<string, string>, id: string, payload: object) =>
  post(t, headers, `/api/flags/${id}/resolve`, payload);
const queue = async (headers: Record<string, string>, query = '') => {
  const res = await get(t, headers, `/api/flags${query}`);
  return answer(res, 200, FlagList);
};

/** ids on the public board (listRequests, the help-requests module) */
async function boardIds(): Promise<string[]> {
  const res = await get(t, {}, '/api/requests?municipalities=13121&limit=50');
  expect(res.statusCode).toBe(200);
  return (res.json().items as { id: string }[]).map((i) => i.id);
}

describe('flagContent', () => {
  it("lets anyone signed in flag a request they can see, into its municipality's queue; once while open", async () => {
    const request = await insertRequest(t, { title: '怪しい依頼' });
    const volunteer = await createVolunteer(t);
    const res = await flag(volunteer.headers, {
      targetType: 'request',
      targetId: request.id,
      reason: '連絡先に外部サイトへ誘導',
    });
    expect(answer(res, 201, FlagView)).toMatchObject({
      status: 'open',
      municipalityCode: '13121',
      target: { requestId: request.id, title: '怪しい依頼', hidden: false },
    });
    const again = await flag(volunteer.headers, { targetType: 'request', targetId: request.id, reason: 'もう一度' });
    expect(again.statusCode).toBe(409);
    expect(errorCode(again)).toBe('ALREADY_FLAGGED');
    // an officer of another municipality may flag it too (anyone signed in)
    expect(
      (await flag(await as(t, officers.okubo), { targetType: 'request', targetId: request.id, reason: '不適切' }))
        .statusCode,
    ).toBe(201);
    expect((await flag({}, { targetType: 'request', targetId: request.id, reason: '匿名' })).statusCode).toBe(401);
  });

  it('lets the two sides of a match flag a message; others cannot reach it (404, nothing written)', async () => {
    const { request, volunteer, id } = await newMatch(t);
    const message = ThreadMessage.parse(
      (await post(t, volunteer.headers, `/api/applications/${id}/messages`, { body: '失礼なメッセージ' })).json(),
    );
    // made before counting: the kit's row counts include the people, session and request tables
    const stranger = await createVolunteer(t);
    const outsiders = [stranger.headers, await as(t, officers.umeda), await as(t, officers.okubo)];
    const draft = await insertRequest(t, { association: 'umeda', status: 'draft' });
    const before = await rowCounts(t);
    for (const headers of outsiders) {
      const res = await flag(headers, { targetType: 'message', targetId: message.id, reason: '見えないはず' });
      expect(res.statusCode).toBe(404);
    }
    expect(
      (await flag(volunteer.headers, { targetType: 'request', targetId: draft.id, reason: '下書き' })).statusCode,
    ).toBe(404);
    expect(await rowCounts(t)).toEqual(before);

    const res = await flag(await as(t, officers.senju), {
      targetType: 'message',
      targetId: message.id,
      reason: '暴言です',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().target).toMatchObject({ requestId: request.id, text: '失礼なメッセージ' });
  });
});

describe('listFlags and resolveFlag', () => {
  it("gives the municipality's staff their queue (open first, oldest first) and the foundation all of it", async () => {
    const volunteer = await createVolunteer(t);
    const adachiRequest = await insertRequest(t, { title: '足立の通報対象' });
    const shinjukuRequest = await insertRequest(t, { association: 'okubo', title: '新宿の通報対象' });
    const older = FlagView.parse(
      (await flag(volunteer.headers, { targetType: 'request', targetId: adachiRequest.id, reason: '古い通報' })).json(),
    );
    const newer = FlagView.parse(
      (
        await flag(await as(t, officers.okubo), {
          targetType: 'request',
          targetId: adachiRequest.id,
          reason: '新しい通報',
        })
      ).json(),
    );
    await flag(volunteer.headers, { targetType: 'request', targetId: shinjukuRequest.id, reason: '新宿の通報' });

    const mine = await queue(adachi);
    expect(mine.items.every((f) => f.municipalityCode === '13121')).toBe(true);
    const ids = mine.items.map((f) => f.id);
    expect(ids.indexOf(older.id)).toBeLessThan(ids.indexOf(newer.id));
    expect(mine.openCount).toBe(mine.items.filter((f) => f.status === 'open').length);
    expect(JSON.stringify(mine)).not.toContain('新宿の通報');

    // a decided flag moves behind the open ones
    await resolve(adachi, older.id, { decision: 'dismiss' });
    const after = (await queue(adachi)).items;
    const firstDecided = after.findIndex((f) => f.status !== 'open');
    expect(after.slice(firstDecided).every((f) => f.status !== 'open')).toBe(true);
    expect((await queue(adachi, '?status=dismissed')).items.map((f) => f.id)).toContain(older.id);

    const all = await queue(await as(t, demoEmails.foundation));
    expect(new Set(all.items.map((f) => f.municipalityCode))).toEqual(new Set(['13121', '13104']));

    // no other municipality's queue, and no queue for officers, volunteers or anonymous callers
    const other = await get(t, await as(t, demoEmails.staffShinjuku), '/api/flags?municipalityCode=13121');
    expect(other.statusCode).toBe(403);
    expect(other.body).not.toContain('古い通報');
    expect(JSON.stringify(await queue(await as(t, demoEmails.staffShinjuku)))).not.toContain('古い通報');
    for (const headers of [await as(t, officers.senju), volunteer.headers]) {
      expect((await get(t, headers, '/api/flags')).statusCode).toBe(403);
    }
    expect((await get(t, {}, '/api/flags')).statusCode).toBe(401);
  });

  it('hides a flagged request: it leaves the board, every open flag on it is settled, the decision is audited', async () => {
    const request = await insertRequest(t, { title: '隠される依頼' });
    const volunteer = await createVolunteer(t);
    const first = FlagView.parse(
      (await flag(volunteer.headers, { targetType: 'request', targetId: request.id, reason: '詐欺の疑い' })).json(),
    );
    const second = FlagView.parse(
      (
        await flag(await as(t, officers.umeda), { targetType: 'request', targetId: request.id, reason: '同じく' })
      ).json(),
    );
    expect(await boardIds()).toContain(request.id);

    const res = await resolve(adachi, first.id, { decision: 'hide', note: '外部サイトへの誘導のため' });
    expect(answer(res, 200, FlagView)).toMatchObject({
      status: 'hidden',
      resolutionNote: '外部サイトへの誘導のため',
      target: { hidden: true },
    });
    expect((await requestRow(t, request.id)).hiddenAt).not.toBeNull();
    expect(await boardIds()).not.toContain(request.id);
    // hidden requests take no hands
    expect(
      (
        await post(t, (await createVolunteer(t)).headers, `/api/requests/${request.id}/applications`, {
          message: 'はい',
        })
      ).statusCode,
    ).toBe(404);

    const settled = (await queue(adachi, '?status=hidden')).items.map((f) => f.id);
    expect(settled).toEqual(expect.arrayContaining([first.id, second.id]));
    const [entry] = (await auditEntries(t, 'flag.hide')).filter((e) => e.subjectId === first.id);
    expect(entry).toMatchObject({
      actorId: await userIdOf(t, demoEmails.staffAdachi),
      municipalityCode: '13121',
      subjectType: 'flag',
      details: {
        targetType: 'request',
        targetId: request.id,
        note: '外部サイトへの誘導のため',
        alsoSettled: [second.id],
      },
    });

    const twice = await resolve(adachi, second.id, { decision: 'dismiss' });
    expect(twice.statusCode).toBe(409);
    expect(errorCode(twice)).toBe('FLAG_NOT_OPEN');
  });

  it('hides a flagged message: the thread shows it as hidden by staff', async () => {
    const { volunteer, id } = await newMatch(t);
    const message = ThreadMessage.parse(
      (
        await post(t, await as(t, officers.senju), `/api/applications/${id}/messages`, { body: 'とても失礼な言葉' })
      ).json(),
    );
    const flagged = FlagView.parse(
      (await flag(volunteer.headers, { targetType: 'message', targetId: message.id, reason: '暴言' })).json(),
    );
    // the municipality's staff read the flagged message in their queue (the flag is the reason); the foundation does not
    expect((await queue(adachi)).items.find((f) => f.id === flagged.id)!.target.text).toBe('とても失礼な言葉');
    expect(
      (await queue(await as(t, demoEmails.foundation))).items.find((f) => f.id === flagged.id)!.target.text,
    ).toBeNull();

    expect((await resolve(adachi, flagged.id, { decision: 'hide' })).statusCode).toBe(200);
    const thread = (await get(t, volunteer.headers, `/api/applications/${id}/messages`)).json();
    expect(thread.items.find((m: { kind: string }) => m.kind === 'message')).toMatchObject({
      id: message.id,
      hidden: true,
      body: null,
    });
  });

  it('dismisses a flag: the item stays, the decision is audited', async () => {
    const request = await insertRequest(t);
    const flagged = FlagView.parse(
      (
        await flag((await createVolunteer(t)).headers, {
          targetType: 'request',
          targetId: request.id,
          reason: '気になる',
        })
      ).json(),
    );
    const res = await resolve(adachi, flagged.id, { decision: 'dismiss', note: '問題なし' });
    expect(res.json()).toMatchObject({ status: 'dismissed', target: { hidden: false } });
    expect((await requestRow(t, request.id)).hiddenAt).toBeNull();
    expect((await auditEntries(t, 'flag.dismiss')).some((e) => e.subjectId === flagged.id)).toBe(true);
  });

  it("refuses decisions outside the staff's own municipality and by everyone else", async () => {
    const request = await insertRequest(t);
    const reporter = await createVolunteer(t);
    const flagged = FlagView.parse(
      (await flag(reporter.headers, { targetType: 'request', targetId: request.id, reason: '要確認' })).json(),
    );
    const before = await rowCounts(t);
    const cases: [string, Record<string, string>, number][] = [
      ["another municipality's staff", await as(t, demoEmails.staffShinjuku), 404],
      ["the request's own officer", await as(t, officers.senju), 404],
      ['the reporter', reporter.headers, 403],
      ['foundation staff (read-only)', await as(t, demoEmails.foundation), 403],
      ['anonymous', {}, 401],
    ];
    for (const [who, headers, status] of cases) {
      const res = await resolve(headers, flagged.id, { decision: 'hide' });
      expect(res.statusCode, who).toBe(status);
    }
    expect((await requestRow(t, request.id)).hiddenAt).toBeNull();
    expect(await rowCounts(t)).toEqual(before);
    expect((await queue(adachi)).items.find((f) => f.id === flagged.id)!.status).toBe('open');
  });
});
