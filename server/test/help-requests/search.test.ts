import { rowsOf, schema, type Database } from '@board/db';
import { BoardPage, BoardQuery, CreateHelpRequestBody, type Actor, type RoleGrant } from '@board/shared';
import { startTestApp, type TestApp } from '@board/tests/harness/test-app';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrayParameter } from '../../src/database/array-parameter.ts';
import { listRequests } from '../../src/modules/help-requests/board.ts';
import { createRequest, submitRequest } from '../../src/modules/help-requests/service.ts';
import { answer, as, demoEmails, get, post, validInput } from '../kit/index.ts';
import { openPgliteDemo } from './pglite-demo.ts';

/**
 * Japanese search over title and body, the same on both engines: on PostgreSQL through the API,
 * on PGlite through the service and repository functions the routes call.
 */

/** Requests made for the search cases; the key names each one in the expectations. */
const documents = {
  hiraganaFlyer: { title: 'ちらし作りのお手伝い', body: '秋祭りの案内を作ります。' },
  katakanaFlyer: { title: 'チラシ配り', body: '町内にポスティングします。' },
  fullWidthLine: { title: '町会のＬＩＮＥ公式アカウント', body: '設定をお願いします。' },
  halfWidthLine: { title: '連絡網づくり', body: 'LINEで回覧板を送りたい。' },
  drillPhotos: { title: '防災訓練の写真', body: '当日は庭の手入れも少しあります。' },
  disasterFlyer: { title: '防災チラシの作成', body: '避難場所の地図を入れます。' },
  // no photo word in its text: only its category says what it is
  flowerBedRecord: { title: '花壇の記録', body: '春の花壇を残したい。', category: 'photo_video' },
} as const;
type Key = keyof typeof documents;

const cases: { q: string; finds: Key[]; not: Key[] }[] = [
  { q: 'チラシ', finds: ['hiraganaFlyer', 'katakanaFlyer', 'disasterFlyer'], not: ['drillPhotos', 'fullWidthLine'] },
  { q: 'ちらし', finds: ['hiraganaFlyer', 'katakanaFlyer', 'disasterFlyer'], not: ['drillPhotos'] },
  { q: 'ﾁﾗｼ', finds: ['hiraganaFlyer', 'katakanaFlyer', 'disasterFlyer'], not: ['halfWidthLine'] },
  { q: 'ＬＩＮＥ', finds: ['fullWidthLine', 'halfWidthLine'], not: ['katakanaFlyer'] },
  { q: 'LINE', finds: ['fullWidthLine', 'halfWidthLine'], not: ['drillPhotos'] },
  { q: 'line', finds: ['fullWidthLine', 'halfWidthLine'], not: ['drillPhotos'] },
  { q: '写真', finds: ['drillPhotos'], not: ['hiraganaFlyer', 'disasterFlyer'] },
  { q: '防災', finds: ['drillPhotos', 'disasterFlyer'], not: ['katakanaFlyer'] },
  { q: '庭', finds: ['drillPhotos'], not: ['disasterFlyer', 'fullWidthLine'] },
  // every word must match
  { q: 'チラシ 防災', finds: ['disasterFlyer'], not: ['katakanaFlyer', 'hiraganaFlyer', 'drillPhotos'] },
  { q: '防災　写真', finds: ['drillPhotos'], not: ['disasterFlyer'] },
  // the body counts too
  { q: '回覧板', finds: ['halfWidthLine'], not: ['fullWidthLine'] },
  { q: '避難場所', finds: ['disasterFlyer'], not: ['drillPhotos'] },
  // kana finds kanji by its reading (issue 13: readings made by the analyser when written)
  { q: 'ぼうさい', finds: ['drillPhotos', 'disasterFlyer'], not: ['katakanaFlyer', 'halfWidthLine'] },
  { q: 'ボウサイ', finds: ['drillPhotos', 'disasterFlyer'], not: ['katakanaFlyer'] },
  { q: 'ぼうさいくんれん', finds: ['drillPhotos'], not: ['disasterFlyer'] },
  { q: 'ちょうかい', finds: ['fullWidthLine'], not: ['drillPhotos', 'halfWidthLine'] },
  { q: 'かいらんばん', finds: ['halfWidthLine'], not: ['fullWidthLine', 'drillPhotos'] },
  { q: 'しゃしん ぼうさい', finds: ['drillPhotos'], not: ['disasterFlyer'] },
  { q: 'にわ', finds: ['drillPhotos'], not: ['disasterFlyer'] },
  // a word that names a category finds that category's requests, whatever their text says
  { q: 'しゃしん', finds: ['drillPhotos', 'flowerBedRecord'], not: ['disasterFlyer', 'katakanaFlyer'] },
  // a word that appears nowhere in these
  {
    q: '会計帳簿',
    finds: [],
    not: [
      'hiraganaFlyer',
      'katakanaFlyer',
      'fullWidthLine',
      'halfWidthLine',
      'drillPhotos',
      'disasterFlyer',
      'flowerBedRecord',
    ],
  },
];

interface Engine {
  name: string;
  open(): Promise<{
    create(key: Key): Promise<string>;
    /** the board's ids for `q`, within one municipality when one is named */
    search(q: string, municipality?: string): Promise<string[]>;
    /** the request's category changed in the database, as any writer would change it */
    recategorise(key: Key, category: string): Promise<void>;
    /** these values sent as one array parameter (how the board sends its words), read back */
    echo(values: string[]): Promise<string[]>;
    close(): Promise<void>;
  }>;
}

async function actorOf(db: Database, email: string): Promise<Actor> {
  const [user] = await db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, email));
  const roles = await db
    .select({
      role: schema.roleAssignments.role,
      municipalityCode: schema.roleAssignments.municipalityCode,
      associationId: schema.roleAssignments.associationId,
    })
    .from(schema.roleAssignments)
    .where(eq(schema.roleAssignments.userId, user!.id));
  return { userId: user!.id, roles: roles as RoleGrant[] };
}

async function recategorise(db: Database, id: string, category: string): Promise<void> {
  await db.execute(sql`update help_requests set category = ${category}::category where id = ${id}`);
}

async function echo(db: Database, values: string[]): Promise<string[]> {
  const [row] = rowsOf<{ v: string[] }>(await db.execute(sql`select ${arrayParameter(values)}::text[] as v`));
  return row!.v;
}

const engines: Engine[] = [
  {
    name: 'PostgreSQL (through the API)',
    async open() {
      const t: TestApp = await startTestApp({ demo: true });
      await t.database.handle.db
        .update(schema.municipalities)
        .set({ moderationRequired: false })
        .where(eq(schema.municipalities.code, '13121'));
      const headers = await as(t, demoEmails.officerSenju);
      return {
        async create(key) {
          const res = await post(t, headers, '/api/requests', validInput(documents[key]));
          const id = res.json().id as string;
          const submitted = await post(t, headers, `/api/requests/${id}/submit`);
          expect(submitted.json().status).toBe('published');
          return id;
        },
        async search(q, municipality) {
          const place = municipality ? `&municipalities=${municipality}` : '';
          const res = await get(t, {}, `/api/requests?limit=50&q=${encodeURIComponent(q)}${place}`);
          return answer(res, 200, BoardPage).items.map((i) => i.id);
        },
        recategorise: (key, category) => recategorise(t.database.handle.db, ids[key], category),
        echo: (values) => echo(t.database.handle.db, values),
        close: () => t.close(),
      };
    },
  },
  {
    name: 'PGlite (through the service functions)',
    async open() {
      const { handle, as } = await openPgliteDemo('publishing without moderation sends no mail');
      await handle.db
        .update(schema.municipalities)
        .set({ moderationRequired: false })
        .where(eq(schema.municipalities.code, '13121'));
      const officer = await actorOf(handle.db, demoEmails.officerSenju);
      return {
        async create(key) {
          const input = CreateHelpRequestBody.parse(validInput(documents[key]));
          const draft = await createRequest(as(officer), input);
          expect((await submitRequest(as(officer), draft.id)).status).toBe('published');
          return draft.id;
        },
        async search(q, municipality) {
          const page = await listRequests(as(null), BoardQuery.parse({ q, limit: '50', municipalities: municipality }));
          return page.items.map((i) => i.id);
        },
        recategorise: (key, category) => recategorise(handle.db, ids[key], category),
        echo: (values) => echo(handle.db, values),
        close: () => handle.close(),
      };
    },
  },
];

const ids = {} as Record<Key, string>;

describe.each(engines)('search on $name', (engine) => {
  let db: Awaited<ReturnType<Engine['open']>>;
  beforeAll(async () => {
    db = await engine.open();
    for (const key of Object.keys(documents) as Key[]) ids[key] = await db.create(key);
  }, 120_000);
  afterAll(() => db.close());

  it.each(cases)('"$q"', async ({ q, finds, not }) => {
    const found = await db.search(q);
    for (const key of finds) expect(found, `${q} should find ${key}`).toContain(ids[key]);
    for (const key of not) expect(found, `${q} should not find ${key}`).not.toContain(ids[key]);
  });

  // one municipality: the search asks the index that also holds the municipality (issue 14)
  it.each(cases.filter((c) => c.finds.length > 0))('"$q" within one municipality', async ({ q, finds }) => {
    const inAdachi = await db.search(q, '13121');
    for (const key of finds) expect(inAdachi, `${q} in 13121 should find ${key}`).toContain(ids[key]);
    expect(inAdachi).toEqual((await db.search(q)).filter((id) => inAdachi.includes(id)));
    const elsewhere = await db.search(q, '13104');
    for (const key of finds) expect(elsewhere, `${q} in 13104 should not find ${key}`).not.toContain(ids[key]);
  });

  it('sends words whole, whatever signs they hold', async () => {
    const values = ['a,b', '{c}', 'say "hi"', 'back\\slash', 'line\nbreak', 'NULL', '', '町会　ﾁﾗｼ'];
    expect(await db.echo(values)).toEqual(values);
    expect(await db.echo([])).toEqual([]);
  });

  it('a query with nothing searchable in it filters nothing', async () => {
    const all = await db.search('');
    expect(await db.search('！？・')).toEqual(all);
  });

  // the database keeps a request's category token (migration 0043) whatever writes the row
  it('a category word follows the request when its category changes', async () => {
    await db.recategorise('flowerBedRecord', 'other');
    expect(await db.search('しゃしん', '13121')).not.toContain(ids.flowerBedRecord);
    expect(await db.search('しゃしん')).not.toContain(ids.flowerBedRecord);
    await db.recategorise('flowerBedRecord', 'photo_video');
    expect(await db.search('しゃしん', '13121')).toContain(ids.flowerBedRecord);
  });
});
