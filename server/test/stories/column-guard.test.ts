import { anonymousAccess, schema, withAccess, type AccessContext } from '@board/db';
import { StoryView } from '@board/shared';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { answer, demoEmails, post, useApiApp, useDemoPeople, userIdOf } from '../kit/index.ts';
import { storyBody, storyMatch } from './scene.ts';

/**
 * The database itself keeps each side to its own part of a story (migration
 * stories_column_guard), whatever the service layer does: straight SQL as `board_app` with a
 * person's claims, the volunteer only chooses, the officer only writes a sent-back story again,
 * staff only decide, the foundation only features.
 */
const t = useApiApp();
const { senju } = useDemoPeople(t);
const { stories } = schema;
type StoryColumns = Partial<typeof stories.$inferInsert>;

/** A story in review about a fresh confirmed match, and the claims of each person around it. */
async function storyInReview() {
  const match = await storyMatch(t);
  const story = answer(await post(t, senju, `/api/applications/${match.id}/story`, storyBody()), 201, StoryView);
  const [row] = await t.database.handle.db.select().from(stories).where(eq(stories.id, story.id));
  const as = (claims: Partial<AccessContext>): AccessContext => ({ ...anonymousAccess, ...claims });
  return {
    id: story.id,
    row: row!,
    volunteer: as({ userId: match.volunteerId }),
    officer: as({ userId: row!.authorId, officerAssociations: [row!.associationId] }),
    staff: as({ userId: await userIdOf(t, demoEmails.staffAdachi), staffMunicipalities: [row!.municipalityCode] }),
    foundation: as({ userId: await userIdOf(t, demoEmails.foundation), foundation: true }),
  };
}

/** Updates the story with plain SQL under these claims: the PostgreSQL error code when refused, else 'ok'. */
async function update(who: AccessContext, id: string, set: StoryColumns): Promise<string> {
  try {
    await withAccess(t.database.handle.db, who, (tx) => tx.update(stories).set(set).where(eq(stories.id, id)));
    return 'ok';
  } catch (err) {
    const { cause } = err as { cause?: { code?: string } };
    return cause?.code ?? (err as { code?: string }).code ?? String(err);
  }
}

const approval = (by: string): StoryColumns => ({ status: 'approved', decidedBy: by, approvedAt: new Date() });
const refused = '42501';

describe('who may change which part of a story, in SQL as board_app', () => {
  it('a volunteer cannot approve their own story, nor rewrite or feature it; their choice goes through', async () => {
    const s = await storyInReview();
    expect(await update(s.volunteer, s.id, approval(s.volunteer.userId!))).toBe(refused);
    expect(await update(s.volunteer, s.id, { status: 'approved' })).toBe(refused);
    expect(await update(s.volunteer, s.id, { title: '書き換え' })).toBe(refused);
    expect(await update(s.volunteer, s.id, { featuredAt: new Date() })).toBe(refused);
    const [unchanged] = await t.database.handle.db.select().from(stories).where(eq(stories.id, s.id));
    expect(unchanged).toMatchObject({ status: 'review', title: s.row.title, featuredAt: null });

    expect(await update(s.volunteer, s.id, { volunteerConsent: 'named', volunteerName: '山田 花子' })).toBe('ok');
  });

  it('an officer cannot approve, choose for the volunteer, or edit a story in review', async () => {
    const s = await storyInReview();
    expect(await update(s.officer, s.id, approval(s.officer.userId!))).toBe(refused);
    expect(await update(s.officer, s.id, { volunteerConsent: 'named', volunteerName: '誰か' })).toBe(refused);
    expect(await update(s.officer, s.id, { title: '審査中に書き換え' })).toBe(refused);
  });

  it('staff decide but do not write the story or choose for the volunteer; the foundation only features', async () => {
    const s = await storyInReview();
    expect(await update(s.staff, s.id, { trouble: '職員が書き換え' })).toBe(refused);
    expect(await update(s.staff, s.id, { volunteerConsent: 'anonymous' })).toBe(refused);
    expect(await update(s.foundation, s.id, approval(s.foundation.userId!))).toBe(refused);
    expect(
      await update(s.staff, s.id, { status: 'sent_back', sentBackReason: '写真の説明を', decidedBy: s.staff.userId! }),
    ).toBe('ok');
    // sent back: now its officer writes it again, into review
    expect(await update(s.officer, s.id, { title: '書き直し', status: 'review', sentBackReason: null })).toBe('ok');
    expect(await update(s.staff, s.id, approval(s.staff.userId!))).toBe('ok');
    expect(await update(s.foundation, s.id, { featuredAt: new Date() })).toBe('ok');
    // approved: staff cannot take it back by hand
    expect(await update(s.staff, s.id, { status: 'review' })).toBe(refused);
  });
});
