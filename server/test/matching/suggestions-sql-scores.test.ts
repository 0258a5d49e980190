import { anonymousAccess, rowsOf, schema, withAccess } from '@board/db';
import { rankRequestsForVolunteer, type RecommendedRequestsList, type SuggestedVolunteersList } from '@board/shared';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  boundTermsFor,
  categoryOf,
  keysForRequest,
  keysForVolunteer,
  requestBoundTermsFor,
} from '../../src/modules/matching/keys.ts';
import { matchingRepository } from '../../src/modules/matching/repository.ts';
import { useApiApp } from '../kit/app.ts';
import { get } from '../kit/http.ts';
import { useDemoPeople } from '../kit/people.ts';
import { insertRequest } from '../kit/requests.ts';
import { saturdayMorning, volunteerWith, withSkillKeys } from './profiles.ts';

// The scores the suggestion lists read from the indexes, computed in SQL (migrations 0037, 0040):
// each candidate's bound is its score, and the lists come in scoring's order however far they are
// read. The profile row: suggestions-profile-row.test.ts; the functions' access rules:
// suggestion-functions.test.ts.

const t = useApiApp();
const { officerSenju } = useDemoPeople(t);
const db = () => t.database.handle.db;

/** `suggestion_candidates` for the request, as system work reads it: each volunteer with their bound, in its order. */
async function candidatesInSql(requestId: string) {
  const [row] = await db().select().from(schema.helpRequests).where(eq(schema.helpRequests.id, requestId));
  return rowsOf<{ user_id: string; bound: number }>(
    await withAccess(t.appDatabase.db, { ...anonymousAccess, system: true }, (tx) =>
      tx.execute(
        sql`select * from suggestion_candidates(${row!.id}::uuid, ${`{${keysForRequest(row!).join(',')}}`}::text[], ${JSON.stringify(boundTermsFor(row!))}::jsonb, null, null, null)`,
      ),
    ),
  );
}

describe('suggestions scored in SQL from the indexes (migrations 0037, 0040)', () => {
  it('gives every candidate its score in SQL, and reads the list in the order scoring everyone gives', async () => {
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
        const v = await volunteerWith(t, {
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
    const rows = await candidatesInSql(request.id);
    const bound = new Map(rows.map((r) => [r.user_id, r.bound]));
    const res = await get(t, officerSenju, `/api/requests/${request.id}/suggested-volunteers?limit=50`);
    const items = res.json<SuggestedVolunteersList>().items.filter((i) => people.includes(i.volunteerId));
    // the volunteers who fit (a skill or category fit), each found, each scored in SQL as scoring does
    // (further skills in common counted, the record added), so the candidates come in scoring's order
    expect(items.length).toBeGreaterThanOrEqual(8);
    for (const item of items) expect(bound.get(item.volunteerId), item.volunteerId).toBe(item.score);
    expect(rows.map((r) => r.user_id).filter((id) => people.includes(id))).toEqual(items.map((i) => i.volunteerId));
    // the first read takes the list's length and 5 more: asking for 1 reads 6 of the 16, so the order
    // must survive reading further
    const top1 = (await get(t, officerSenju, `/api/requests/${request.id}/suggested-volunteers?limit=1`))
      .json<SuggestedVolunteersList>()
      .items.map((i) => i.volunteerId);
    const all = res.json<SuggestedVolunteersList>().items.map((i) => i.volunteerId);
    expect(top1).toEqual(all.slice(0, 1));
  });

  it('counts further skills in common exactly, however many skills the request wants', async () => {
    const design = ['flyer_design', 'layout_print', 'illustration', 'logo_design'];
    // volunteers with one to four of the skills; requests wanting two, three (counted in place) and
    // four (counted by a sub-select) of them
    const people: string[] = [];
    for (let n = 1; n <= 4; n++) {
      const v = await volunteerWith(t, {
        skills: design.slice(0, n).map((key) => ({ key, level: 'can' as const })),
        municipalityCodes: ['13121'],
        suggestable: true,
      });
      people.push(v.id);
    }
    for (const wanted of [2, 3, 4]) {
      const id = await withSkillKeys(
        t,
        (await insertRequest(t, { association: 'senju', category: 'design_flyers' })).id,
        design.slice(0, wanted),
      );
      const rows = await candidatesInSql(id);
      const bound = new Map(rows.map((r) => [r.user_id, r.bound]));
      const items = (await get(t, officerSenju, `/api/requests/${id}/suggested-volunteers?limit=50`))
        .json<SuggestedVolunteersList>()
        .items.filter((i) => people.includes(i.volunteerId));
      expect(items.length, `${wanted} wanted`).toBe(4);
      for (const item of items) expect(bound.get(item.volunteerId), `${wanted} wanted`).toBe(item.score);
      // each further skill in common adds 5, at most 10: the scores differ as the skills in common do
      const byPerson = people.map((id) => items.find((i) => i.volunteerId === id)!.score);
      const extra = people.map((_, i) => Math.min(10, 5 * (Math.min(i + 1, wanted) - 1)));
      expect(byPerson.map((score, i) => score - extra[i]!)).toEqual(byPerson.map(() => byPerson[0]! - extra[0]!));
    }
  });

  it('gives every candidate request its score with hands at their most, and lists them in the order scoring everyone gives', async () => {
    const skills = [
      { key: 'translation_english', level: 'teach' as const },
      { key: 'interpreting', level: 'can' as const },
    ];
    // the same volunteer in 足立区, then next to it (葛飾区); helps online; free on Saturday mornings; reads English
    const volunteers = [];
    for (const areas of [['13121'], ['13122']]) {
      const v = await volunteerWith(t, {
        skills,
        municipalityCodes: areas,
        availabilitySlots: ['sat-morning'],
        onlineOk: true,
      });
      await db()
        .update(schema.volunteerProfiles)
        .set({ languages: ['ja', 'en'] })
        .where(eq(schema.volunteerProfiles.userId, v.id));
      volunteers.push(v);
    }
    const soon = new Date(Date.now() + 3 * 86_400_000);
    const grid = [
      ['translation_english'],
      ['interpreting'],
      ['translation_english', 'interpreting'],
      ['translation_chinese'], // a category fit
    ].flatMap((skillKeys, i) =>
      (['senju', 'okubo'] as const).flatMap((association) =>
        [false, true].map((online) => ({ skillKeys, association, online, i })),
      ),
    );
    for (const { skillKeys, association, online, i } of grid) {
      const { id } = await insertRequest(t, {
        association,
        category: 'translation',
        online,
        // Saturday 08:30 in Tokyo is still Friday in UTC; a Saturday afternoon (the day fits, the
        // part does not); or a Monday
        startsAt: new Date(
          i % 2 === 0 ? '2026-12-04T23:30:00Z' : i === 3 ? '2026-12-05T05:00:00Z' : '2026-12-07T01:00:00Z',
        ),
        applicationDeadline: i < 2 ? soon : null,
      });
      await withSkillKeys(t, id, skillKeys);
      if (online)
        await db()
          .update(schema.helpRequests)
          .set({ languages: ['ja', 'en'] })
          .where(eq(schema.helpRequests.id, id));
    }
    for (const v of volunteers) {
      const access = { ...anonymousAccess, userId: v.id };
      const candidates = await withAccess(t.appDatabase.db, access, async (tx) => {
        const repo = matchingRepository(tx);
        const volunteer = await repo.volunteer(v.id);
        const keys = keysForVolunteer(volunteer);
        const read = await repo.candidateRequests(
          v.id,
          [...keys.own, ...keys.categories.keys],
          requestBoundTermsFor(volunteer),
          {
            now: new Date(),
          },
        );
        return { volunteer, read };
      });
      // scored with no hand yet (hands at their most): each exactly its bound (further skills in
      // common counted, the part of the day in Tokyo, the deadline, online and language)
      const scored = rankRequestsForVolunteer(
        candidates.volunteer,
        candidates.read.map((c) => ({ ...c, hands: 0 })),
        { now: new Date(), categoryOf, limit: candidates.read.length },
      );
      expect(scored.length).toBeGreaterThan(10);
      const bound = new Map(candidates.read.map((c) => [c.id, c.bound]));
      for (const { item, score } of scored) expect(bound.get(item.id), item.id).toBe(score);
      // the first read takes 10 per place: asking for 1 reads 10 of the more than 10 here, so the order must
      // survive further reads
      const all = (await get(t, v.headers, '/api/me/recommended-requests?limit=50')).json<RecommendedRequestsList>();
      const top1 = (await get(t, v.headers, '/api/me/recommended-requests?limit=1')).json<RecommendedRequestsList>();
      expect(top1.items.map((i) => i.request.id)).toEqual(all.items.slice(0, 1).map((i) => i.request.id));
    }
  });
});
