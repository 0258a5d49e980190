import { schema } from '@board/db';
import { ErrorBody, HelpRequestDetail, Me, SkillList, skills } from '@board/shared';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useApiApp } from '../kit/app.ts';
import { get, patch, post, put } from '../kit/http.ts';
import { as, createVolunteer, bearer, demoEmails, volunteerProfileInput } from '../kit/people.ts';
import { createDraft, validInput } from '../kit/requests.ts';
import { rowCounts } from '../kit/rows.ts';

/** The skills vocabulary through the API: listSkills, the structured profile on updateMe, request skills. */

const t = useApiApp();

describe('listSkills', () => {
  it('is public and cacheable, with every skill, its category and labels in three languages', async () => {
    const res = await get(t, {}, '/api/skills');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
    const list = SkillList.parse(res.json());
    expect(list.items.map((s) => s.key)).toEqual(skills.map((s) => s.key));
    expect(list.items.find((s) => s.key === 'spreadsheets')).toMatchObject({
      category: 'admin_accounting',
      label: { ja: '表計算', en: 'Spreadsheets' },
      synonyms: expect.arrayContaining(['Excel']),
    });
  });
});

const structured = volunteerProfileInput({
  skills: [
    { key: 'flyer_design', level: 'teach' },
    { key: 'photography', level: 'can' },
  ],
  interestCategories: ['design_flyers'],
  municipalityCodes: ['13121', '13104'],
  onlineOk: true,
  availabilitySlots: ['sat-morning', 'sun-afternoon'],
  languages: ['ja', 'vi'],
  hoursPerMonth: 6,
  suggestable: true,
});

describe('updateMe: the structured volunteer profile', () => {
  it('saves skills with levels, areas, online, slots, languages, hours and consent, and shows them on getMe', async () => {
    const volunteer = await createVolunteer(t);
    const headers = await bearer(t, volunteer.id);
    const res = await patch(t, headers, '/api/me', { volunteerProfile: structured });
    expect(res.statusCode, res.body).toBe(200);
    const me = Me.parse((await get(t, headers, '/api/me')).json());
    expect(me.volunteerProfile).toEqual({
      ...structured,
      skills: [
        { key: 'flyer_design', level: 'teach' },
        { key: 'photography', level: 'can' },
      ],
    });
    const rows = await t.database.handle.db
      .select()
      .from(schema.volunteerSkills)
      .where(eq(schema.volunteerSkills.userId, volunteer.id));
    expect(rows).toHaveLength(2);
  });

  it('replaces the skills as a whole; a skill given twice keeps the higher level', async () => {
    const volunteer = await createVolunteer(t);
    const headers = await bearer(t, volunteer.id);
    await patch(t, headers, '/api/me', { volunteerProfile: structured });
    const res = await patch(t, headers, '/api/me', {
      volunteerProfile: {
        ...structured,
        skills: [
          { key: 'spreadsheets', level: 'teach' },
          { key: 'spreadsheets', level: 'can' },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(Me.parse(res.json()).volunteerProfile!.skills).toEqual([{ key: 'spreadsheets', level: 'teach' }]);
  });

  it('is not suggestable unless the volunteer says so (a profile sent without the field)', async () => {
    const volunteer = await createVolunteer(t);
    const headers = await bearer(t, volunteer.id);
    const res = await patch(t, headers, '/api/me', { volunteerProfile: volunteerProfileInput() });
    expect(Me.parse(res.json()).volunteerProfile).toMatchObject({
      suggestable: false,
      skills: [],
      availabilitySlots: [],
      hoursPerMonth: null,
    });
  });

  it.each([
    ['a skill the vocabulary does not know', { skills: [{ key: 'juggling', level: 'can' }] }, 'skills.0.key'],
    ['a level that is not can or teach', { skills: [{ key: 'photography', level: 'expert' }] }, 'skills.0.level'],
    ['a slot that is not weekday-part', { availabilitySlots: ['sat-night'] }, 'availabilitySlots.0'],
    ['hours that are not a whole number', { hoursPerMonth: 2.5 }, 'hoursPerMonth'],
    ['hours out of range', { hoursPerMonth: 0 }, 'hoursPerMonth'],
    ['consent that is not yes or no', { suggestable: 'yes' }, 'suggestable'],
  ])('refuses %s with a field error and changes nothing', async (_name, change, field) => {
    const volunteer = await createVolunteer(t);
    const headers = await bearer(t, volunteer.id);
    await patch(t, headers, '/api/me', { volunteerProfile: structured });
    const before = await rowCounts(t);
    const saved = (await get(t, headers, '/api/me')).json();
    const res = await patch(t, headers, '/api/me', { volunteerProfile: { ...structured, ...change } });
    expect(res.statusCode).toBe(400);
    const body = ErrorBody.parse(res.json());
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.fields?.map((f) => f.field)).toEqual([`volunteerProfile.${field}`]);
    expect(await rowCounts(t)).toEqual(before);
    expect((await get(t, headers, '/api/me')).json()).toEqual(saved);
  });
});

describe('request skills', () => {
  it('takes vocabulary skills and maps free tags that match a spelling (Canva, ｴｸｾﾙ); the rest stay free', async () => {
    const draft = await createDraft(t, {
      skillKeys: ['photography'],
      skills: ['Canva', 'ｴｸｾﾙ', '盆踊りの太鼓'],
    });
    expect(draft.skillKeys).toEqual(['photography', 'flyer_design', 'spreadsheets']);
    expect(draft.skills).toEqual(['盆踊りの太鼓']);
    const officer = await as(t, demoEmails.officerSenju);
    const edited = await put(t, officer, `/api/requests/${draft.id}`, validInput({ skillKeys: [], skills: ['写真'] }));
    expect(edited.statusCode, edited.body).toBe(200);
    expect(HelpRequestDetail.parse(edited.json())).toMatchObject({ skillKeys: ['photography'], skills: [] });
  });

  it('refuses a skill key the vocabulary does not know, and writes nothing', async () => {
    const before = await rowCounts(t);
    const res = await post(
      t,
      await as(t, demoEmails.officerSenju),
      '/api/requests',
      validInput({ skillKeys: ['juggling'] }),
    );
    expect(res.statusCode).toBe(400);
    expect(ErrorBody.parse(res.json()).error.fields).toEqual([{ field: 'skillKeys.0', code: 'invalid_value' }]);
    expect(await rowCounts(t)).toEqual(before);
  });
});
