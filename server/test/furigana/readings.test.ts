import { schema } from '@board/db';
import { BoardPage, HelpRequestDetail, rubyBase, rubyReading, StoryView } from '@board/shared';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { fillMissingReadings } from '../../src/furigana/backfill.ts';
import { rubyOf } from '../../src/furigana/readings.ts';
import { systemContext } from '../../src/services/context.ts';
import { useApiApp } from '../kit/app.ts';
import { applicationRow, matched } from '../kit/applications.ts';
import { answer, get, post } from '../kit/http.ts';
import { as, createVolunteer, demoEmails, officers } from '../kit/people.ts';
import { insertRequest, requestRow, validInput } from '../kit/requests.ts';
import { storyBody, storyMatch } from '../stories/scene.ts';

const t = useApiApp();

/** A message row written straight into the database, as one sent before migration 0035 (no readings). */
async function storedMessage(applicationId: string, body: string): Promise<string> {
  const match = await applicationRow(t, applicationId);
  const [row] = await t.database.handle.db
    .insert(schema.messages)
    .values({
      applicationId,
      municipalityCode: match.municipalityCode,
      associationId: match.associationId,
      volunteerId: match.volunteerId,
      senderId: match.volunteerId,
      body,
      bodyRuby: null,
    })
    .returning({ id: schema.messages.id });
  return row!.id;
}

async function messageRuby(id: string) {
  const [row] = await t.database.handle.db
    .select({ bodyRuby: schema.messages.bodyRuby })
    .from(schema.messages)
    .where(eq(schema.messages.id, id));
  return row!.bodyRuby;
}

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

/** A story as stored before migration 0036: written through the API, its readings then taken away. */
async function storyWrittenBefore(): Promise<string> {
  const match = await storyMatch(t);
  const story = answer(
    await post(t, await as(t, demoEmails.officerSenju), `/api/applications/${match.id}/story`, storyBody()),
    201,
    StoryView,
  );
  await t.database.handle.db
    .update(schema.stories)
    .set({ titleRuby: null, troubleRuby: null, whatDoneRuby: null, whatChangedRuby: null })
    .where(eq(schema.stories.id, story.id));
  return story.id;
}

describe('readings of texts stored before furigana', () => {
  it('are made once after start: titles, bodies, association names, messages, stories, and their kana search tokens', async () => {
    const stored = await insertRequest(t, {
      title: '回覧板の配布',
      body: '足立区の町会です。',
      status: 'published',
      readings: false,
    });
    expect((await requestRow(t, stored.id)).titleRuby).toBeNull();
    const match = await matched(t, await createVolunteer(t), (await insertRequest(t)).id, officers.senju);
    const sentBefore = await storedMessage(match, '回覧板は町会の掲示板にも貼ります。');
    const kanaOnly = await storedMessage(match, 'よろしくおねがいします');
    expect(await messageRuby(sentBefore)).toBeNull();
    const story = await storyWrittenBefore();
    expect(await fillMissingReadings(systemContext(t.app))).toBeGreaterThan(0);
    const row = await requestRow(t, stored.id);
    expect(rubyReading(row.titleRuby!)).toBe('かいらんばんのはいふ');
    expect(rubyReading(row.bodyRuby!)).toBe('あだちくのちょうかいです。');
    expect(row.title).toBe('回覧板の配布');
    const board = answer(await get(t, {}, '/api/requests?q=かいらんばん&limit=50'), 200, BoardPage);
    const card = board.items.find((item) => item.id === stored.id)!;
    expect(rubyReading(card.associationNameRuby!)).toBe('せんじゅいっちょうめちょうかい');
    const message = (await messageRuby(sentBefore))!;
    expect(rubyBase(message)).toBe('回覧板は町会の掲示板にも貼ります。');
    expect(rubyReading(message)).toBe('かいらんばんはちょうかいのけいじばんにもはります。');
    expect(message).toContainEqual(['町会', 'ちょうかい']);
    const [storyRow] = await t.database.handle.db.select().from(schema.stories).where(eq(schema.stories.id, story));
    expect(storyRow!.titleRuby).toContainEqual(['町会', 'ちょうかい']);
    expect(rubyBase(storyRow!.whatDoneRuby!)).toBe(storyRow!.whatDone);
    // kana only: nothing to read, and not picked again (the second run below finds nothing)
    expect(await messageRuby(kanaOnly)).toBeNull();
    expect(await fillMissingReadings(systemContext(t.app))).toBe(0);
    expect(await messageRuby(kanaOnly)).toBeNull();
  });
});
