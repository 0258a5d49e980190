import { Statistics } from '@board/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { histogramMedian } from '../../src/modules/figures/service.ts';
import { createVolunteer, csvLines, get, useApiApp, useDemoPeople } from '../kit/index.ts';
import { plusDays, postMatch, postRequest, raiseHand, refresh, tokyo } from './scene.ts';

/**
 * The figures from a constructed set of requests and hands in 2021 (no seeded or live data falls
 * in that year), refreshed as the job does, compared with values counted by hand below.
 *
 * 足立区 (13121), March 2021:
 *   R1 it_digital   published 03-02 00:00, hand +1 d (A), match +2.5 d (board), completed
 *   R2 it_digital   published 03-05 12:00, hand +0.25 d (B), match +1 d (suggestion), filled
 *   R3 design       published 03-10 (梅田), hand +3 d (A, declined), expired
 *   R4 other        a draft: not posted
 * April 2021: R5 other, posted and published 04-01 08:00 Tokyo (still March 31 in UTC)
 * 新宿区 (13104), March 2021: R6 it_digital, hand +1 d (A), match +1 d (invitation)
 */

const t = useApiApp();
const { foundation, staffAdachi } = useDemoPeople(t);

beforeAll(async () => {
  const a = (await createVolunteer(t)).id;
  const b = (await createVolunteer(t)).id;
  const p1 = tokyo('2021-03-02 00:00');
  await postMatch(
    t,
    tokyo('2021-03-01 10:00'),
    { category: 'it_digital', status: 'completed', publishedAt: p1 },
    { volunteerId: a, at: plusDays(p1, 1), acceptedAt: plusDays(p1, 2.5) },
  );
  const p2 = tokyo('2021-03-05 12:00');
  await postMatch(
    t,
    p2,
    { category: 'it_digital', status: 'filled', publishedAt: p2 },
    { volunteerId: b, at: plusDays(p2, 0.25), acceptedAt: plusDays(p2, 1), origin: 'suggestion' },
  );
  const p3 = tokyo('2021-03-10 09:00');
  const r3 = await postRequest(t, p3, {
    association: 'umeda',
    category: 'design_flyers',
    status: 'expired',
    publishedAt: p3,
  });
  await raiseHand(t, r3, { volunteerId: a, at: plusDays(p3, 3), decided: { at: plusDays(p3, 4), status: 'declined' } });
  await postRequest(t, tokyo('2021-03-20 10:00'), { status: 'draft', publishedAt: null });
  await postRequest(t, tokyo('2021-04-01 08:00'), { status: 'published', publishedAt: tokyo('2021-04-01 08:00') });
  const p6 = tokyo('2021-03-15 10:00');
  await postMatch(
    t,
    p6,
    { municipalityCode: '13104', category: 'it_digital', status: 'filled', publishedAt: p6 },
    { volunteerId: a, at: plusDays(p6, 1), acceptedAt: plusDays(p6, 1), origin: 'invitation' },
  );
  await refresh(t);
});

async function figures(headers: Record<string, string>, query: string): Promise<Statistics> {
  const res = await get(t, headers, `/api/statistics?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return Statistics.parse(res.json());
}

const none = { matchesFromBoard: 0, matchesFromSuggestion: 0, matchesFromInvitation: 0 };

describe('getStatistics: figures equal the hand count', () => {
  it('足立区 per month and for the period', async () => {
    const s = await figures(staffAdachi, 'from=2021-03&to=2021-04');
    expect(s.municipalityCode).toBe('13121');
    expect(s.months.map((m) => m.month)).toEqual(['2021-03', '2021-04']);
    expect(s.months[0]).toEqual({
      month: '2021-03',
      posted: 3,
      published: 3,
      matched: 2,
      completed: 1,
      matchRate: 2 / 3,
      medianDaysToFirstHand: 1,
      medianDaysToMatch: 1.75,
      activeVolunteers: 2,
      postingAssociations: 2,
      ...none,
      matchesFromBoard: 1,
      matchesFromSuggestion: 1,
    });
    expect(s.months[1]).toEqual({
      month: '2021-04',
      posted: 1,
      published: 1,
      matched: 0,
      completed: 0,
      matchRate: 0,
      medianDaysToFirstHand: null,
      medianDaysToMatch: null,
      activeVolunteers: 0,
      postingAssociations: 1,
      ...none,
    });
    expect(s.period).toMatchObject({
      posted: 4,
      published: 4,
      matched: 2,
      completed: 1,
      matchRate: 0.5,
      medianDaysToFirstHand: 1,
      medianDaysToMatch: 1.75,
      activeVolunteers: 1,
      postingAssociations: 2,
    });
    const byCategory = Object.fromEntries(s.categories.map(({ category, ...counts }) => [category, counts]));
    expect(byCategory.it_digital).toMatchObject({ posted: 2, published: 2, matched: 2, completed: 1 });
    expect(byCategory.design_flyers).toMatchObject({ posted: 1, published: 1, matched: 0, completed: 0 });
    expect(byCategory.other).toMatchObject({ posted: 1, published: 1, matched: 0 });
    expect(byCategory.photo_video).toMatchObject({ posted: 0, published: 0 });
    expect(s.refreshedAt).not.toBeNull();
  });

  it('all Tokyo (the foundation): a volunteer active in two wards counts once', async () => {
    const s = await figures(foundation, 'from=2021-03&to=2021-03');
    expect(s.municipalityCode).toBeNull();
    expect(s.months[0]).toMatchObject({
      posted: 4,
      published: 4,
      matched: 3,
      completed: 1,
      matchRate: 3 / 4,
      medianDaysToFirstHand: 1,
      medianDaysToMatch: 1,
      activeVolunteers: 2,
      postingAssociations: 3,
      matchesFromBoard: 1,
      matchesFromSuggestion: 1,
      matchesFromInvitation: 1,
    });
    const shinjuku = await figures(foundation, 'municipalityCode=13104&from=2021-03&to=2021-03');
    expect(shinjuku.months[0]).toMatchObject({ posted: 1, matched: 1, activeVolunteers: 1, matchesFromInvitation: 1 });
  });

  it('a month with nothing is all zeros; a bad month or range is refused', async () => {
    const s = await figures(staffAdachi, 'from=2020-01&to=2020-01');
    expect(s.months[0]).toMatchObject({ posted: 0, published: 0, matchRate: null, activeVolunteers: 0 });
    for (const query of ['from=2021-13', 'to=21-03', 'from=2021-05&to=2021-03', 'from=2010-01&to=2021-01']) {
      const res = await get(t, staffAdachi, `/api/statistics?${query}`);
      expect(res.statusCode, query).toBe(400);
    }
  });

  it('the CSV and the JSON carry the same figures', async () => {
    const lines = csvLines(
      await get(t, staffAdachi, '/api/statistics/export?from=2021-03&to=2021-04&format=csv&language=en'),
    );
    expect(lines[0]).toContain('"Requests posted"');
    expect(lines[1]).toMatch(/^"2021-03","3","3","2","1","0.6667","1","1.75","2","2","1","1","0"$/);
    expect(lines).toHaveLength(4);
    const json = await get(t, staffAdachi, '/api/statistics/export?from=2021-03&to=2021-04&format=json');
    expect(json.headers['content-disposition']).toContain('.json');
    expect(Statistics.parse(JSON.parse(json.body)).period.posted).toBe(4);
  });
});

describe('histogramMedian', () => {
  it('is the middle value (or the mean of the two) in half days', () => {
    expect(histogramMedian([])).toBeNull();
    expect(histogramMedian([0, 0, 3])).toBe(1);
    expect(histogramMedian([1, 0, 0, 1])).toBe(0.75);
    expect(histogramMedian([2, 1])).toBe(0);
  });
});
