import { schema } from '@board/db';
import { BoardPage, type HelpRequestPublic } from '@board/shared';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { answer, get, insertRequest, type TestApp } from '../kit/index.ts';

/** The board's scene and its oracle: the same rules as the API's, applied in plain code to every row. */

export const day = 86_400_000;
export const base = Date.parse('2031-03-01T12:00:00+09:00');
export const at = (days: number, hours = 0) => new Date(base + days * day + hours * 3_600_000);

/** 42 requests in every state, both municipalities, and one in a municipality that has not joined. */
export async function seedBoard(t: TestApp) {
  const db = t.database.handle.db;
  // an association in a municipality that has not joined (not active): never on the board
  const [island] = await db
    .insert(schema.associations)
    .values({ municipalityCode: '13421', name: '小笠原テスト町会' })
    .returning({ id: schema.associations.id });
  const categories = ['design_flyers', 'photo_video', 'it_digital', 'manual_labour'] as const;
  const skillSets = [['Canva'], ['写真撮影', 'Lightroom'], ['LINE'], [], ['Canva', 'LINE']];
  const statuses = ['published', 'published', 'filled', 'completed', 'draft', 'pending_review', 'withdrawn'] as const;
  const sameMoment = at(-1);
  for (let i = 0; i < 42; i++) {
    const status = statuses[i % statuses.length]!;
    await insertRequest(t, {
      municipalityCode: i % 3 === 0 ? '13104' : '13121',
      title: `掲示板テスト ${i}`,
      status,
      category: categories[i % categories.length]!,
      skills: skillSets[i % skillSets.length]!,
      slots: 1 + (i % 3),
      matchedCount: status === 'filled' ? 1 + (i % 3) : i % 2,
      online: i % 4 === 0,
      startsAt: i % 5 === 0 ? null : at(i % 10, i),
      applicationDeadline: i % 6 === 0 ? null : at((i % 7) - 3),
      // several rows published at the very same moment: the id breaks the tie, also across pages
      publishedAt: i % 8 === 0 ? sameMoment : at(-(i % 11), i),
      hiddenAt: i === 7 || i === 8 ? new Date() : null,
    });
  }
  await insertRequest(t, {
    associationId: island!.id,
    municipalityCode: '13421',
    status: 'published',
    title: '島の依頼',
  });
}

export type Row = typeof schema.helpRequests.$inferSelect;

export async function allRows(t: TestApp): Promise<(Row & { active: boolean })[]> {
  const rows = await t.database.handle.db
    .select({ r: schema.helpRequests, status: schema.municipalities.status })
    .from(schema.helpRequests)
    .innerJoin(schema.municipalities, eq(schema.municipalities.code, schema.helpRequests.municipalityCode));
  return rows.map(({ r, status }) => ({ ...r, active: status === 'active' }));
}

/** Open and filled requests are listed; completed ones stay readable by link but leave the board. */
export const onBoard = (r: Row & { active: boolean }) =>
  ['published', 'filled'].includes(r.status) && r.active && r.hiddenAt === null;
/** The deadline order lists only requests still taking hands by their deadline (or without one). */
export const deadlineAhead = (r: Row) => r.applicationDeadline === null || r.applicationDeadline.getTime() > Date.now();

export const byNewest = (a: Row, b: Row) =>
  b.publishedAt!.getTime() - a.publishedAt!.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
export const byDeadline = (a: Row, b: Row) => {
  const da = a.applicationDeadline?.getTime() ?? Infinity;
  const db = b.applicationDeadline?.getTime() ?? Infinity;
  return da === db ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : da - db;
};

/** Every page of the board for this query string, following nextCursor. */
export async function walk(t: TestApp, query: string, limit = 7): Promise<HelpRequestPublic[]> {
  const items: HelpRequestPublic[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const url = `/api/requests?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
    const res = await get(t, {}, url);
    const page = answer(res, 200, BoardPage);
    expect(page.items.length).toBeLessThanOrEqual(limit);
    items.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) return items;
  }
  throw new Error('too many pages');
}

export const tokyoDayStart = (d: string) => Date.parse(`${d}T00:00:00+09:00`);

export const filters: { name: string; query: string; keep: (r: Row) => boolean }[] = [
  { name: 'no filter', query: '', keep: () => true },
  { name: 'one municipality', query: 'municipalities=13104', keep: (r) => r.municipalityCode === '13104' },
  {
    name: 'several municipalities (comma)',
    query: 'municipalities=13104,13121',
    keep: (r) => ['13104', '13121'].includes(r.municipalityCode),
  },
  {
    name: 'several municipalities (repeated)',
    query: 'municipalities=13104&municipalities=13421',
    keep: (r) => ['13104', '13421'].includes(r.municipalityCode),
  },
  { name: 'category', query: 'category=photo_video', keep: (r) => r.category === 'photo_video' },
  {
    name: 'skills (any of them)',
    query: 'skills=LINE,Lightroom',
    keep: (r) => r.skills.some((s) => ['LINE', 'Lightroom'].includes(s)),
  },
  {
    name: 'date range (starts within, Tokyo days)',
    query: 'from=2031-03-03&to=2031-03-05',
    keep: (r) =>
      r.startsAt !== null &&
      r.startsAt.getTime() >= tokyoDayStart('2031-03-03') &&
      r.startsAt.getTime() < tokyoDayStart('2031-03-06'),
  },
  { name: 'online only', query: 'onlineOnly=1', keep: (r) => r.online },
  {
    name: 'open slots only',
    query: 'openOnly=true',
    keep: (r) => r.status === 'published' && r.matchedCount < r.slots,
  },
  {
    name: 'filters combined',
    query: 'municipalities=13121&category=design_flyers&openOnly=1',
    keep: (r) =>
      r.municipalityCode === '13121' &&
      r.category === 'design_flyers' &&
      r.status === 'published' &&
      r.matchedCount < r.slots,
  },
  {
    name: 'empty form fields mean "not set"',
    query: 'municipalities=&category=&skills=&from=&to=&q=&onlineOnly=&openOnly=',
    keep: () => true,
  },
];
