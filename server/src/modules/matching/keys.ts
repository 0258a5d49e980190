import {
  matchingWeights,
  neighboursOf,
  skillOf,
  skills,
  slotsThatFit,
  type RequestForMatching,
  type VolunteerForMatching,
} from '@board/shared';

/**
 * The keys one side of a suggestion asks the other side's GIN index for (migration 0037:
 * `request_match_keys`, `volunteer_match_keys`). They ask for exactly the rows that scoring
 * (shared/src/matching/scoring.ts, `personFit`) can suggest: a skill or category fit, in or next
 * to the volunteer's areas or online; or, for a volunteer who named no skill, an area fit.
 *
 * A key is a skill (`flyer_design`: anywhere), a skill in a place (`flyer_design@13121`), a skill
 * online (`flyer_design@online`), a skill of a volunteer who named no area (`flyer_design@*`), or,
 * for a volunteer who named no skill, a place (`*@13121`).
 */

/** A skill's category in the vocabulary (what scoring's category fit reads). */
export const categoryOf = (key: string) => skillOf(key)?.category;
const at = (skill: string, place: string) => `${skill}@${place}`;

/** The skills themselves and the other skills of their categories (a category fit scores too, weaker). */
export function withCategorySkills(keys: readonly string[]): string[] {
  const categories = new Set(keys.map(categoryOf).filter((c) => c !== undefined));
  return [...new Set([...keys, ...skills.filter((s) => categories.has(s.category)).map((s) => s.key)])].sort();
}

/** These municipalities and those next to them. */
export function withNeighbours(codes: readonly string[]): string[] {
  return [...new Set(codes.flatMap((code) => [code, ...neighboursOf(code)]))].sort();
}

/** The most hands so far add to a request's score for a volunteer (no hand yet, or few). */
export const handsMost = Math.max(matchingWeights.noHandsYet, matchingWeights.fewHands);

/** What scoring reads of a volunteer to suggest requests to them. */
type VolunteerToMatch = Pick<
  VolunteerForMatching,
  'skills' | 'municipalityCodes' | 'onlineOk' | 'availabilitySlots' | 'languages'
>;

/** Keys × the places a volunteer helps: their areas and next to them, and online; anywhere if they named no area. */
function inTheirPlaces(volunteer: VolunteerToMatch, keys: readonly string[]): string[] {
  const areas = withNeighbours(volunteer.municipalityCodes);
  if (areas.length === 0) return [...keys];
  return keys.flatMap((key) => [...areas, 'online'].map((place) => at(key, place)));
}

/** A volunteer's skill keys, once each, and their categories, in order. */
function ownSkillsOf(volunteer: VolunteerToMatch) {
  const own = [...new Set(volunteer.skills.map((s) => s.key))].sort();
  return { own, categories: [...new Set(own.map(categoryOf).filter((c) => c !== undefined))].sort() };
}

/**
 * What a volunteer asks the open requests for: first by their own skills (or, with none, by
 * their areas); then, only if scores allow, by the categories of their skills (`categories`,
 * with the most such a request can score: a category fit and the best of everything else).
 */
export function keysForVolunteer(volunteer: VolunteerToMatch): {
  own: string[];
  categories: { keys: string[]; bound: number };
} {
  const w = matchingWeights;
  const { own, categories } = ownSkillsOf(volunteer);
  const bound =
    w.category +
    (volunteer.municipalityCodes.length > 0 ? w.sameMunicipality : volunteer.onlineOk ? w.online : 0) +
    (volunteer.availabilitySlots.length > 0 ? w.available : 0) +
    (volunteer.languages.some((l) => l !== 'ja') ? w.language : 0) +
    w.deadlineSoon +
    handsMost;
  return {
    // no skill named: requests in or next to their areas
    own:
      own.length === 0
        ? withNeighbours(volunteer.municipalityCodes).map((code) => at('*', code))
        : inTheirPlaces(volunteer, own),
    categories: {
      keys: inTheirPlaces(
        volunteer,
        categories.map((c) => `c:${c}`),
      ),
      bound,
    },
  };
}

/** What scoring reads of a request to suggest volunteers for it. */
type RequestToMatch = Pick<
  RequestForMatching,
  'category' | 'skillKeys' | 'municipalityCode' | 'online' | 'whenKind' | 'startsAt' | 'languages'
>;

/** Skills a volunteer may fit a request by: its own, and the others of its category and theirs. */
function skillsFor(request: RequestToMatch): { direct: string[]; related: string[] } {
  const direct = [...new Set(request.skillKeys)].sort();
  const related = withCategorySkills([
    ...direct,
    ...skills.filter((s) => s.category === request.category).map((s) => s.key),
  ]);
  return { direct, related: related.filter((key) => !direct.includes(key)) };
}

/** What a request asks the suggestable volunteers for. */
export function keysForRequest(request: RequestToMatch): string[] {
  const { direct, related } = skillsFor(request);
  const wanted = [...direct, ...related].sort();
  const areas = withNeighbours([request.municipalityCode]);
  const withoutSkills = areas.map((code) => at('*', code));
  // online work: whoever has the skill, wherever they help
  if (request.online) return [...wanted, ...withoutSkills];
  // in person: those who help in or next to its municipality, or named no area
  return [...wanted.flatMap((skill) => [...areas, '*'].map((place) => at(skill, place))), ...withoutSkills];
}

/**
 * What `suggestion_candidates` needs to give each candidate its score (its `bound`, migration
 * 0040): the request's wanted skills and those of their categories, its place, the slots and
 * languages that fit, and the weights. The list reads candidates in the order scoring gives.
 */
export function boundTermsFor(request: RequestToMatch) {
  const w = matchingWeights;
  const { direct, related } = skillsFor(request);
  return {
    direct,
    related,
    municipality: request.municipalityCode,
    neighbours: neighboursOf(request.municipalityCode),
    online: request.online,
    slots: slotsThatFit(request),
    languages: request.languages.filter((l) => l !== 'ja'),
    weights: {
      skillTeach: w.skillTeach,
      skillCan: w.skillCan,
      extraSkill: w.extraSkill,
      extraSkillMax: w.extraSkillMax,
      category: w.category,
      sameMunicipality: w.sameMunicipality,
      neighbour: w.neighbour,
      online: w.online,
      available: w.available,
      language: w.language,
      pastHelp: w.pastHelp,
      pastHelpsMax: w.pastHelpsMax,
      thanks: w.thanks,
      thanksMax: w.thanksMax,
      openMatch: w.openMatch,
    },
  };
}
export type BoundTerms = ReturnType<typeof boundTermsFor>;

/**
 * What the candidate requests' query needs to give each request a bound: the score scoring gives
 * it for this volunteer with hands at their most (they are counted for the head of the list only).
 */
export function requestBoundTermsFor(volunteer: VolunteerToMatch) {
  const { own, categories } = ownSkillsOf(volunteer);
  return {
    own,
    teach: volunteer.skills.filter((s) => s.level === 'teach').map((s) => s.key),
    categories: categories as string[],
    areas: [...volunteer.municipalityCodes],
    neighbours: withNeighbours(volunteer.municipalityCodes).filter(
      (code) => !volunteer.municipalityCodes.includes(code),
    ),
    onlineOk: volunteer.onlineOk,
    /** the weekdays of their free slots (`sat` of `sat-morning`) */
    days: [...new Set(volunteer.availabilitySlots.map((slot) => slot.slice(0, 3)))],
    /** their free slots (`sat-morning`) */
    slots: [...volunteer.availabilitySlots],
    languages: volunteer.languages.filter((l) => l !== 'ja'),
    handsMost,
  };
}
export type RequestBoundTerms = ReturnType<typeof requestBoundTermsFor>;
