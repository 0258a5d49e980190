import { describe, expect, it } from 'vitest';
import {
  matchingWeights as w,
  rankRequestsForVolunteer,
  rankVolunteersForRequest,
  tokyoSlotOf,
  type Category,
  type RequestForMatching,
  type VolunteerForMatching,
} from '../src/index.ts';

const categories: Record<string, Category> = {
  flyer_design: 'design_flyers',
  poster_design: 'design_flyers',
  photo_events: 'photo_video',
  translation_en: 'translation',
};
const categoryOf = (key: string) => categories[key];
const now = new Date('2026-12-01T00:00:00Z');

function request(id: string, over: Partial<RequestForMatching> = {}): RequestForMatching {
  return {
    id,
    category: 'design_flyers',
    skillKeys: ['flyer_design'],
    municipalityCode: '13121', // 足立区
    online: false,
    whenKind: 'flexible',
    startsAt: null,
    applicationDeadline: null,
    languages: ['ja'],
    slots: 1,
    matchedCount: 0,
    hands: 1,
    ...over,
  };
}

function volunteer(id: string, over: Partial<VolunteerForMatching> = {}): VolunteerForMatching {
  return {
    id,
    skills: [{ key: 'flyer_design', level: 'can' }],
    municipalityCodes: [],
    onlineOk: false,
    availabilitySlots: [],
    languages: ['ja'],
    ...over,
  };
}

const rank = (v: VolunteerForMatching, rs: RequestForMatching[]) =>
  rankRequestsForVolunteer(v, rs, { now, categoryOf, limit: 20 });

describe('suggestion scoring (issue 10)', () => {
  it('says the Tokyo weekday and part of day, not the UTC one', () => {
    expect(tokyoSlotOf(new Date('2026-12-04T23:30:00Z'))).toEqual({ day: 'sat', part: 'morning' }); // Sat 08:30 JST
    expect(tokyoSlotOf(new Date('2026-12-05T05:00:00Z'))).toEqual({ day: 'sat', part: 'afternoon' });
    expect(tokyoSlotOf(new Date('2026-12-05T08:00:00Z'))).toEqual({ day: 'sat', part: 'evening' });
  });

  it('gives the example card its three reasons: skill, neighbouring ward, Saturday morning', () => {
    const v = volunteer('v', { municipalityCodes: ['13121'], availabilitySlots: ['sat-morning'] });
    const r = request('r', { municipalityCode: '13122', whenKind: 'at', startsAt: new Date('2026-12-04T23:30:00Z') });
    const [top] = rank(v, [r]);
    expect(top?.reasons).toEqual([
      { key: 'skill', params: { skill: 'flyer_design', level: 'can' } },
      { key: 'neighbour', params: { municipalityCode: '13121' } },
      { key: 'available', params: { day: 'sat', part: 'morning' } },
    ]);
    expect(top?.score).toBe(w.skillCan + w.neighbour + w.available);
  });

  it('orders skill over category, teach over can, same municipality over neighbour over online', () => {
    const teacher = volunteer('v', {
      skills: [
        { key: 'flyer_design', level: 'teach' },
        { key: 'photo_events', level: 'can' },
      ],
      municipalityCodes: ['13121'],
      onlineOk: true,
    });
    const ranked = rank(teacher, [
      request('a-online', { online: true, municipalityCode: '13201' }),
      request('b-neighbour', { municipalityCode: '13117' }),
      request('c-same', {}),
      request('d-category', { skillKeys: ['poster_design'] }),
      request('e-photo', { category: 'photo_video', skillKeys: ['photo_events'] }),
      request('f-far', { municipalityCode: '13201' }), // in person, far from 足立区: not suggested
      request('g-nothing', { category: 'manual_labour', skillKeys: [] }),
    ]);
    // teach+same 65; teach+neighbour 55 = can+same 55 (tie: by id); teach+online 50; category+same 37
    expect(ranked.map((s) => [s.item.id, s.score])).toEqual([
      ['c-same', w.skillTeach + w.sameMunicipality],
      ['b-neighbour', w.skillTeach + w.neighbour],
      ['e-photo', w.skillCan + w.sameMunicipality],
      ['a-online', w.skillTeach + w.online],
      ['d-category', w.category + w.sameMunicipality],
    ]);
    expect(ranked[2]?.reasons[0]).toEqual({ key: 'skill', params: { skill: 'photo_events', level: 'can' } });
    expect(ranked[4]?.reasons[0]).toEqual({ key: 'category', params: { category: 'design_flyers' } });
  });

  it('breaks ties by id and gives the same list for the same input', () => {
    const v = volunteer('v');
    const rs = [request('c'), request('a'), request('b')];
    expect(rank(v, rs).map((s) => s.item.id)).toEqual(['a', 'b', 'c']);
    expect(rank(v, [...rs].reverse())).toEqual(rank(v, rs));
  });

  it('tells reasons only for those it returns, and ranks the same without them', () => {
    const v = volunteer('v', { languages: ['ja', 'en'] });
    const rs = [request('a'), request('b', { languages: ['ja', 'en'] }), request('c', { municipalityCode: '13999' })];
    const told = rankRequestsForVolunteer(v, rs, { now, categoryOf, limit: 2 });
    const untold = rankRequestsForVolunteer(v, rs, { now, categoryOf, limit: rs.length, withReasons: false });
    expect(untold.map(({ item, score }) => [item.id, score])).toEqual(
      rank(v, rs).map(({ item, score }) => [item.id, score]),
    );
    expect(untold.every((s) => s.reasons.length === 0)).toBe(true);
    expect(told.map((s) => s.item.id)).toEqual(untold.slice(0, 2).map((s) => s.item.id));
    expect(told.every((s) => s.reasons.length > 0)).toBe(true);
  });

  it('brings up a near deadline, no hands yet, a language they read', () => {
    const v = volunteer('v', { languages: ['ja', 'en'] });
    const ranked = rank(v, [
      request('a-plain'),
      request('b-soon', { applicationDeadline: new Date('2026-12-04T00:00:00Z') }),
      request('c-untouched', { hands: 0 }),
      request('d-english', { languages: ['ja', 'en'] }),
      request('e-late', { applicationDeadline: new Date('2026-12-20T00:00:00Z') }),
    ]);
    expect(ranked.map((s) => s.item.id)).toEqual(['d-english', 'b-soon', 'c-untouched', 'a-plain', 'e-late']);
    expect(ranked[0]?.reasons.at(-1)).toEqual({ key: 'language', params: { language: 'en' } });
    expect(ranked[1]?.reasons.at(-1)).toEqual({ key: 'deadlineSoon', params: { days: 3 } });
    expect(ranked[2]?.reasons.at(-1)).toEqual({ key: 'noHandsYet', params: {} });
  });

  it('suggests by area alone only to a volunteer who has named no skill yet', () => {
    const newcomer = volunteer('v', { skills: [], municipalityCodes: ['13121'] });
    const ranked = rank(newcomer, [request('a', { municipalityCode: '13201' }), request('b')]);
    expect(ranked.map((s) => [s.item.id, s.reasons[0]?.key])).toEqual([['b', 'sameMunicipality']]);
    const skilled = volunteer('w', { skills: [{ key: 'photo_events', level: 'can' }], municipalityCodes: ['13121'] });
    expect(rank(skilled, [request('b')])).toEqual([]);
  });

  it('ranks volunteers for a request by fit, past helps and thanks, fewer for open matches', () => {
    const r = request('r', { whenKind: 'day', startsAt: new Date('2026-12-04T15:00:00Z') }); // Saturday in Tokyo
    const base = { pastHelpsInCategory: 0, thanksReceived: 0, openMatches: 0 };
    const ranked = rankVolunteersForRequest(
      r,
      [
        { ...volunteer('a-plain'), ...base },
        { ...volunteer('b-busy', { municipalityCodes: ['13121'] }), ...base, openMatches: 2 },
        { ...volunteer('c-veteran'), ...base, pastHelpsInCategory: 5, thanksReceived: 2 },
        { ...volunteer('d-saturday', { availabilitySlots: ['sat-evening'] }), ...base },
        { ...volunteer('e-none', { skills: [] }), ...base },
      ],
      { categoryOf, limit: 10 },
    );
    expect(ranked.map((s) => [s.item.id, s.score])).toEqual([
      ['c-veteran', w.skillCan + w.pastHelpsMax + 2 * w.thanks],
      ['d-saturday', w.skillCan + w.available],
      ['b-busy', w.skillCan + w.sameMunicipality + 2 * w.openMatch],
      ['a-plain', w.skillCan],
    ]);
    expect(ranked[0]?.reasons.slice(1)).toEqual([
      { key: 'pastHelps', params: { count: 5, category: 'design_flyers' } },
      { key: 'thanks', params: { count: 2 } },
    ]);
    expect(ranked[1]?.reasons[1]).toEqual({ key: 'available', params: { day: 'sat', part: null } });
  });
});
