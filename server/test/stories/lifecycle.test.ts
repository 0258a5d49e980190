import { rubyBase, StoryList, StoryView } from '@board/shared';
import { describe, expect, it } from 'vitest';
import { schema } from '@board/db';
import { and, eq } from 'drizzle-orm';
import {
  answer,
  auditEntries,
  errorCode,
  get,
  mailTo,
  post,
  rowCounts,
  useApiApp,
  useDemoPeople,
} from '../kit/index.ts';
import { storyBody, storyMatch, tinyPng } from './scene.ts';

/**
 * A story's way to the public: the officer writes it about a confirmed match, the volunteer
 * chooses to be named or not, the municipality's staff approve (or send it back). Public only
 * with both the choice and the approval.
 */
const t = useApiApp();
const { senju, staffAdachi: adachi, staffShinjuku: shinjuku, foundation } = useDemoPeople(t);

const isListed = async (id: string) =>
  answer(await get(t, {}, '/api/stories?limit=100'), 200, StoryList).items.some((s) => s.id === id);

describe('stories', () => {
  it('needs both the volunteer’s choice and the approval before it is public', async () => {
    const match = await storyMatch(t);
    const story = answer(await post(t, senju, `/api/applications/${match.id}/story`, storyBody()), 201, StoryView);
    expect(story).toMatchObject({
      status: 'review',
      volunteerConsent: 'pending',
      published: false,
      volunteerName: null,
    });
    expect((await get(t, {}, `/api/stories/${story.id}`)).statusCode).toBe(404);

    // approved, but the volunteer has not chosen: still not public
    answer(await post(t, adachi, `/api/stories/${story.id}/approve`, { decision: 'approve' }), 200, StoryView);
    expect(await isListed(story.id)).toBe(false);
    expect((await get(t, {}, `/api/stories/${story.id}`)).statusCode).toBe(404);
    expect(await auditEntries(t, 'story.approve')).toEqual(
      expect.arrayContaining([expect.objectContaining({ subjectId: story.id })]),
    );

    const anonymous = answer(
      await post(t, match.volunteer, `/api/stories/${story.id}/consent`, { consent: 'anonymous' }),
      200,
      StoryView,
    );
    expect(anonymous).toMatchObject({ published: true, volunteerName: null });
    expect(await isListed(story.id)).toBe(true);
    const shown = answer(await get(t, {}, `/api/stories/${story.id}`), 200, StoryView);
    expect(JSON.stringify(shown)).not.toContain('山田');

    answer(await post(t, match.volunteer, `/api/stories/${story.id}/consent`, { consent: 'named' }), 200, StoryView);
    expect(answer(await get(t, {}, `/api/stories/${story.id}`), 200, StoryView).volunteerName).toBe('山田 花子');
  });

  it('with the choice made first, waits for the approval', async () => {
    const match = await storyMatch(t);
    const story = answer(await post(t, senju, `/api/applications/${match.id}/story`, storyBody()), 201, StoryView);
    answer(await post(t, match.volunteer, `/api/stories/${story.id}/consent`, { consent: 'named' }), 200, StoryView);
    expect(await isListed(story.id)).toBe(false);
    expect((await get(t, {}, `/api/stories/${story.id}`)).statusCode).toBe(404);
  });

  it('carries readings over the kanji of each text, made when written, and none where there is no kanji', async () => {
    const match = await storyMatch(t);
    const story = answer(
      await post(
        t,
        senju,
        `/api/applications/${match.id}/story`,
        storyBody({ whatChanged: 'おまつりに ひとが ふえた。' }),
      ),
      201,
      StoryView,
    );
    expect(story.titleRuby).toContainEqual(['町会', 'ちょうかい']);
    expect(rubyBase(story.titleRuby!)).toBe(story.title);
    expect(story.troubleRuby).toContainEqual(['行事', 'ぎょうじ']);
    expect(rubyBase(story.whatDoneRuby!)).toBe(story.whatDone);
    expect(story.whatChangedRuby).toBeNull();
  });

  it('is sent back with a reason, written again and approved', async () => {
    const match = await storyMatch(t);
    const story = answer(await post(t, senju, `/api/applications/${match.id}/story`, storyBody()), 201, StoryView);
    const noReason = await post(t, adachi, `/api/stories/${story.id}/approve`, { decision: 'send_back' });
    expect(noReason.statusCode).toBe(400);
    const back = answer(
      await post(t, adachi, `/api/stories/${story.id}/approve`, {
        decision: 'send_back',
        reason: '住所が書かれています',
      }),
      200,
      StoryView,
    );
    expect(back).toMatchObject({ status: 'sent_back', sentBackReason: '住所が書かれています' });
    expect(await auditEntries(t, 'story.send_back')).toEqual(
      expect.arrayContaining([expect.objectContaining({ subjectId: story.id })]),
    );
    const again = await post(t, adachi, `/api/stories/${story.id}/approve`, { decision: 'approve' });
    expect(errorCode(again)).toBe('STORY_NOT_IN_REVIEW');
    const mine = answer(await get(t, senju, `/api/applications/${match.id}/story`), 200, StoryView);
    expect(mine.sentBackReason).toBe('住所が書かれています');
    const rewritten = answer(
      await post(t, senju, `/api/applications/${match.id}/story`, storyBody({ title: '書き直した' })),
      201,
      StoryView,
    );
    expect(rewritten).toMatchObject({ id: story.id, status: 'review', title: '書き直した', sentBackReason: null });
    // written again, read again: the readings follow the new title (furigana, issue 13)
    expect(rewritten.titleRuby).toEqual([['書', 'か'], 'き', ['直', 'なお'], 'した']);
    expect(errorCode(await post(t, senju, `/api/applications/${match.id}/story`, storyBody()))).toBe('STORY_EXISTS');
  });

  it('is refused for a match the volunteer has not confirmed, changing nothing', async () => {
    const match = await storyMatch(t, { confirmed: false });
    const before = await rowCounts(t);
    const res = await post(t, senju, `/api/applications/${match.id}/story`, storyBody());
    expect(errorCode(res)).toBe('MATCH_NOT_CONFIRMED');
    expect(await rowCounts(t)).toEqual(before);
  });

  it('cannot be approved by another municipality’s staff', async () => {
    const match = await storyMatch(t);
    const story = answer(await post(t, senju, `/api/applications/${match.id}/story`, storyBody()), 201, StoryView);
    const res = await post(t, shinjuku, `/api/stories/${story.id}/approve`, { decision: 'approve' });
    expect(res.statusCode).toBe(404);
    expect(answer(await get(t, adachi, `/api/stories/${story.id}`), 200, StoryView).status).toBe('review');
  });

  it('keeps a photo only when its bytes are an image, and serves it with its type', async () => {
    const match = await storyMatch(t);
    const fake = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64');
    const refused = await post(
      t,
      senju,
      `/api/applications/${match.id}/story`,
      storyBody({ photo: fake, photoAlt: '図' }),
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual([{ field: 'photo', code: 'PHOTO_TYPE_INVALID' }]);
    const noAlt = await post(t, senju, `/api/applications/${match.id}/story`, storyBody({ photo: tinyPng }));
    expect(noAlt.json().error.fields).toEqual([
      expect.objectContaining({ field: 'photoAlt', code: 'PHOTO_ALT_REQUIRED' }),
    ]);
    const big = Buffer.alloc(1_000_001, 0xff).toString('base64');
    const tooBig = await post(
      t,
      senju,
      `/api/applications/${match.id}/story`,
      storyBody({ photo: big, photoAlt: '大' }),
    );
    expect(tooBig.statusCode).toBe(400);

    const story = answer(
      await post(t, senju, `/api/applications/${match.id}/story`, storyBody({ photo: tinyPng, photoAlt: '集合写真' })),
      201,
      StoryView,
    );
    expect(story).toMatchObject({ hasPhoto: true, photoAlt: '集合写真' });
    expect((await get(t, {}, `/api/stories/${story.id}/photo`)).statusCode).toBe(404);
    const photo = await get(t, senju, `/api/stories/${story.id}/photo`);
    expect(photo.headers['content-type']).toBe('image/png');
    // an uploaded file is never read as anything but its declared type, nor kept by a shared cache
    expect(photo.headers['x-content-type-options']).toBe('nosniff');
    expect(photo.headers['cache-control']).toBe('private, max-age=300');
    expect(photo.rawPayload.equals(Buffer.from(tinyPng, 'base64'))).toBe(true);
  });

  it('is featured on the home page by the foundation, once public; audit-logged', async () => {
    const match = await storyMatch(t);
    const story = answer(await post(t, senju, `/api/applications/${match.id}/story`, storyBody()), 201, StoryView);
    const early = await post(t, foundation, `/api/stories/${story.id}/feature`, { featured: true });
    expect(errorCode(early)).toBe('STORY_NOT_PUBLISHED');
    await post(t, adachi, `/api/stories/${story.id}/approve`, { decision: 'approve' });
    await post(t, match.volunteer, `/api/stories/${story.id}/consent`, { consent: 'anonymous' });
    expect((await post(t, adachi, `/api/stories/${story.id}/feature`, { featured: true })).statusCode).toBe(403);
    answer(await post(t, foundation, `/api/stories/${story.id}/feature`, { featured: true }), 200, StoryView);
    const featured = answer(await get(t, {}, '/api/stories?featured=true'), 200, StoryList);
    expect(featured.items.map((s) => s.id)).toContain(story.id);
    expect(await auditEntries(t, 'story.feature')).toEqual(
      expect.arrayContaining([expect.objectContaining({ subjectId: story.id })]),
    );
  });

  it('asks the volunteer for their choice once it is written: in-app and by mail, with the story’s page', async () => {
    const match = await storyMatch(t);
    const story = answer(await post(t, senju, `/api/applications/${match.id}/story`, storyBody()), 201, StoryView);
    const db = t.database.handle.db;
    const asked = await db
      .select()
      .from(schema.notifications)
      .where(
        and(eq(schema.notifications.recipientId, match.volunteerId), eq(schema.notifications.kind, 'storyConsent')),
      );
    expect(asked).toEqual([
      expect.objectContaining({ applicationId: match.id, link: `/matches/${match.id}/story`, readAt: null }),
    ]);
    expect(asked[0]!.params).toEqual({ requestTitle: story.title });
    const [volunteer] = await db.select().from(schema.users).where(eq(schema.users.id, match.volunteerId));
    const mail = await mailTo(t, volunteer!.email!, /お名前の出し方/);
    expect(mail.text).toContain(`/matches/${match.id}/story`);
    expect(mail.headers?.['List-Unsubscribe']).toMatch(/unsubscribe/);
  });
});
