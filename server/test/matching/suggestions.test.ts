import { anonymousAccess, rowsOf, schema, withAccess, type AccessContext } from '@board/db';
import type { RecommendedRequestsList, SuggestedVolunteersList } from '@board/shared';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { boundTermsFor, keysForRequest } from '../../src/modules/matching/keys.ts';
import { useApiApp } from '../kit/app.ts';
import { errorCode, get } from '../kit/http.ts';
import { createVolunteer, demoEmails, useDemoPeople } from '../kit/people.ts';
import { insertRequest } from '../kit/requests.ts';
import { apply, matched } from '../kit/applications.ts';

const t = useApiApp();
const { officerSenju, officerUmeda, staffAdachi, staffShinjuku, foundation } = useDemoPeople(t);

/** Saturday 5 December 2026, 09:30 in Tokyo */
const saturdayMorning = new Date('2026-12-05T00:30:00Z');
const db = () => t.database.handle.db;

async function withSkillKeys(id: string, skillKeys: string[]) {
  await db().update(schema.helpRequests).set({ skillKeys }).where(eq(schema.helpRequests.id, id));
  return id;
}

/** A volunteer with a structured profile, straight into the database. */
async function volunteerWith(profile: {
  skills: { key: string; level: 'can' | 'teach' }[];
  municipalityCodes?: string[];
  availabilitySlots?: string[];
  suggestable?: boolean;
  onlineOk?: boolean;
}) {
  const v = await createVolunteer(t);
  await db()
    .insert(schema.volunteerProfiles)
    .values({
      userId: v.id,
      municipalityCodes: profile.municipalityCodes ?? [],
      availabilitySlots: profile.availabilitySlots ?? [],
      suggestable: profile.suggestable ?? false,
      onlineOk: profile.onlineOk ?? false,
    })
    .onConflictDoUpdate({
      target: schema.volunteerProfiles.userId,
      set: {
        municipalityCodes: profile.municipalityCodes ?? [],
        availabilitySlots: profile.availabilitySlots ?? [],
        suggestable: profile.suggestable ?? false,
        onlineOk: profile.onlineOk ?? false,
      },
    });
  if (profile.skills.length > 0) {
    await db()
      .insert(schema.volunteerSkills)
      .values(profile.skills.map((s) => ({ userId: v.id, skillKey: s.key, level: s.level })));
  }
  return v;
}

async function recommended(headers: Record<string, string>) {
  const res = await get(t, headers, '/api/me/recommended-requests?limit=50');
  expect(res.statusCode, res.body).toBe(200);
  return res.json<RecommendedRequestsList>().items;
}

describe('listRecommendedRequests (issue 10)', () => {
  it('ranks open requests on the board by fit, with the reasons; leaves out the rest', async () => {
    const v = await volunteerWith({
      skills: [{ key: 'flyer_design', level: 'can' }],
      municipalityCodes: ['13104'], // 新宿区
      availabilitySlots: ['sat-morning'],
    });
    // an association in 渋谷区, next to 新宿区
    const [shibuya] = await db()
      .insert(schema.associations)
      .values({ municipalityCode: '13113', name: '代々木五丁目町会' })
      .returning({ id: schema.associations.id });
    const flyer = { category: 'design_flyers' as const };
    const neighbour = await withSkillKeys(
      (
        await insertRequest(t, {
          ...flyer,
          municipalityCode: '13113',
          associationId: shibuya!.id,
          startsAt: saturdayMorning,
        })
      ).id,
      ['flyer_design'],
    );
    const same = await withSkillKeys((await insertRequest(t, { ...flyer, association: 'okubo' })).id, ['flyer_design']);
    const category = await withSkillKeys((await insertRequest(t, { ...flyer, association: 'yotsuya' })).id, [
      'logo_design',
    ]);
    // no skill from the vocabulary, but the volunteer's category: found by its category
    const unmapped = await withSkillKeys((await insertRequest(t, { ...flyer, association: 'okubo' })).id, []);
    const far = await withSkillKeys((await insertRequest(t, { ...flyer, association: 'senju' })).id, ['flyer_design']);
    const draft = await withSkillKeys((await insertRequest(t, { association: 'okubo', status: 'draft' })).id, [
      'flyer_design',
    ]);
    const full = await withSkillKeys((await insertRequest(t, { association: 'okubo', matchedCount: 1 })).id, [
      'flyer_design',
    ]);
    const appliedTo = await withSkillKeys((await insertRequest(t, { association: 'okubo' })).id, ['flyer_design']);
    expect((await apply(t, v.headers, appliedTo)).statusCode).toBe(201);

    const items = await recommended(v.headers);
    const ids = items.map((i) => i.request.id);
    for (const absent of [far, draft, full, appliedTo]) expect(ids).not.toContain(absent);
    // can + same (55) and no hand yet; can + neighbour + Saturday morning (55); category + same (37)
    expect(ids.filter((id) => [neighbour, same, category].includes(id))).toEqual(
      [same, neighbour].sort().concat(category),
    );
    expect(items.find((i) => i.request.id === neighbour)?.reasons).toEqual([
      { key: 'skill', params: { skill: 'flyer_design', level: 'can' } },
      { key: 'neighbour', params: { municipalityCode: '13104' } },
      { key: 'available', params: { day: 'sat', part: 'morning' } },
      { key: 'noHandsYet', params: {} },
    ]);
    expect(items.find((i) => i.request.id === unmapped)?.reasons.slice(0, 2)).toEqual([
      { key: 'category', params: { category: 'design_flyers' } },
      { key: 'sameMunicipality', params: { municipalityCode: '13104' } },
    ]);
    expect(items.find((i) => i.request.id === category)?.reasons.slice(0, 2)).toEqual([
      { key: 'category', params: { category: 'design_flyers' } },
      { key: 'sameMunicipality', params: { municipalityCode: '13104' } },
    ]);
    // public columns only: never the exact place
    expect(JSON.stringify(items)).not.toContain('秘密の集合場所');
  });

  it('gives a volunteer with only skills suggestions (cold start), and refuses someone who is not a volunteer', async () => {
    const newcomer = await volunteerWith({ skills: [{ key: 'photography', level: 'teach' }] });
    const wanted = await withSkillKeys((await insertRequest(t, { association: 'okubo', category: 'photo_video' })).id, [
      'photography',
    ]);
    const items = await recommended(newcomer.headers);
    expect(items.find((i) => i.request.id === wanted)?.reasons[0]).toEqual({
      key: 'skill',
      params: { skill: 'photography', level: 'teach' },
    });
    const refused = await get(t, staffAdachi, '/api/me/recommended-requests');
    expect(refused.statusCode).toBe(403);
  });
});

describe('listSuggestedVolunteers (issue 10)', () => {
  it('suggests only volunteers who agreed, to the request’s officers and its ward’s staff', async () => {
    const request = await withSkillKeys(
      (await insertRequest(t, { association: 'senju', category: 'design_flyers', startsAt: saturdayMorning })).id,
      ['flyer_design'],
    );
    const agreed = await volunteerWith({
      skills: [{ key: 'flyer_design', level: 'teach' }],
      municipalityCodes: ['13121'],
      suggestable: true,
    });
    const agreedFar = await volunteerWith({ skills: [{ key: 'flyer_design', level: 'can' }], suggestable: true });
    const notAgreed = await volunteerWith({
      skills: [{ key: 'flyer_design', level: 'teach' }],
      municipalityCodes: ['13121'],
      suggestable: false,
    });
    const alreadyHand = await volunteerWith({ skills: [{ key: 'flyer_design', level: 'teach' }], suggestable: true });
    await apply(t, alreadyHand.headers, request);

    for (const headers of [officerSenju, staffAdachi]) {
      const res = await get(t, headers, `/api/requests/${request}/suggested-volunteers`);
      expect(res.statusCode, res.body).toBe(200);
      const list = res.json<SuggestedVolunteersList>();
      const ids = list.items.map((i) => i.volunteerId);
      expect(ids.indexOf(agreed.id)).toBeGreaterThanOrEqual(0);
      expect(ids.indexOf(agreed.id)).toBeLessThan(ids.indexOf(agreedFar.id));
      expect(list.items.find((i) => i.volunteerId === agreed.id)?.reasons.slice(0, 2)).toEqual([
        { key: 'skill', params: { skill: 'flyer_design', level: 'teach' } },
        { key: 'sameMunicipality', params: { municipalityCode: '13121' } },
      ]);
      // never a volunteer who did not agree, not even by id; nor one who already raised a hand
      expect(res.body).not.toContain(notAgreed.id);
      expect(ids).not.toContain(alreadyHand.id);
      // no contact details
      expect(res.body).not.toContain('@');
    }
  });

  it('refuses other associations’ officers, other wards’ staff, the foundation and volunteers', async () => {
    const request = await withSkillKeys((await insertRequest(t, { association: 'senju' })).id, ['flyer_design']);
    const volunteer = await volunteerWith({ skills: [] });
    for (const headers of [officerUmeda, staffShinjuku, foundation, volunteer.headers]) {
      const res = await get(t, headers, `/api/requests/${request}/suggested-volunteers`);
      expect([403, 404], res.body).toContain(res.statusCode);
      expect(res.statusCode === 403 ? errorCode(res) : 'NOT_FOUND').toMatch(/FORBIDDEN|NOT_FOUND/);
    }
    // a draft is not even visible to another association's officer
    const draft = await insertRequest(t, { association: 'senju', status: 'draft' });
    const hidden = await get(t, officerUmeda, `/api/requests/${draft.id}/suggested-volunteers`);
    expect(hidden.statusCode).toBe(404);
  });
});

describe('suggestions read from indexes and the profile row (migration 0037)', () => {
  it('the record kept on the profile counts: matches under way drop the best fit below the next', async () => {
    const request = await withSkillKeys(
      (await insertRequest(t, { association: 'senju', category: 'photo_video' })).id,
      ['drone'],
    );
    // (a skill nobody else in this file or the demo data has)
    // teach + same ward: 65 from the profile, but two matches under way (−16): 49
    const busy = await volunteerWith({
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
    const free = await volunteerWith({
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

  it('gives every candidate a bound no lower than its score, and reads the list in the order scoring everyone gives', async () => {
    const request = await insertRequest(t, {
      association: 'senju',
      category: 'translation',
      online: true,
      startsAt: saturdayMorning,
      skillKeys: ['translation_english', 'interpreting'],
    });
    await db()
      .update(schema.helpRequests)
      .set({ languages: ['ja', 'en'] })
      .where(eq(schema.helpRequests.id, request.id));
    const [row] = await db().select().from(schema.helpRequests).where(eq(schema.helpRequests.id, request.id));
    const people: string[] = [];
    const places = [['13121'], ['13122'], ['13104'], []];
    const skillSets: { key: string; level: 'can' | 'teach' }[][] = [
      [{ key: 'translation_english', level: 'teach' }],
      [
        { key: 'translation_english', level: 'can' },
        { key: 'interpreting', level: 'can' },
      ],
      [{ key: 'translation_chinese', level: 'can' }],
      [],
    ];
    for (const [i, skills] of skillSets.entries()) {
      for (const [j, municipalityCodes] of places.entries()) {
        const v = await volunteerWith({
          skills,
          municipalityCodes,
          onlineOk: (i + j) % 2 === 0,
          availabilitySlots: j % 2 === 0 ? ['sat-morning'] : ['sun-evening'],
          suggestable: true,
        });
        if (i === j)
          await db()
            .update(schema.volunteerProfiles)
            .set({ languages: ['ja', 'en'] })
            .where(eq(schema.volunteerProfiles.userId, v.id));
        people.push(v.id);
      }
    }
    const terms = boundTermsFor(row!);
    const rows = rowsOf<{ user_id: string; bound: number }>(
      await withAccess(t.appDatabase.db, { ...anonymousAccess, system: true }, (tx) =>
        tx.execute(
          sql`select * from suggestion_candidates(${row!.id}::uuid, ${`{${keysForRequest(row!).join(',')}}`}::text[], ${JSON.stringify(terms)}::jsonb, null, null)`,
        ),
      ),
    );
    const bound = new Map(rows.map((r) => [r.user_id, r.bound]));
    const res = await get(t, officerSenju, `/api/requests/${row!.id}/suggested-volunteers?limit=50`);
    const items = res.json<SuggestedVolunteersList>().items.filter((i) => people.includes(i.volunteerId));
    // the volunteers who fit (a skill or category fit), each found, none scored above its bound
    expect(items.length).toBeGreaterThanOrEqual(8);
    for (const item of items) expect(bound.get(item.volunteerId), item.volunteerId).toBeGreaterThanOrEqual(item.score);
    // the first read takes 10 per place: asking for 1 reads 10 of the 16, so the order must survive a second read
    const top1 = (await get(t, officerSenju, `/api/requests/${row!.id}/suggested-volunteers?limit=1`))
      .json<SuggestedVolunteersList>()
      .items.map((i) => i.volunteerId);
    const all = res.json<SuggestedVolunteersList>().items.map((i) => i.volunteerId);
    expect(top1).toEqual(all.slice(0, 1));
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
    const v = await volunteerWith({
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

describe('suggestion_candidates / suggestion_people (the SQL functions behind the list)', () => {
  /** The function's rows as `access` (the app's role, row-level security on), or its error code. */
  async function call(access: Partial<AccessContext>, statement: SQL) {
    try {
      const result = await withAccess(t.appDatabase.db, { ...anonymousAccess, ...access }, (tx) =>
        tx.execute(statement),
      );
      return rowsOf<{ user_id: string }>(result).map((row) => row.user_id);
    } catch (err) {
      return (err as { code?: string; cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code;
    }
  }

  it('answers the request’s staff, officers and system work with consenting volunteers only; refuses anyone else', async () => {
    const { id, associationId } = await insertRequest(t, { association: 'senju', skillKeys: ['flyer_design'] });
    const agreed = await volunteerWith({ skills: [{ key: 'flyer_design', level: 'can' }], suggestable: true });
    const notAgreed = await volunteerWith({ skills: [{ key: 'flyer_design', level: 'can' }], suggestable: false });
    const ids = sql`array[${agreed.id}, ${notAgreed.id}]::uuid[]`;
    const candidates = sql`select * from suggestion_candidates(${id}::uuid, array['flyer_design']::text[], '{}'::jsonb, null, null)`;
    const people = sql`select * from suggestion_people(${id}::uuid, ${ids})`;
    for (const statement of [candidates, people]) {
      for (const allowed of [
        { staffMunicipalities: ['13121'] },
        { officerAssociations: [associationId] },
        { system: true },
      ]) {
        const answer = await call(allowed, statement);
        expect(answer).toContain(agreed.id);
        expect(answer).not.toContain(notAgreed.id);
      }
      const refused = [
        { staffMunicipalities: ['13104'] }, // another ward's staff
        { officerAssociations: ['00000000-0000-4000-8000-000000000000'] }, // another association's officer
        { foundation: true },
        { userId: agreed.id }, // a volunteer
        {}, // a visitor
      ];
      for (const access of refused) expect(await call(access, statement)).toBe('42501');
    }
  });
});
