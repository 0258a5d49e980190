import { ErrorBody, FreeSkillTagList } from '@board/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { useApiApp } from '../kit/app.ts';
import { get } from '../kit/http.ts';
import { as, demoEmails } from '../kit/people.ts';
import { insertRequest } from '../kit/requests.ts';

/** listFreeSkillTags: staff see the free tags of their municipality's requests, most used first; nobody else's. */

const t = useApiApp();

beforeAll(async () => {
  // 足立区: 紙芝居 on three requests (one a draft: officers wrote it all the same), 盆踊り on one
  await insertRequest(t, { municipalityCode: '13121', skills: ['紙芝居', '盆踊り'] });
  await insertRequest(t, { municipalityCode: '13121', skills: ['紙芝居'] });
  await insertRequest(t, { municipalityCode: '13121', skills: ['紙芝居'], status: 'draft' });
  // 新宿区
  await insertRequest(t, { municipalityCode: '13104', skills: ['屋形船'] });
});

const tagsOf = async (email: string, query = '') => {
  const res = await get(t, await as(t, email), `/api/skills/free-tags${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return FreeSkillTagList.parse(res.json()).items;
};

describe('listFreeSkillTags', () => {
  it("shows staff their municipality's free tags, most used first, and no other municipality's", async () => {
    const items = await tagsOf(demoEmails.staffAdachi);
    const ours = items.filter((i) => ['紙芝居', '盆踊り', '屋形船'].includes(i.tag));
    expect(ours).toEqual([
      { tag: '紙芝居', requests: 3 },
      { tag: '盆踊り', requests: 1 },
    ]);
    expect((await tagsOf(demoEmails.staffShinjuku)).map((i) => i.tag)).toContain('屋形船');
    expect((await tagsOf(demoEmails.staffShinjuku)).map((i) => i.tag)).not.toContain('紙芝居');
  });

  it('shows the foundation every municipality, or one when asked', async () => {
    const all = (await tagsOf(demoEmails.foundation)).map((i) => i.tag);
    expect(all).toEqual(expect.arrayContaining(['紙芝居', '盆踊り', '屋形船']));
    const shinjuku = (await tagsOf(demoEmails.foundation, '?municipalityCode=13104')).map((i) => i.tag);
    expect(shinjuku).toContain('屋形船');
    expect(shinjuku).not.toContain('紙芝居');
  });

  it.each([
    ['staff asking for another municipality', demoEmails.staffAdachi, '?municipalityCode=13104'],
    ['an officer', demoEmails.officerSenju, ''],
    ['a volunteer', demoEmails.volunteer1, ''],
  ])('refuses %s', async (_name, email, query) => {
    const res = await get(t, await as(t, email), `/api/skills/free-tags${query}`);
    expect(res.statusCode).toBe(403);
    expect(ErrorBody.parse(res.json()).error.code).toBe('FORBIDDEN');
  });

  it('asks a visitor to sign in', async () => {
    expect((await get(t, {}, '/api/skills/free-tags')).statusCode).toBe(401);
  });
});
