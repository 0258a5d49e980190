import { schema } from '@board/db';
import { MatchDetail, MatchPage } from '@board/shared';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  applied,
  as,
  createDraft,
  createVolunteer,
  get,
  officers,
  post,
  useApiApp,
  useDemoPeople,
} from '../kit/index.ts';
import { in2021, insertMatch, type InsertedMatch } from './scene.ts';

/**
 * The match review's filters, orders and pages over a constructed set of matches in 2021 (no
 * seeded or live data falls in that year), and one match's timeline, walked through the API.
 */

const t = useApiApp();
const { foundation, staffAdachi } = useDemoPeople(t);
const year = 'from=2021-01-01&to=2021-12-31';

const m = {} as Record<'matched' | 'done' | 'confirmed' | 'withdrawn' | 'april', InsertedMatch>;

beforeAll(async () => {
  m.matched = await insertMatch(t, { request: { category: 'it_digital' }, matchedAt: in2021(3, 1) });
  m.done = await insertMatch(t, {
    request: { category: 'design_flyers' },
    matchedAt: in2021(3, 5),
    doneAt: in2021(3, 6),
  });
  m.confirmed = await insertMatch(t, {
    request: { municipalityCode: '13104', category: 'it_digital' },
    matchedAt: in2021(3, 3),
    doneAt: in2021(3, 4),
    confirmedAt: in2021(3, 4, 18),
  });
  m.withdrawn = await insertMatch(t, { matchedAt: in2021(3, 10), withdrawnAt: in2021(3, 11) });
  m.april = await insertMatch(t, { request: { municipalityCode: '13104' }, matchedAt: in2021(4, 1) });
});

async function ids(headers: Record<string, string>, query: string): Promise<string[]> {
  const res = await get(t, headers, `/api/matches?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return MatchPage.parse(res.json()).items.map((item) => item.id);
}

/** Every page of a listing, following nextCursor; the ids in order. */
async function walk(headers: Record<string, string>, query: string): Promise<string[]> {
  const all: string[] = [];
  let cursor: string | null = null;
  do {
    const res = await get(t, headers, `/api/matches?${query}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = MatchPage.parse(res.json());
    expect(page.items.length).toBeLessThanOrEqual(2);
    all.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

describe('listMatches: filters', () => {
  it('says where each match stands and filters by it', async () => {
    const page = MatchPage.parse((await get(t, foundation, `/api/matches?${year}`)).json());
    const statusOf = Object.fromEntries(page.items.map((item) => [item.id, item.status]));
    expect(statusOf).toEqual({
      [m.matched.id]: 'matched',
      [m.done.id]: 'done',
      [m.confirmed.id]: 'confirmed',
      [m.withdrawn.id]: 'withdrawn',
      [m.april.id]: 'matched',
    });
    expect(await ids(foundation, `${year}&status=matched`)).toEqual([m.april.id, m.matched.id]);
    expect(await ids(foundation, `${year}&status=done`)).toEqual([m.done.id]);
    expect(await ids(foundation, `${year}&status=confirmed`)).toEqual([m.confirmed.id]);
    expect(await ids(foundation, `${year}&status=withdrawn`)).toEqual([m.withdrawn.id]);
  });

  it('filters by municipality, category, how it began and matched days (Tokyo, both ends included)', async () => {
    expect(await ids(foundation, `${year}&municipalityCode=13104`)).toEqual([m.april.id, m.confirmed.id]);
    expect(await ids(foundation, `${year}&category=it_digital`)).toEqual([m.confirmed.id, m.matched.id]);
    expect(await ids(foundation, `${year}&origin=board`)).toHaveLength(5);
    expect(await ids(foundation, `${year}&origin=invitation`)).toEqual([]);
    // 3 March 10:00 and 5 March 10:00 Tokyo; 1 March is out, 10 March too
    expect(await ids(foundation, 'from=2021-03-02&to=2021-03-05')).toEqual([m.done.id, m.confirmed.id]);
    expect(await ids(staffAdachi, 'from=2021-03-02&to=2021-03-05')).toEqual([m.done.id]);
  });

  it('refuses a bad filter with the field named, and a cursor of another listing', async () => {
    for (const [query, field] of [
      ['status=lost', 'status'],
      ['category=cooking', 'category'],
      ['origin=magic', 'origin'],
      ['sort=random', 'sort'],
      ['from=2021-03-05&to=2021-03-01', 'to'],
      ['from=2021-02-30', 'from'],
      ['limit=0', 'limit'],
    ]) {
      const res = await get(t, foundation, `/api/matches?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    const first = MatchPage.parse((await get(t, foundation, `/api/matches?${year}&limit=1`)).json());
    const res = await get(t, foundation, `/api/matches?${year}&status=done&cursor=${first.nextCursor}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([{ field: 'cursor', code: 'CURSOR_INVALID' }]);
  });
});

describe('listMatches: orders and pages', () => {
  it('pages every order by keyset: each match once, in order', async () => {
    const newest = [m.april, m.withdrawn, m.done, m.confirmed, m.matched].map((x) => x.id);
    expect(await walk(foundation, year)).toEqual(newest);
    expect(await walk(foundation, `${year}&sort=oldest`)).toEqual([...newest].reverse());
    expect(await walk(foundation, `${year}&sort=municipality`)).toEqual(
      [m.april, m.confirmed, m.withdrawn, m.done, m.matched].map((x) => x.id),
    );
    expect(await walk(staffAdachi, `${year}&sort=municipality`)).toEqual(
      [m.withdrawn, m.done, m.matched].map((x) => x.id),
    );
  });
});

describe('exportMatches: CSV', () => {
  it('is UTF-8 with a BOM, CRLF lines, one row per match with the same filters, formulas defused', async () => {
    const formula = await insertMatch(t, { request: { title: '=HYPERLINK("x")' }, matchedAt: in2021(5, 1) });
    const res = await post(t, foundation, '/api/matches/export', {
      from: '2021-03-01',
      to: '2021-05-31',
      status: 'matched',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="machi-udekiki-matches-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = res.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines[0]).toMatch(/^"マッチID","区市町村コード","町会・自治会","依頼ID","依頼","分野","腕きき","状態"/);
    expect(lines.slice(1).map((line) => line.slice(1, 37))).toEqual([formula.id, m.april.id, m.matched.id]);
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines[3]).toContain('"2021-03-01 10:00"');
    expect(lines[3]).toContain('"it_digital"');

    const english = await post(t, foundation, '/api/matches/export', {
      ...{ from: '2021-03-01', to: '2021-03-01' },
      language: 'en',
    });
    expect(english.body.split('\r\n')[0]).toMatch(/^\uFEFF"Match ID","Municipality code"/);
    const [entry] = (
      await t.database.handle.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'match.export'))
    ).filter((e) => (e.details as { rows?: number }).rows === 3);
    expect(entry).toMatchObject({
      details: { filters: { from: '2021-03-01', to: '2021-05-31', status: 'matched' }, rows: 3 },
    });
  });
});

describe('getMatch: the timeline', () => {
  it('lists every step in order, hands counted, messages counted not read, thanks and the private ratings', async () => {
    const draft = await createDraft(t, { title: 'タイムラインの依頼', slots: 1 });
    const senju = await as(t, officers.senju);
    expect((await post(t, senju, `/api/requests/${draft.id}/submit`, {})).statusCode).toBe(200);
    expect((await post(t, staffAdachi, `/api/requests/${draft.id}/approve`, {})).statusCode).toBe(200);
    const other = await createVolunteer(t);
    const volunteer = await createVolunteer(t, { phone: '090-1111-2222' });
    await applied(t, other.headers, draft.id);
    const id = await applied(t, volunteer.headers, draft.id);
    expect((await post(t, senju, `/api/applications/${id}/accept`, {})).statusCode).toBe(200);
    for (const body of ['はじめまして、秘密の話です', 'よろしくお願いします'])
      expect((await post(t, volunteer.headers, `/api/applications/${id}/messages`, { body })).statusCode).toBe(201);
    expect((await post(t, senju, `/api/applications/${id}/complete`, {})).statusCode).toBe(200);
    expect((await post(t, volunteer.headers, `/api/applications/${id}/confirm`, {})).statusCode).toBe(200);
    const thanks = { note: 'ありがとうございました', rating: { score: 5, comment: '丁寧でした' } };
    expect((await post(t, senju, `/api/applications/${id}/thanks`, thanks)).statusCode).toBeLessThan(300);
    expect(
      (
        await post(t, volunteer.headers, `/api/applications/${id}/thanks`, {
          note: 'また呼んでください',
          rating: { score: 4 },
        })
      ).statusCode,
    ).toBeLessThan(300);

    const res = await get(t, staffAdachi, `/api/matches/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    const match = MatchDetail.parse(res.json());
    expect(match).toMatchObject({
      status: 'confirmed',
      requestStatus: 'completed',
      handCount: 2,
      messageCount: 2,
      origin: 'board',
    });
    expect(match.timeline.map((s) => s.kind)).toEqual([
      'posted',
      'submitted',
      'published',
      'hand',
      'hand',
      'accepted',
      'done',
      'confirmed',
      'request_completed',
      'thanks_to_volunteer',
      'rated_by_association',
      'thanks_to_association',
      'rated_by_volunteer',
    ]);
    expect(match.timeline.filter((s) => s.kind === 'hand').map((s) => s.thisMatch)).toEqual([false, true]);
    expect(match.ratings).toEqual([
      expect.objectContaining({ toVolunteer: true, score: 5, comment: '丁寧でした' }),
      expect.objectContaining({ toVolunteer: false, score: 4, comment: '' }),
    ]);
    expect(match.thanks.map((x) => x.body)).toEqual(['ありがとうございました', 'また呼んでください']);
    // no message text, no contact
    expect(res.body).not.toContain('秘密の話');
    expect(res.body).not.toContain('090-1111-2222');
    expect(res.body).not.toContain(volunteer.email);
  });

  it('gives the seconds between steps and the spans a reviewer compares', async () => {
    const x = await insertMatch(t, {
      matchedAt: in2021(6, 3),
      appliedAt: in2021(6, 2),
      doneAt: in2021(6, 10),
      confirmedAt: in2021(6, 10, 12),
    });
    await t.database.handle.db
      .update(schema.helpRequests)
      .set({ createdAt: in2021(6, 1), publishedAt: in2021(6, 1, 22) })
      .where(eq(schema.helpRequests.id, x.requestId));
    const match = MatchDetail.parse((await get(t, foundation, `/api/matches/${x.id}`)).json());
    const day = 86_400;
    expect(match.timeline.map((s) => [s.kind, s.sincePrevious])).toEqual([
      ['posted', null],
      ['published', day / 2],
      ['hand', day / 2],
      ['accepted', day],
      ['done', 7 * day],
      ['confirmed', day / 12],
    ]);
    expect(match.durations).toEqual({
      postedToPublished: day / 2,
      publishedToFirstHand: day / 2,
      publishedToMatched: 1.5 * day,
      matchedToDone: 7 * day,
      doneToConfirmed: day / 12,
    });
  });
});
