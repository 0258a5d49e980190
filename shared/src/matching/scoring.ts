import type { Category } from '../categories.ts';
import { dayParts, tokyoSlotOf, type DayPart, type Weekday } from '../skills/availability.ts';
import type { SkillLevel } from '../skills/taxonomy.ts';
import { areNeighbours } from './neighbours.ts';

/**
 * Suggestions (おすすめ, issue 10) are scored by adding the weights of the features that hold, the
 * same for both directions: requests for a volunteer (`rankRequestsForVolunteer`) and volunteers
 * for a request (`rankVolunteersForRequest`). Every feature that scores also gives a reason (a key
 * with parameters) that the web says in ja / en / やさしい日本語, so a card tells why. Order is
 * score, highest first, then id: the same input always gives the same list.
 *
 * | feature           | weight           | when                                                                  |
 * | ----------------- | ---------------- | --------------------------------------------------------------------- |
 * | skill             | 40 teach, 30 can | the request wants a skill the volunteer has (best level counts)       |
 * | more skills       | +5 each, max +10 | each further wanted skill the volunteer has                           |
 * | category          | 12               | no skill in common, but the volunteer has a skill of the category     |
 * | same municipality | 25               | the request is in one of the volunteer's areas                        |
 * | neighbour         | 15               | … in a municipality next to one of them (`neighbours.ts`)             |
 * | online            | 10               | the request can be done online and the volunteer helps online         |
 * | available         | 10               | the work's Tokyo weekday and part of day is in their availability    |
 * | language          | 8                | the work is in a language other than Japanese that the volunteer reads |
 * | deadline soon     | 6                | hands close within 7 days (requests for a volunteer only)             |
 * | few hands         | 5 none, 3 fewer  | no hand yet, or fewer hands than open slots (requests for a volunteer) |
 * | past helps        | 4 each, max 12   | completed helps in the request's category (volunteers for a request)  |
 * | thanks            | 2 each, max 10   | thank-you notes received (volunteers for a request)                   |
 * | open matches      | −8 each          | matches still under way: the same few are not asked every time       |
 *
 * A suggestion needs a reason to exist: a skill or category fit, or, for a volunteer who has named
 * no skill yet, a request in or next to their areas. Where a volunteer named areas, work done in
 * person elsewhere is not suggested (they said where they help).
 */
export const matchingWeights = {
  skillTeach: 40,
  skillCan: 30,
  extraSkill: 5,
  extraSkillMax: 10,
  category: 12,
  sameMunicipality: 25,
  neighbour: 15,
  online: 10,
  available: 10,
  language: 8,
  deadlineSoon: 6,
  deadlineSoonDays: 7,
  noHandsYet: 5,
  fewHands: 3,
  pastHelp: 4,
  pastHelpsMax: 12,
  thanks: 2,
  thanksMax: 10,
  openMatch: -8,
} as const;

/** Why something is suggested: a key the web translates, with what it needs to say it. */
export type MatchReason =
  | { key: 'skill'; params: { skill: string; level: SkillLevel } }
  | { key: 'category'; params: { category: Category } }
  | { key: 'sameMunicipality'; params: { municipalityCode: string } }
  | { key: 'neighbour'; params: { municipalityCode: string } }
  | { key: 'online'; params: Record<string, never> }
  | { key: 'available'; params: { day: Weekday; part: DayPart | null } }
  | { key: 'language'; params: { language: string } }
  | { key: 'deadlineSoon'; params: { days: number } }
  | { key: 'noHandsYet'; params: Record<string, never> }
  | { key: 'fewHands'; params: { hands: number } }
  | { key: 'pastHelps'; params: { count: number; category: Category } }
  | { key: 'thanks'; params: { count: number } };
export type MatchReasonKey = MatchReason['key'];

/** What scoring reads of a volunteer's profile. */
export interface VolunteerForMatching {
  id: string;
  skills: readonly { key: string; level: SkillLevel }[];
  /** municipality codes they help in ([] = not said) */
  municipalityCodes: readonly string[];
  onlineOk: boolean;
  /** `mon-morning` … `sun-evening` */
  availabilitySlots: readonly string[];
  languages: readonly string[];
}

/** What a volunteer's record adds when officers look for hands. */
export interface VolunteerRecord {
  /** completed helps in the request's category */
  pastHelpsInCategory: number;
  thanksReceived: number;
  /** accepted applications not yet completed */
  openMatches: number;
}

/** What scoring reads of a help request. */
export interface RequestForMatching {
  id: string;
  category: Category;
  skillKeys: readonly string[];
  municipalityCode: string;
  online: boolean;
  whenKind: string;
  startsAt: Date | null;
  applicationDeadline: Date | null;
  languages: readonly string[];
  slots: number;
  matchedCount: number;
  /** hands raised so far (pending or accepted) */
  hands: number;
}

/** How scoring finds a skill's category (the skills vocabulary). */
export type SkillCategoryOf = (skillKey: string) => Category | undefined;

export interface Scored<T> {
  item: T;
  score: number;
  reasons: MatchReason[];
}

/**
 * Where a feature tells why it scored: a list being filled, or nowhere. Ranking scores every
 * candidate without reasons and tells them for the few it returns (candidates number in the
 * thousands at Tokyo scale; building reasons for each was most of the ranking's garbage).
 */
type Told = MatchReason[] | null;

/** Teach before can, then the key: the skill a card names. */
const namedBefore = (a: { key: string; level: SkillLevel }, b: { key: string; level: SkillLevel }) =>
  a.level === b.level ? a.key.localeCompare(b.key) < 0 : a.level === 'teach';

function skillFit(v: VolunteerForMatching, r: RequestForMatching, categoryOf: SkillCategoryOf, told: Told): number {
  const w = matchingWeights;
  let best: { key: string; level: SkillLevel } | undefined;
  let matched = 0;
  for (const key of r.skillKeys) {
    const skill = v.skills.find((s) => s.key === key);
    if (!skill) continue;
    matched++;
    if (!best || namedBefore(skill, best)) best = skill;
  }
  if (best) {
    told?.push({ key: 'skill', params: { skill: best.key, level: best.level } });
    return (
      (best.level === 'teach' ? w.skillTeach : w.skillCan) + Math.min(w.extraSkillMax, w.extraSkill * (matched - 1))
    );
  }
  for (const s of v.skills) {
    if (categoryOf(s.key) !== r.category) continue;
    told?.push({ key: 'category', params: { category: r.category } });
    return w.category;
  }
  return 0;
}

type AreaKind = 'sameMunicipality' | 'neighbour' | 'online' | null;

function areaFit(v: VolunteerForMatching, r: RequestForMatching): { kind: AreaKind; near?: string } {
  if (v.municipalityCodes.includes(r.municipalityCode)) return { kind: 'sameMunicipality' };
  // the first of their areas, in code order, that is next to the request's
  let near: string | undefined;
  for (const code of v.municipalityCodes) {
    if ((near === undefined || code < near) && areNeighbours(code, r.municipalityCode)) near = code;
  }
  if (near !== undefined) return { kind: 'neighbour', near };
  return { kind: r.online && v.onlineOk ? 'online' : null };
}

function tellArea(area: { kind: AreaKind; near?: string }, r: RequestForMatching, told: Told): number {
  const w = matchingWeights;
  switch (area.kind) {
    case 'sameMunicipality':
      told?.push({ key: 'sameMunicipality', params: { municipalityCode: r.municipalityCode } });
      return w.sameMunicipality;
    case 'neighbour':
      told?.push({ key: 'neighbour', params: { municipalityCode: area.near! } });
      return w.neighbour;
    case 'online':
      told?.push({ key: 'online', params: {} });
      return w.online;
    default:
      return 0;
  }
}

/** The availability slots that fit a request's date: its part of the day, or any part of a day's work; none without a date. */
export function slotsThatFit(r: Pick<RequestForMatching, 'startsAt' | 'whenKind'>): string[] {
  if (!r.startsAt || r.whenKind === 'flexible') return [];
  const { day, part } = tokyoSlotOf(r.startsAt);
  return r.whenKind === 'day' ? dayParts.map((p) => `${day}-${p}`) : [`${day}-${part}`];
}

function availabilityFit(v: VolunteerForMatching, r: RequestForMatching, told: Told): number {
  if (v.availabilitySlots.length === 0) return 0;
  const fitting = slotsThatFit(r);
  if (!v.availabilitySlots.some((s) => fitting.includes(s))) return 0;
  const { day, part } = tokyoSlotOf(r.startsAt!);
  told?.push({ key: 'available', params: { day, part: r.whenKind === 'day' ? null : part } });
  return matchingWeights.available;
}

function languageFit(v: VolunteerForMatching, r: RequestForMatching, told: Told): number {
  let language: string | undefined;
  for (const l of r.languages) {
    if (l !== 'ja' && v.languages.includes(l) && (language === undefined || l < language)) language = l;
  }
  if (language === undefined) return 0;
  told?.push({ key: 'language', params: { language } });
  return matchingWeights.language;
}

/** How well a volunteer fits a request (null when nothing fits: see the rule above the weights); its reasons go to `told`. */
function fitScore(
  v: VolunteerForMatching,
  r: RequestForMatching,
  categoryOf: SkillCategoryOf,
  told: Told,
): number | null {
  const area = areaFit(v, r);
  const inPersonElsewhere = v.municipalityCodes.length > 0 && area.kind === null && !r.online;
  if (inPersonElsewhere) return null;
  const skill = skillFit(v, r, categoryOf, told);
  const fits = skill > 0 || (v.skills.length === 0 && area.kind !== null && area.kind !== 'online');
  if (!fits) return null;
  return skill + tellArea(area, r, told) + availabilityFit(v, r, told) + languageFit(v, r, told);
}

/**
 * How well a volunteer fits a request, with the reasons; null when nothing fits (see the rule
 * above the weights).
 */
export function personFit(
  v: VolunteerForMatching,
  r: RequestForMatching,
  categoryOf: SkillCategoryOf,
): { score: number; reasons: MatchReason[] } | null {
  const reasons: MatchReason[] = [];
  const score = fitScore(v, r, categoryOf, reasons);
  return score === null ? null : { score, reasons };
}

/** What makes a request more pressing for a volunteer: hands close soon, few hands so far. */
function urgency(r: RequestForMatching, now: Date, told: Told): number {
  const w = matchingWeights;
  let score = 0;
  if (r.applicationDeadline) {
    const days = Math.ceil((r.applicationDeadline.getTime() - now.getTime()) / 86_400_000);
    if (days >= 0 && days <= w.deadlineSoonDays) {
      score += w.deadlineSoon;
      told?.push({ key: 'deadlineSoon', params: { days } });
    }
  }
  if (r.hands === 0) {
    score += w.noHandsYet;
    told?.push({ key: 'noHandsYet', params: {} });
  } else if (r.hands < r.slots - r.matchedCount) {
    score += w.fewHands;
    told?.push({ key: 'fewHands', params: { hands: r.hands } });
  }
  return score;
}

/** What a volunteer's record adds (or takes) when officers look for hands. */
function record(rec: VolunteerRecord, category: Category, told: Told): number {
  const w = matchingWeights;
  const helps = Math.min(w.pastHelpsMax, w.pastHelp * rec.pastHelpsInCategory);
  const thanks = Math.min(w.thanksMax, w.thanks * rec.thanksReceived);
  if (helps > 0) told?.push({ key: 'pastHelps', params: { count: rec.pastHelpsInCategory, category } });
  if (thanks > 0) told?.push({ key: 'thanks', params: { count: rec.thanksReceived } });
  return helps + thanks + w.openMatch * rec.openMatches;
}

/**
 * The best `limit` by `score` (highest first, then id), each with the reasons `tell` gives:
 * everyone is scored without reasons, only those returned are told (`withReasons: false`: none).
 */
function ranked<T extends { id: string }>(
  items: readonly T[],
  score: (item: T, told: Told) => number | null,
  limit: number,
  withReasons: boolean,
): Scored<T>[] {
  const scored: { item: T; score: number }[] = [];
  for (const item of items) {
    const points = score(item, null);
    if (points !== null) scored.push({ item, score: points });
  }
  scored.sort((a, b) => b.score - a.score || (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0));
  return scored.slice(0, limit).map(({ item, score: points }) => {
    const reasons: MatchReason[] = [];
    if (withReasons) score(item, reasons);
    return { item, score: points, reasons };
  });
}

/** How many to rank and whether to tell why: `withReasons: false` for a list only scores are read from. */
interface RankOptions {
  categoryOf: SkillCategoryOf;
  limit: number;
  withReasons?: boolean;
}

/** Requests for a volunteer, best first, each with its reasons. */
export function rankRequestsForVolunteer<R extends RequestForMatching>(
  volunteer: VolunteerForMatching,
  requests: readonly R[],
  options: RankOptions & { now: Date },
): Scored<R>[] {
  const score = (r: R, told: Told) => {
    const fit = fitScore(volunteer, r, options.categoryOf, told);
    return fit === null ? null : fit + urgency(r, options.now, told);
  };
  return ranked(requests, score, options.limit, options.withReasons ?? true);
}

/** Volunteers for a request, best first, each with its reasons. */
export function rankVolunteersForRequest<V extends VolunteerForMatching & VolunteerRecord>(
  request: RequestForMatching,
  volunteers: readonly V[],
  options: RankOptions,
): Scored<V>[] {
  const score = (v: V, told: Told) => {
    const fit = fitScore(v, request, options.categoryOf, told);
    return fit === null ? null : fit + record(v, request.category, told);
  };
  return ranked(volunteers, score, options.limit, options.withReasons ?? true);
}
