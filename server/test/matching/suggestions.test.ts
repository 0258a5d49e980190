import { schema } from '@board/db';
import type { RecommendedRequestsList, SuggestedVolunteersList } from '@board/shared';
import { describe, expect, it } from 'vitest';
import { useApiApp } from '../kit/app.ts';
import { errorCode, get } from '../kit/http.ts';
import { useDemoPeople } from '../kit/people.ts';
import { insertRequest } from '../kit/requests.ts';
import { apply } from '../kit/applications.ts';
import { saturdayMorning, volunteerWith, withSkillKeys } from './profiles.ts';

// The two suggestion lists through the API: ranking, reasons, consent, who may ask (issue 10).

const t = useApiApp();
const { officerSenju, officerUmeda, staffAdachi, staffShinjuku, foundation } = useDemoPeople(t);
const db = () => t.database.handle.db;

async function recommended(headers: Record<string, string>) {
  const res = await get(t, headers, '/api/me/recommended-requests?limit=50');
  expect(res.statusCode, res.body).toBe(200);
  return res.json<RecommendedRequestsList>().items;
}

describe('listRecommendedRequests (issue 10)', () => {
  it('ranks open requests on the board by fit, with the reasons; leaves out the rest', async () => {
    const v = await volunteerWith(t, {
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
      t,
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
    const same = await withSkillKeys(t, (await insertRequest(t, { ...flyer, association: 'okubo' })).id, [
      'flyer_design',
    ]);
    const category = await withSkillKeys(t, (await insertRequest(t, { ...flyer, association: 'yotsuya' })).id, [
      'logo_design',
    ]);
    // no skill from the vocabulary, but the volunteer's category: found by its category
    const unmapped = await withSkillKeys(t, (await insertRequest(t, { ...flyer, association: 'okubo' })).id, []);
    const far = await withSkillKeys(t, (await insertRequest(t, { ...flyer, association: 'senju' })).id, [
      'flyer_design',
    ]);
    const draft = await withSkillKeys(t, (await insertRequest(t, { association: 'okubo', status: 'draft' })).id, [
      'flyer_design',
    ]);
    const full = await withSkillKeys(t, (await insertRequest(t, { association: 'okubo', matchedCount: 1 })).id, [
      'flyer_design',
    ]);
    const appliedTo = await withSkillKeys(t, (await insertRequest(t, { association: 'okubo' })).id, ['flyer_design']);
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
    const newcomer = await volunteerWith(t, { skills: [{ key: 'photography', level: 'teach' }] });
    const wanted = await withSkillKeys(
      t,
      (await insertRequest(t, { association: 'okubo', category: 'photo_video' })).id,
      ['photography'],
    );
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
      t,
      (await insertRequest(t, { association: 'senju', category: 'design_flyers', startsAt: saturdayMorning })).id,
      ['flyer_design'],
    );
    const agreed = await volunteerWith(t, {
      skills: [{ key: 'flyer_design', level: 'teach' }],
      municipalityCodes: ['13121'],
      suggestable: true,
    });
    const agreedFar = await volunteerWith(t, { skills: [{ key: 'flyer_design', level: 'can' }], suggestable: true });
    const notAgreed = await volunteerWith(t, {
      skills: [{ key: 'flyer_design', level: 'teach' }],
      municipalityCodes: ['13121'],
      suggestable: false,
    });
    const alreadyHand = await volunteerWith(t, {
      skills: [{ key: 'flyer_design', level: 'teach' }],
      suggestable: true,
    });
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
    const request = await withSkillKeys(t, (await insertRequest(t, { association: 'senju' })).id, ['flyer_design']);
    const volunteer = await volunteerWith(t, { skills: [] });
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
