import {
  documentTokens,
  DomainError,
  mapSkillTags,
  tokyoDayStart,
  type Category,
  type HelpRequestInput,
  type When,
} from '@board/shared';
import { readingsOf } from '../../furigana/readings.ts';
import type { RequestContent } from './rows.ts';

/** What an officer writes, as the columns it becomes, and the municipality's say over categories. */

/**
 * "When" as stored: the kind and the start (for a day whose time is not fixed, the start of that
 * Tokyo day, so the board's date filters and "the work day has come" treat it as that day).
 */
function whenColumns(when: When): Pick<RequestContent, 'whenKind' | 'startsAt' | 'endsAt'> {
  if (when.kind === 'flexible') return { whenKind: 'flexible', startsAt: null, endsAt: null };
  if (when.kind === 'day') return { whenKind: 'day', startsAt: tokyoDayStart(when.day), endsAt: null };
  return {
    whenKind: when.kind,
    startsAt: new Date(when.startsAt),
    endsAt: when.kind === 'range' ? new Date(when.endsAt) : null,
  };
}

/** What the analyser makes of title and body once, when they are written (furigana, kana search). */
export async function textColumns(
  title: string,
  body: string,
): Promise<Pick<RequestContent, 'titleRuby' | 'bodyRuby' | 'searchTokens'>> {
  const [ofTitle, ofBody] = [await readingsOf(title), await readingsOf(body)];
  return {
    titleRuby: ofTitle.ruby,
    bodyRuby: ofBody.ruby,
    // the readings' tokens too, so kana finds kanji (ぼうさい finds 防災訓練)
    searchTokens: documentTokens(title, body, ofTitle.sound, ofBody.sound),
  };
}

/** The columns an officer's input becomes, with readings and the search tokens of title and body. */
export async function contentOf(input: HelpRequestInput): Promise<RequestContent> {
  // a free tag one of the vocabulary's spellings matches becomes that skill ("Canva" → flyer_design)
  const tags = mapSkillTags(input.skills);
  return {
    title: input.title,
    body: input.body,
    category: input.category,
    skills: tags.free,
    skillKeys: [...new Set([...input.skillKeys, ...tags.skillKeys])],
    slots: input.slots,
    ...whenColumns(input.when),
    area: input.area,
    exactPlace: input.exactPlace,
    online: input.online,
    estimatedHours: input.estimatedHours === null ? null : String(input.estimatedHours),
    expensesCovered: input.expensesCovered,
    applicationDeadline: input.applicationDeadline === null ? null : new Date(input.applicationDeadline),
    languages: [...new Set(input.languages)],
    summaryEn: input.summaryEn,
    summaryJaEasy: input.summaryJaEasy,
    ...(await textColumns(input.title, input.body)),
    handsMode: input.handsMode,
  };
}

/** Staff may narrow the categories of their municipality; empty means all. */
export function categoryEnabled(settings: { enabledCategories?: string[] }, category: Category): boolean {
  const enabled = settings.enabledCategories;
  return !enabled || enabled.length === 0 || enabled.includes(category);
}

/**
 * The municipality's rules for the category and the way of saying yes: the category is enabled,
 * and first come is not disallowed for it (staff settings).
 */
export function checkMunicipalityRules(
  settings: { enabledCategories?: string[]; firstComeDisallowed?: string[] },
  input: Pick<HelpRequestInput, 'category' | 'handsMode'>,
): void {
  if (!categoryEnabled(settings, input.category)) throw categoryRefused();
  if (input.handsMode === 'first_come' && (settings.firstComeDisallowed ?? []).includes(input.category)) {
    throw new DomainError('VALIDATION_FAILED', 'First come is not allowed for this category in this municipality.', [
      { field: 'handsMode', code: 'FIRST_COME_NOT_ALLOWED' },
    ]);
  }
}

export function categoryRefused(): DomainError {
  return new DomainError('VALIDATION_FAILED', 'This category is not available in this municipality.', [
    { field: 'category', code: 'CATEGORY_NOT_ENABLED' },
  ]);
}

/** A paused municipality takes no new requests (its board is off; matches already made go on). */
export function municipalityPaused(): DomainError {
  return new DomainError('MUNICIPALITY_PAUSED', 'This municipality is paused: no new requests for now.');
}
