import type { Category } from '../categories.ts';
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

type SkillLevel = 'can' | 'teach';
/** weekdays in `Date.getUTCDay()` order */
const weekdaysFromSunday = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
type Weekday = (typeof weekdaysFromSunday)[number];
const dayParts = ['morning', 'afternoon', 'evening'] as const;
type DayPart = (typeof dayParts)[number];

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

const tokyoOffsetMs = 9 * 3_600_000;

/** The Tokyo weekday and part of day of an instant (morning before 12:00, afternoon before 17:00). */
export function tokyoSlotOf(instant: Date): { day: Weekday; part: DayPart } {
  const tokyo = new Date(instant.getTime() + tokyoOffsetMs);
  const hour = tokyo.getUTCHours();
  return {
    day: weekdaysFromSunday[tokyo.getUTCDay()]!,
    part: hour < 12 ? 'morning' : hour < 17 ? 'afternoon' : 'evening',
  };
}

function skillFit(v: VolunteerForMatching, r: RequestForMatching, categoryOf: SkillCategoryOf) {
  const w = matchingWeights;
  const matched = r.skillKeys
    .map((key) => v.skills.find((s) => s.key === key))
    .filter((s) => s !== undefined)
    .sort((a, b) => (a.level === b.level ? a.key.localeCompare(b.key) : a.level === 'teach' ? -1 : 1));
  const best = matched[0];
  if (best) {
    const extra = Math.min(w.extraSkillMax, w.extraSkill * (matched.length - 1));
    const score = (best.level === 'teach' ? w.skillTeach : w.skillCan) + extra;
    return { score, reasons: [{ key: 'skill', params: { skill: best.key, level: best.level } }] as MatchReason[] };
  }
  if (v.skills.some((s) => categoryOf(s.key) === r.category)) {
    return { score: w.category, reasons: [{ key: 'category', params: { category: r.category } }] as MatchReason[] };
  }
  return { score: 0, reasons: [] as MatchReason[] };
}

function areaFit(v: VolunteerForMatching, r: RequestForMatching): { score: number; reason: MatchReason | null } {
  const w = matchingWeights;
  if (v.municipalityCodes.includes(r.municipalityCode)) {
    return {
      score: w.sameMunicipality,
      reason: { key: 'sameMunicipality', params: { municipalityCode: r.municipalityCode } },
    };
  }
  const near = [...v.municipalityCodes].sort().find((code) => areNeighbours(code, r.municipalityCode));
  if (near) return { score: w.neighbour, reason: { key: 'neighbour', params: { municipalityCode: near } } };
  if (r.online && v.onlineOk) return { score: w.online, reason: { key: 'online', params: {} } };
  return { score: 0, reason: null };
}

/** The availability slots that fit a request's date: its part of the day, or any part of a day's work; none without a date. */
export function slotsThatFit(r: Pick<RequestForMatching, 'startsAt' | 'whenKind'>): string[] {
  if (!r.startsAt || r.whenKind === 'flexible') return [];
  const { day, part } = tokyoSlotOf(r.startsAt);
  return r.whenKind === 'day' ? dayParts.map((p) => `${day}-${p}`) : [`${day}-${part}`];
}

function availabilityFit(v: VolunteerForMatching, r: RequestForMatching): MatchReason | null {
  const fitting = slotsThatFit(r);
  if (!v.availabilitySlots.some((s) => fitting.includes(s))) return null;
  const { day, part } = tokyoSlotOf(r.startsAt!);
  return { key: 'available', params: { day, part: r.whenKind === 'day' ? null : part } };
}

function languageFit(v: VolunteerForMatching, r: RequestForMatching): MatchReason | null {
  const language = r.languages.filter((l) => l !== 'ja' && v.languages.includes(l)).sort()[0];
  return language ? { key: 'language', params: { language } } : null;
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
  const skill = skillFit(v, r, categoryOf);
  const area = areaFit(v, r);
  const inPersonElsewhere = v.municipalityCodes.length > 0 && area.reason === null && !r.online;
  const fits = skill.score > 0 || (v.skills.length === 0 && area.reason !== null && area.reason.key !== 'online');
  if (!fits || inPersonElsewhere) return null;
  const reasons = [...skill.reasons];
  let score = skill.score + area.score;
  if (area.reason) reasons.push(area.reason);
  const available = availabilityFit(v, r);
  if (available) {
    score += matchingWeights.available;
    reasons.push(available);
  }
  const language = languageFit(v, r);
  if (language) {
    score += matchingWeights.language;
    reasons.push(language);
  }
  return { score, reasons };
}

/** What makes a request more pressing for a volunteer: hands close soon, few hands so far. */
function urgency(r: RequestForMatching, now: Date): { score: number; reasons: MatchReason[] } {
  const w = matchingWeights;
  const found: [number, MatchReason][] = [];
  if (r.applicationDeadline) {
    const days = Math.ceil((r.applicationDeadline.getTime() - now.getTime()) / 86_400_000);
    if (days >= 0 && days <= w.deadlineSoonDays)
      found.push([w.deadlineSoon, { key: 'deadlineSoon', params: { days } }]);
  }
  if (r.hands === 0) found.push([w.noHandsYet, { key: 'noHandsYet', params: {} }]);
  else if (r.hands < r.slots - r.matchedCount)
    found.push([w.fewHands, { key: 'fewHands', params: { hands: r.hands } }]);
  return { score: found.reduce((sum, [points]) => sum + points, 0), reasons: found.map(([, reason]) => reason) };
}

/** What a volunteer's record adds (or takes) when officers look for hands. */
function record(rec: VolunteerRecord, category: Category): { score: number; reasons: MatchReason[] } {
  const w = matchingWeights;
  const reasons: MatchReason[] = [];
  const helps = Math.min(w.pastHelpsMax, w.pastHelp * rec.pastHelpsInCategory);
  const thanks = Math.min(w.thanksMax, w.thanks * rec.thanksReceived);
  if (helps > 0) reasons.push({ key: 'pastHelps', params: { count: rec.pastHelpsInCategory, category } });
  if (thanks > 0) reasons.push({ key: 'thanks', params: { count: rec.thanksReceived } });
  return { score: helps + thanks + w.openMatch * rec.openMatches, reasons };
}

function ranked<T extends { id: string }>(scored: Scored<T>[], limit: number): Scored<T>[] {
  return scored
    .sort((a, b) => b.score - a.score || (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0))
    .slice(0, limit);
}

/** Requests for a volunteer, best first, each with its reasons. */
export function rankRequestsForVolunteer<R extends RequestForMatching>(
  volunteer: VolunteerForMatching,
  requests: readonly R[],
  options: { now: Date; categoryOf: SkillCategoryOf; limit: number },
): Scored<R>[] {
  const scored: Scored<R>[] = [];
  for (const r of requests) {
    const fit = personFit(volunteer, r, options.categoryOf);
    if (!fit) continue;
    const pressing = urgency(r, options.now);
    scored.push({ item: r, score: fit.score + pressing.score, reasons: [...fit.reasons, ...pressing.reasons] });
  }
  return ranked(scored, options.limit);
}

/** Volunteers for a request, best first, each with its reasons. */
export function rankVolunteersForRequest<V extends VolunteerForMatching & VolunteerRecord>(
  request: RequestForMatching,
  volunteers: readonly V[],
  options: { categoryOf: SkillCategoryOf; limit: number },
): Scored<V>[] {
  const scored: Scored<V>[] = [];
  for (const v of volunteers) {
    const fit = personFit(v, request, options.categoryOf);
    if (!fit) continue;
    const past = record(v, request.category);
    scored.push({ item: v, score: fit.score + past.score, reasons: [...fit.reasons, ...past.reasons] });
  }
  return ranked(scored, options.limit);
}
