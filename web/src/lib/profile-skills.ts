import { skillLevels, type SkillLevel } from '@board/shared';
import type { FormValues } from '#lib/forms/result.ts';

/**
 * The profile form's skills: one select per skill of the vocabulary, named `skill.<key>`, with
 * the level ('' = not chosen, `can`, `teach`). Read by the /me action and, after a refused save,
 * by the form (to show what was chosen).
 */
const prefix = 'skill.';

/** The chosen skills as the API takes them (sent as chosen: the API checks keys and levels). */
export function skillsFromForm(entries: Iterable<[string, FormDataEntryValue | string | string[]]>) {
  const skills: { key: string; level: string }[] = [];
  for (const [name, value] of entries) {
    const level = Array.isArray(value) ? value.at(-1) : value;
    if (name.startsWith(prefix) && typeof level === 'string' && level !== '') {
      skills.push({ key: name.slice(prefix.length), level });
    }
  }
  return skills;
}

/** What a refused save had chosen (undefined when there was no refused save). */
export function skillLevelsFromForm(values: FormValues | undefined): Map<string, SkillLevel> | undefined {
  if (!values) return undefined;
  const chosen = new Map<string, SkillLevel>();
  for (const { key, level } of skillsFromForm(Object.entries(values))) {
    // a list lookup, not the zod schema: this runs in the browser, which gets no zod (vite/pure-shared.ts)
    if (isSkillLevel(level)) chosen.set(key, level);
  }
  return chosen;
}

function isSkillLevel(level: string): level is SkillLevel {
  return (skillLevels as readonly string[]).includes(level);
}

/** "6", "６" → 6; "" → null; anything else is sent as typed (the API answers with the field's error). */
export function hoursFromForm(text: string): number | null | string {
  const plain = text.normalize('NFKC').trim();
  if (plain === '') return null;
  return /^\d+$/.test(plain) ? Number(plain) : plain;
}
