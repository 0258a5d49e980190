import { StoryList, StoryView } from '@board/shared';
import { describe, expect, it } from 'vitest';
import { answer, atomFeed, get, post, useApiApp, useDemoPeople } from '../kit/index.ts';
import { storyBody, storyMatch } from './scene.ts';

/** The public list (filters, pages) and the Atom feed of stories: public stories only, well-formed. */
const t = useApiApp();
const { senju, officerOkubo: okubo, staffAdachi: adachi, staffShinjuku: shinjuku } = useDemoPeople(t);

async function publicStory(code: '13121' | '13104', title: string) {
  const match = await storyMatch(t, { municipalityCode: code });
  const [writer, staff] = code === '13121' ? [senju, adachi] : [okubo, shinjuku];
  const story = answer(
    await post(t, writer, `/api/applications/${match.id}/story`, storyBody({ title })),
    201,
    StoryView,
  );
  await post(t, staff, `/api/stories/${story.id}/approve`, { decision: 'approve' });
  await post(t, match.volunteer, `/api/stories/${story.id}/consent`, { consent: 'named' });
  return story.id;
}

describe('public stories', () => {
  it('filter by municipality and category, page by cursor, and leave out stories not yet public', async () => {
    const adachiStory = await publicStory('13121', '足立の話');
    const shinjukuStory = await publicStory('13104', '新宿の話');
    const hidden = await storyMatch(t);
    await post(t, senju, `/api/applications/${hidden.id}/story`, storyBody({ title: 'まだ審査中' }));

    const inAdachi = answer(
      await get(t, {}, '/api/stories?municipalityCode=13121&category=it_digital'),
      200,
      StoryList,
    );
    expect(inAdachi.items.map((s) => s.id)).toEqual([adachiStory]);
    const none = answer(await get(t, {}, '/api/stories?category=photo_video'), 200, StoryList);
    expect(none.items).toEqual([]);

    const first = answer(await get(t, {}, '/api/stories?limit=1'), 200, StoryList);
    expect(first.items.map((s) => s.id)).toEqual([shinjukuStory]);
    const second = answer(await get(t, {}, `/api/stories?limit=1&cursor=${first.nextCursor}`), 200, StoryList);
    expect(second.items.map((s) => s.id)).toEqual([adachiStory]);
    expect(second.nextCursor).toBeNull();
    expect((await get(t, {}, '/api/stories?cursor=nonsense')).statusCode).toBe(400);
    expect((await get(t, {}, '/api/stories?municipalityCode=99999')).statusCode).toBe(400);
  });

  it('are an Atom 1.0 feed that parses, one entry per public story, linking to its page', async () => {
    const id = await publicStory('13121', '<b>太字</b> & ]]> の話');
    const res = await get(t, {}, '/api/stories/feed.atom');
    const feed = atomFeed(res);
    expect(feed.id).toBe('http://localhost:0/stories/feed.xml');
    const entries = feed.entry as {
      id: string;
      title: string;
      link: { '@href': string }[];
      category: { '@term': string }[];
    }[];
    const listed = answer(await get(t, {}, '/api/stories?limit=100'), 200, StoryList);
    expect(entries.map((e) => e.id)).toEqual(listed.items.map((s) => `urn:uuid:${s.id}`));
    const entry = entries.find((e) => e.id === `urn:uuid:${id}`)!;
    expect(entry.link[0]!['@href']).toBe(`http://localhost:0/stories/${id}`);
    expect(entry.category[0]!['@term']).toBe('it_digital');
    // plain text, escaped inside the html-typed title: shown as typed, never as markup
    expect(JSON.stringify(entry.title)).toContain('&lt;b&gt;太字&lt;/b&gt;');
    expect(res.body).not.toContain('まだ審査中');
  });
});
