import { z } from 'zod';
import type { Category } from '../categories.ts';
import { lifeSkills } from './vocabulary-life.ts';
import { workSkills } from './vocabulary-work.ts';

/**
 * The skills vocabulary (スキル): one list shared by help requests (the skills an officer asks
 * for) and volunteer profiles (what a volunteer can do or teach), so the two can be matched.
 * Each skill belongs to one of the 12 categories, has a label in each language of the UI, and
 * synonyms: what people type for it (kana and kanji spellings, English, tool names). Width, case
 * and katakana/hiragana are folded before comparing (see `mapSkillTag`), so "ＥＸＣＥＬ" and
 * "えくせる" need no entry of their own. A synonym belongs to one skill only (a test checks).
 *
 * Keys are stored (`volunteer_skills.skill_key`, `help_requests.skill_keys`): add skills freely,
 * never rename or remove a key without a migration.
 */
const entries = [...workSkills, ...lifeSkills] as const;

type SkillKeyName = (typeof entries)[number]['key'];

/** Every skill key, in the order of the vocabulary (by category). */
export const skillKeys = entries.map((e) => e.key) as [SkillKeyName, ...SkillKeyName[]];
export const SkillKey = z.enum(skillKeys);
export type SkillKey = z.infer<typeof SkillKey>;

export interface SkillDefinition {
  key: SkillKey;
  category: Category;
  label: { ja: string; en: string; 'ja-easy': string };
  synonyms: readonly string[];
}

/** The vocabulary: each skill with its category, labels and synonyms. */
export const skills: readonly SkillDefinition[] = entries.map(({ key, category, ja, en, easy, synonyms }) => ({
  key,
  category,
  label: { ja, en, 'ja-easy': easy },
  synonyms,
}));

const byKey = new Map(skills.map((s) => [s.key, s]));

/** The skill of a key, or undefined for a key the vocabulary does not know. */
export function skillOf(key: string): SkillDefinition | undefined {
  return byKey.get(key as SkillKey);
}

export function isSkillKey(key: string): key is SkillKey {
  return byKey.has(key as SkillKey);
}

/** How well a volunteer knows a skill: can do it (できる) or can teach it (教えられる). */
export const skillLevels = ['can', 'teach'] as const;
export const SkillLevel = z.enum(skillLevels);
export type SkillLevel = z.infer<typeof SkillLevel>;
