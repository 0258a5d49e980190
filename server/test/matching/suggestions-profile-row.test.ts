import { schema } from '@board/db';
import { type SuggestedVolunteersList } from '@board/shared';
import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useApiApp } from '../kit/app.ts';
import { get } from '../kit/http.ts';
import { createVolunteer, demoEmails, useDemoPeople } from '../kit/people.ts';
import { insertRequest } from '../kit/requests.ts';
import { matched } from '../kit/applications.ts';
import { volunteerWith, withSkillKeys } from './profiles.ts';

// What the suggestion lists read from the volunteer's profile row: the record kept there (helps,
// thanks, matches under way) and the copy of the volunteer's skills (migration 0037). The scores
// computed in SQL: suggestions-sql-scores.test.ts; the functions' access rules: suggestion-functions.test.ts.

const t = useApiApp();
const { officerSenju } = useDemoPeople(t);
const db = () => t.database.handle.db;

describe('suggestions read from the profile row (migration 0037)', () => {
  it('the record kept on the profile counts: matches under way drop the best fit below the next', async () => {
    const request = await withSkillKeys(
      t,
      (await insertRequest(t, { association: 'senju', category: 'photo_video' })).id,
      ['drone'],
    );
    // (a skill nobody else in this file or the demo data has)
    // teach + same ward: 65 from the profile, but two matches under way (−16): 49
    const busy = await volunteerWith(t, {
      skills: [{ key: 'drone', level: 'teach' }],
      municipalityCodes: ['13121'],
      suggestable: true,
    });
    const matches: string[] = [];
    for (let i = 0; i < 2; i++) {
      const other = await insertRequest(t, { association: 'senju', slots: 3, category: 'photo_video' });
      matches.push(await matched(t, busy, other.id, demoEmails.officerSenju));
    }
    // can + same ward: 55, nothing under way
    const free = await volunteerWith(t, {
      skills: [{ key: 'drone', level: 'can' }],
      municipalityCodes: ['13121'],
      suggestable: true,
    });
    const top = async (limit: number) => {
      const res = await get(t, officerSenju, `/api/requests/${request}/suggested-volunteers?limit=${limit}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<SuggestedVolunteersList>().items;
    };
    const [first] = await top(1);
    expect(first?.volunteerId).toBe(free.id);
    const both = (await top(50)).filter((i) => [busy.id, free.id].includes(i.volunteerId));
    expect(both.map((i) => [i.volunteerId, i.score])).toEqual([
      [free.id, 55],
      [busy.id, 49],
    ]);

    // both matches confirmed (helps in the category: +8) and thanked once (+2): 65 + 10 = 75
    const [application] = await db().select().from(schema.applications).where(eq(schema.applications.id, matches[0]!));
    await db()
      .update(schema.applications)
      .set({ confirmedAt: new Date() })
      .where(inArray(schema.applications.id, matches));
    await db().insert(schema.thanks).values({
      applicationId: application!.id,
      municipalityCode: application!.municipalityCode,
      associationId: application!.associationId,
      volunteerId: busy.id,
      toVolunteer: true,
      body: 'ありがとうございました',
    });
    const [record] = await db()
      .select({
        completedHelps: schema.volunteerProfiles.completedHelps,
        helpsByCategory: schema.volunteerProfiles.helpsByCategory,
        thanksReceived: schema.volunteerProfiles.thanksReceived,
        openMatches: schema.volunteerProfiles.openMatches,
      })
      .from(schema.volunteerProfiles)
      .where(eq(schema.volunteerProfiles.userId, busy.id));
    expect(record).toEqual({
      completedHelps: 2,
      helpsByCategory: { photo_video: 2 },
      thanksReceived: 1,
      openMatches: 0,
    });
    const [best] = await top(1);
    expect([best?.volunteerId, best?.score]).toEqual([busy.id, 75]);
  });

  it('the profile keeps a copy of the volunteer’s skills, whoever writes them and in whichever order', async () => {
    const copyOf = async (userId: string) => {
      const [row] = await db()
        .select({ keys: schema.volunteerProfiles.skillKeys, skills: schema.volunteerProfiles.skills })
        .from(schema.volunteerProfiles)
        .where(eq(schema.volunteerProfiles.userId, userId));
      return row;
    };
    // profile first, then skills (the app's order)
    const v = await volunteerWith(t, {
      skills: [
        { key: 'photography', level: 'teach' },
        { key: 'flyer_design', level: 'can' },
      ],
    });
    expect(await copyOf(v.id)).toEqual({
      keys: ['flyer_design', 'photography'],
      skills: [
        { key: 'flyer_design', level: 'can' },
        { key: 'photography', level: 'teach' },
      ],
    });
    await db()
      .update(schema.volunteerSkills)
      .set({ level: 'teach' })
      .where(and(eq(schema.volunteerSkills.userId, v.id), eq(schema.volunteerSkills.skillKey, 'flyer_design')));
    await db()
      .delete(schema.volunteerSkills)
      .where(and(eq(schema.volunteerSkills.userId, v.id), eq(schema.volunteerSkills.skillKey, 'photography')));
    expect(await copyOf(v.id)).toEqual({ keys: ['flyer_design'], skills: [{ key: 'flyer_design', level: 'teach' }] });

    // skills first, then the profile
    const w = await createVolunteer(t);
    await db().delete(schema.volunteerProfiles).where(eq(schema.volunteerProfiles.userId, w.id));
    await db().insert(schema.volunteerSkills).values({ userId: w.id, skillKey: 'translation_english', level: 'can' });
    await db().insert(schema.volunteerProfiles).values({ userId: w.id });
    expect(await copyOf(w.id)).toEqual({
      keys: ['translation_english'],
      skills: [{ key: 'translation_english', level: 'can' }],
    });
  });
});
