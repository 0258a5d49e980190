import { schema, type Database } from '@board/db';
import { BoardPage, BoardQuery, documentTokens, ErrorBody, type Category, type RequestStatus } from '@board/shared';
import { startTestApp } from '@board/tests/harness/test-app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRequests } from '../../src/modules/help-requests/board.ts';
import { openPgliteDemo } from './pglite-demo.ts';

/**
 * The board for a volunteer who reads English or やさしい日本語 (issue 15), the same on both
 * engines: only requests still taking hands when asked (`openOnly`, what the web board sends
 * unless "show full ones too" is ticked), the language filter, English words and kana readings
 * finding Japanese requests, and the total across pages. On PostgreSQL through the API, on
 * PGlite through the service function the route calls.
 */

/** A municipality of the demo with no demo requests: the totals count only this file's rows. */
const code = '13101';

interface Row {
  title: string;
  body?: string;
  category?: Category;
  languages?: string[];
  status?: RequestStatus;
  slots?: number;
  matchedCount?: number;
}

const rows = {
  photo: {
    title: '防災訓練の記録係',
    body: '当日の様子を残してください。',
    category: 'photo_video',
    languages: ['ja', 'en'],
  },
  festivalPhotos: { title: '夏祭りの写真', languages: ['ja', 'ja-easy'] },
  flyerFull: {
    title: '秋祭りのチラシ作り',
    category: 'design_flyers',
    status: 'filled',
    slots: 1,
    matchedCount: 1,
    languages: ['ja', 'en'],
  },
  // published, but every slot is taken (the last hand was accepted a moment ago)
  liftingTaken: { title: '備品の運搬', body: '倉庫から集会所へ。', slots: 2, matchedCount: 2 },
  liftingOpen: { title: '防災倉庫の整理', body: '古い備品の運び出しがあります。', category: 'manual_labour', slots: 3 },
  accounts: { title: '町会の帳簿づけ', body: '会計の引き継ぎを手伝ってください。', languages: ['ja', 'ja-easy', 'en'] },
  website: { title: 'ホームページの更新', category: 'it_digital' },
  translation: { title: 'お知らせを英語に', body: 'やさしい日本語の版も作ります。', category: 'translation' },
} satisfies Record<string, Row>;
type Key = keyof typeof rows;

const cases: { query: string; finds: Key[] }[] = [
  // what the web board sends by default: still taking hands only
  { query: 'openOnly=1', finds: ['photo', 'festivalPhotos', 'liftingOpen', 'accounts', 'website', 'translation'] },
  // and with "show full ones too": every listed request (backward compatible: no flag lists them all)
  {
    query: '',
    finds: [
      'photo',
      'festivalPhotos',
      'flyerFull',
      'liftingTaken',
      'liftingOpen',
      'accounts',
      'website',
      'translation',
    ],
  },
  { query: 'languages=en', finds: ['photo', 'flyerFull', 'accounts'] },
  { query: 'languages=en&openOnly=1', finds: ['photo', 'accounts'] },
  { query: 'languages=ja-easy', finds: ['festivalPhotos', 'accounts'] },
  { query: 'languages=en,ja-easy', finds: ['photo', 'festivalPhotos', 'flyerFull', 'accounts'] },
  { query: 'languages=en&languages=ja-easy', finds: ['photo', 'festivalPhotos', 'flyerFull', 'accounts'] },
  { query: 'languages=vi', finds: [] },
  // English words: by category (photo) and by the Japanese words (写真)
  { query: 'q=photo', finds: ['photo', 'festivalPhotos'] },
  { query: 'q=Photos', finds: ['photo', 'festivalPhotos'] },
  { query: 'q=photo&languages=en', finds: ['photo'] },
  { query: 'q=flyer', finds: ['flyerFull'] },
  { query: 'q=flyer&openOnly=1', finds: [] },
  { query: 'q=heavy%20lifting', finds: ['liftingTaken', 'liftingOpen'] },
  { query: 'q=heavy%20lifting&openOnly=1', finds: ['liftingOpen'] },
  { query: 'q=accounting', finds: ['accounts'] },
  { query: 'q=website', finds: ['website'] },
  { query: 'q=translation', finds: ['translation'] },
  { query: 'q=english', finds: ['translation'] },
  // every word must still match
  { query: 'q=festival%20photo', finds: ['festivalPhotos'] },
  // kana readings
  { query: `q=${encodeURIComponent('しゃしん')}`, finds: ['photo', 'festivalPhotos'] },
  // the Japanese words as before
  { query: `q=${encodeURIComponent('写真')}`, finds: ['festivalPhotos'] },
  { query: `q=${encodeURIComponent('備品')}`, finds: ['liftingTaken', 'liftingOpen'] },
];

/** A page of the board, or the fields the engine refused (`field:code`). */
type Answer = { page: BoardPage } | { refused: string[] };

interface Engine {
  name: string;
  open(): Promise<{ db: Database; ask(query: string): Promise<Answer>; close(): Promise<void> }>;
}

const engines: Engine[] = [
  {
    name: 'PostgreSQL (through the API)',
    async open() {
      const t = await startTestApp({ demo: true });
      return {
        db: t.database.handle.db,
        async ask(query) {
          const res = await t.app.inject({ method: 'GET', url: `/api/requests?${query}` });
          if (res.statusCode === 200) return { page: BoardPage.parse(res.json()) };
          const { error } = ErrorBody.parse(res.json());
          expect([res.statusCode, error.code]).toEqual([400, 'VALIDATION_FAILED']);
          return { refused: (error.fields ?? []).map((f) => `${f.field.split('.')[0]}:${f.code}`) };
        },
        close: () => t.close(),
      };
    },
  },
  {
    name: 'PGlite (through the service function)',
    async open() {
      const { handle, as } = await openPgliteDemo('the board sends no mail');
      const anonymous = as(null);
      return {
        db: handle.db,
        async ask(query) {
          // the query string as Fastify hands it over: a repeated name becomes a list
          const params = new URLSearchParams(query);
          const input = Object.fromEntries(
            [...new Set(params.keys())].map((k) => [
              k,
              params.getAll(k).length === 1 ? params.get(k) : params.getAll(k),
            ]),
          );
          const parsed = BoardQuery.safeParse(input);
          if (!parsed.success) return { refused: parsed.error.issues.map((i) => `${String(i.path[0])}:${i.message}`) };
          return { page: await listRequests(anonymous, parsed.data) };
        },
        close: () => handle.close(),
      };
    },
  },
];

async function insert(db: Database, associationId: string, row: Row): Promise<string> {
  const body = row.body ?? 'よろしくお願いします。';
  const status = row.status ?? 'published';
  const [inserted] = await db
    .insert(schema.helpRequests)
    .values({
      municipalityCode: code,
      associationId,
      title: row.title,
      body,
      category: row.category ?? 'other',
      slots: row.slots ?? 1,
      matchedCount: row.matchedCount ?? 0,
      whenKind: 'flexible',
      languages: row.languages ?? ['ja'],
      status,
      searchTokens: documentTokens(row.title, body),
      publishedAt: new Date(),
    })
    .returning({ id: schema.helpRequests.id });
  return inserted!.id;
}

describe.each(engines)('the board on $name', (engine) => {
  let board: Awaited<ReturnType<Engine['open']>> & { list(query: string): Promise<BoardPage> };
  const ids = {} as Record<Key, string>;
  beforeAll(async () => {
    const opened = await engine.open();
    board = {
      ...opened,
      async list(query) {
        const answer = await opened.ask(query);
        if (!('page' in answer)) throw new Error(`refused ${query}: ${answer.refused.join(', ')}`);
        return answer.page;
      },
    };
    const [association] = await board.db
      .insert(schema.associations)
      .values({ municipalityCode: code, name: '神田テスト町会' })
      .returning({ id: schema.associations.id });
    for (const key of Object.keys(rows) as Key[]) ids[key] = await insert(board.db, association!.id, rows[key]);
  }, 120_000);
  afterAll(() => board.close());

  it.each(cases)('$query', async ({ query, finds }) => {
    const page = await board.list(`municipalities=${code}&limit=50${query ? `&${query}` : ''}`);
    const byId = new Map(Object.entries(ids).map(([key, id]) => [id, key]));
    expect(page.items.map((item) => byId.get(item.id)).sort()).toEqual([...finds].sort());
    // the count says the same as the list
    expect(page.total).toBe(finds.length);
    expect(page.more).toBe(false);
  });

  it('counts every page together, not the page shown', async () => {
    const first = await board.list(`municipalities=${code}&openOnly=1&limit=2`);
    expect(first.items).toHaveLength(2);
    expect(first.total).toBe(6);
    const second = await board.list(`municipalities=${code}&openOnly=1&limit=2&cursor=${first.nextCursor}`);
    expect(second.total).toBe(6);
  });

  it('refuses a language that is no language code, and too many of them', async () => {
    expect(await board.ask('languages=English!')).toEqual({ refused: ['languages:LANGUAGE_INVALID'] });
    const eleven = Array.from({ length: 11 }, (_, i) => `x${String.fromCharCode(97 + i)}`).join(',');
    expect(await board.ask(`languages=${eleven}`)).toEqual({ refused: ['languages:TOO_MANY'] });
  });
});
