import { schema } from '@board/db';
import { MunicipalityRequestPage, type RequestStatus } from '@board/shared';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, errorCode, get, insertRequest, post, useApiApp, useDemoPeople } from '../kit/index.ts';
import { in2021 } from './scene.ts';

/** Every request of a municipality for its staff: every state, filters, keyset pages, CSV. */

const t = useApiApp();
const { staffAdachi, foundation } = useDemoPeople(t);
const year = 'from=2021-01-01&to=2021-12-31';
const r: Record<string, string> = {};

async function inserted(
  name: string,
  status: RequestStatus,
  day: number,
  extra: Parameters<typeof insertRequest>[1] = {},
) {
  const request = await insertRequest(t, { status, title: `区の依頼 ${name}`, ...extra });
  await t.database.handle.db
    .update(schema.helpRequests)
    .set({ createdAt: in2021(2, day) })
    .where(eq(schema.helpRequests.id, request.id));
  r[name] = request.id;
}

beforeAll(async () => {
  await inserted('draft', 'draft', 1);
  await inserted('pending', 'pending_review', 2, { category: 'it_digital' });
  await inserted('published', 'published', 3, { category: 'it_digital' });
  await inserted('rejected', 'rejected', 4);
  await inserted('completed', 'completed', 5, { association: 'umeda' });
  await inserted('shinjuku', 'published', 6, { municipalityCode: '13104' });
});

async function list(headers: Record<string, string>, query: string) {
  const res = await get(t, headers, `/api/staff/requests?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return MunicipalityRequestPage.parse(res.json());
}

describe('listMunicipalityRequests', () => {
  it('lists every state of the own municipality, newest posted first, never another municipality', async () => {
    const page = await list(staffAdachi, year);
    expect(page.items.map((item) => item.id)).toEqual(
      ['completed', 'rejected', 'published', 'pending', 'draft'].map((name) => r[name]),
    );
    expect(page.items[0]).toMatchObject({ associationName: '梅田四丁目自治会', status: 'completed', handCount: 0 });
    expect((await list(foundation, year)).items.map((item) => item.id)).toContain(r.shinjuku);
  });

  it('filters by state, category and posted days; pages by keyset in both orders', async () => {
    expect((await list(staffAdachi, `${year}&status=draft`)).items.map((i) => i.id)).toEqual([r.draft]);
    expect((await list(staffAdachi, `${year}&category=it_digital`)).items.map((i) => i.id)).toEqual([
      r.published,
      r.pending,
    ]);
    expect((await list(staffAdachi, 'from=2021-02-02&to=2021-02-03')).items.map((i) => i.id)).toEqual([
      r.published,
      r.pending,
    ]);
    for (const [sort, order] of [
      ['newest', ['completed', 'rejected', 'published', 'pending', 'draft']],
      ['oldest', ['draft', 'pending', 'published', 'rejected', 'completed']],
    ] as const) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await list(staffAdachi, `${year}&sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(order.map((name) => r[name]));
    }
  });

  it('refuses another municipality to its staff (403) and a bad state (400, field named)', async () => {
    expect((await get(t, staffAdachi, '/api/staff/requests?municipalityCode=13104')).statusCode).toBe(403);
    const res = await get(t, staffAdachi, '/api/staff/requests?status=lost');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['status']);
  });

  it('downloads the same list as CSV (BOM, headings in the reader’s language)', async () => {
    const res = await post(t, staffAdachi, '/api/staff/requests/export', {
      from: '2021-01-01',
      to: '2021-12-31',
      language: 'ja-easy',
    });
    expect(res.statusCode).toBe(200);
    const lines = res.body.split('\r\n');
    expect(lines[0]).toMatch(/^\uFEFF"おねがいの ID",/);
    expect(lines.slice(1, -1).map((line) => line.slice(1, 37))).toEqual(
      ['completed', 'rejected', 'published', 'pending', 'draft'].map((name) => r[name]),
    );
    expect(lines[1]).toContain('"区の依頼 completed","other","completed","false","1","0","0","2021-02-05 10:00"');
  });

  it('answers 404 for a code of no municipality (the foundation may ask for any), and logs nothing', async () => {
    const before = await auditEntries(t, 'request.export');
    for (const path of ['/api/staff/requests/export', '/api/matches/export']) {
      const res = await post(t, foundation, path, { municipalityCode: '13768' });
      expect(`${res.statusCode} ${errorCode(res)}`).toBe('404 NOT_FOUND');
    }
    expect(await auditEntries(t, 'request.export')).toEqual(before);
  });
});
