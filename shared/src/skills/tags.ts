import { normalizeForSearch } from '../search/tokens.ts';
import { skills, type SkillKey } from './taxonomy.ts';

/**
 * What `skillTagForm` drops: spaces, ASCII punctuation and symbols (after NFKC, full-width ones
 * are ASCII) and Japanese punctuation. Written so that PostgreSQL's regular expressions read it
 * the same (the data migration of issue 10 folds stored tags in SQL, db/src/skill-spellings-sql.ts).
 */
export const skillTagSeparators = '[[:space:]!-/:-@[-`{-~、。・「」『』【】〈〉《》〔〕…‥]';
const separators = /[\s!-/:-@[-`{-~、。・「」『』【】〈〉《》〔〕…‥]+/gu;

/**
 * A tag as compared with the vocabulary: the search folding (NFKC width, case, katakana →
 * hiragana) and without spaces and separators, so "Ｃａｎｖａ", "エクセル", "えくせる" and
 * "Wi-Fi" / "wifi" each read the same.
 */
export function skillTagForm(text: string): string {
  return normalizeForSearch(text).replace(separators, '');
}

/** Every spelling the vocabulary knows (key, the three labels, synonyms) → its skill. */
export const skillSpellings: ReadonlyMap<string, SkillKey> = (() => {
  const map = new Map<string, SkillKey>();
  for (const skill of skills) {
    for (const text of [skill.key, ...Object.values(skill.label), ...skill.synonyms]) {
      const form = skillTagForm(text);
      if (form && !map.has(form)) map.set(form, skill.key);
    }
  }
  return map;
})();

export type MappedSkillTag = { skill: SkillKey } | { free: string };

/**
 * A typed tag as a skill of the vocabulary when one of its spellings is exactly the tag
 * ("Canva" → flyer_design, "ｴｸｾﾙ" → spreadsheets); otherwise the tag as a free tag, trimmed.
 */
export function mapSkillTag(text: string): MappedSkillTag {
  const skill = skillSpellings.get(skillTagForm(text));
  return skill ? { skill } : { free: text.trim() };
}

/** Tags split into vocabulary skills (unique, in order) and the free tags that match nothing (unique). */
export function mapSkillTags(tags: readonly string[]): { skillKeys: SkillKey[]; free: string[] } {
  const skillKeys = new Set<SkillKey>();
  const free = new Map<string, string>();
  for (const tag of tags) {
    const mapped = mapSkillTag(tag);
    if ('skill' in mapped) skillKeys.add(mapped.skill);
    else if (mapped.free && !free.has(skillTagForm(mapped.free))) free.set(skillTagForm(mapped.free), mapped.free);
  }
  return { skillKeys: [...skillKeys], free: [...free.values()] };
}
