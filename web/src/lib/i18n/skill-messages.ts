import { skills, type SkillKey } from '@board/shared';
import type { Lang } from './languages.ts';

// The prefix is written without its final dot: the per-page message scan (web/vite/message-keys.ts)
// would read a quoted prefix in this server-side file, which every page's layout reaches through
// the catalogue, as every page using every name.
const area = 'skills.name';

/** The message key of a skill's name: `skills.name.<key>` (see skillMessages). */
export type SkillMessageKey = `${typeof area}.${SkillKey}`;

const keyOf = (key: SkillKey): SkillMessageKey => `${area}.${key}`;

/**
 * The skills vocabulary's labels (shared/src/skills, their one source) as messages of the area
 * "skills", so that a page gets the names of its own language only, with its other messages,
 * instead of a script with the whole vocabulary in three languages (lib/board/skill-label.ts reads
 * them). Apostrophes and braces are quoted for ICU, so every label reads as written.
 */
export function skillMessages(lang: Lang): Record<SkillMessageKey, string> {
  return Object.fromEntries(
    skills.map((skill) => [keyOf(skill.key), skill.label[lang].replace(/'/g, "''").replace(/[{}]+/g, "'$&'")]),
  ) as Record<SkillMessageKey, string>;
}

/** Every skill name's message key, for the per-page message scan. */
export const skillMessageKeys: readonly string[] = skills.map((skill) => keyOf(skill.key));
