import type { Category } from '../categories.ts';

/** One skill as written in the vocabulary files. */
export interface SkillRow {
  key: string;
  category: Category;
  ja: string;
  en: string;
  easy: string;
  synonyms: string[];
}
