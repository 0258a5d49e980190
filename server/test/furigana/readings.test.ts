import { BoardPage, HelpRequestDetail, rubyBase, rubyReading } from '@board/shared';
import { describe, expect, it } from 'vitest';
import { fillMissingReadings } from '../../src/furigana/backfill.ts';
import { rubyOf } from '../../src/furigana/readings.ts';
import { systemContext } from '../../src/services/context.ts';
import { useApiApp } from '../kit/app.ts';
import { answer, get, post } from '../kit/http.ts';
import { as, demoEmails } from '../kit/people.ts';
import { insertRequest, requestRow, validInput } from '../kit/requests.ts';

const t = useApiApp();

describe('readings over kanji (furigana)', () => {
  it.each([
    ['町会', 'ちょうかい'],
    ['回覧板', 'かいらんばん'],
    ['防災訓練', 'ぼうさいくんれん'],
    ['千住一丁目', 'せんじゅいっちょうめ'],
    ['足立区', 'あだちく'],
  ])('%s is read %s', async (text, reading) => {
    const ruby = (await rubyOf(text))!;
    expect(rubyReading(ruby)).toBe(reading);
    expect(rubyBase(ruby)).toBe(text);
  });

  it('keeps the kana of a word outside its reading, and the text exactly as written', async () => {
    const text = '  お祭りの写真を\n手伝ってください。LINE ＯＫ!  ';
    const ruby = (await rubyOf(text))!;
    expect(rubyBase(ruby)).toBe(text);
    expect(ruby).toContainEqual(['祭', 'まつ']);
    expect(ruby).toContainEqual(['手伝', 'てつだ']);
    expect(ruby).toContainEqual(['写真', 'しゃしん']);
  });

  it('a text without kanji has no readings', async () => {
    expect(await rubyOf('ちらし作り'.slice(0, 3))).toBeNull();
    expect(await rubyOf('Flyer for the summer festival')).toBeNull();
  });

  it('costs tens of milliseconds per long text once the dictionary is loaded (benchmark)', async () => {
    await rubyOf('準備'); // the dictionary loads once per process, on the first text
    const body = '千住一丁目町会の防災訓練を手伝ってください。回覧板でもお知らせします。'.repeat(10);
    const runs = 20;
    const started = performance.now();
    for (let i = 0; i < runs; i++) await rubyOf(body);
    const perText = (performance.now() - started) / runs;
    console.info(`[bench] furigana: ${perText.toFixed(1)} ms per text of ${body.length} characters`);
    expect(perText).toBeLessThan(500);
  });
});

describe('readings in the request payload', () => {
  it('a request carries its title and body with readings, on its page and on the board', async () => {
    const officer = await as(t, demoEmails.officerSenju);
    const input = validInput({ title: '防災訓練の手伝い', body: '回覧板で町会に知らせます。' });
    const created = answer(await post(t, officer, '/api/requests', input), 201, HelpRequestDetail);
    expect(created.title).toBe('防災訓練の手伝い');
    expect(created.titleRuby).toEqual([['防災', 'ぼうさい'], ['訓練', 'くんれん'], 'の', ['手伝', 'てつだ'], 'い']);
    expect(rubyReading(created.bodyRuby!)).toBe('かいらんばんでちょうかいにしらせます。');
    await post(t, officer, `/api/requests/${created.id}/submit`);
    await post(t, await as(t, demoEmails.staffAdachi), `/api/requests/${created.id}/approve`);
    const board = answer(await get(t, {}, '/api/requests?q=ぼうさいくんれん&limit=50'), 200, BoardPage);
    const card = board.items.find((item) => item.id === created.id);
    expect(card?.titleRuby).toEqual(created.titleRuby);
  });
});

describe('readings of texts stored before furigana', () => {
  it('are made once after start: titles, bodies, association names, and their kana search tokens', async () => {
    const stored = await insertRequest(t, {
      title: '回覧板の配布',
      body: '足立区の町会です。',
      status: 'published',
      readings: false,
    });
    expect((await requestRow(t, stored.id)).titleRuby).toBeNull();
    expect(await fillMissingReadings(systemContext(t.app))).toBeGreaterThan(0);
    const row = await requestRow(t, stored.id);
    expect(rubyReading(row.titleRuby!)).toBe('かいらんばんのはいふ');
    expect(rubyReading(row.bodyRuby!)).toBe('あだちくのちょうかいです。');
    expect(row.title).toBe('回覧板の配布');
    const board = answer(await get(t, {}, '/api/requests?q=かいらんばん&limit=50'), 200, BoardPage);
    const card = board.items.find((item) => item.id === stored.id)!;
    expect(rubyReading(card.associationNameRuby!)).toBe('せんじゅいっちょうめちょうかい');
    expect(await fillMissingReadings(systemContext(t.app))).toBe(0);
  });
});
