import type { SkillLevel } from '@board/shared';
import type { MessageKey } from '#lib/i18n/catalogue.ts';
import type { Translator } from '#lib/i18n/translator.ts';
import { categoryLabel } from './requests.ts';

type I18n = Pick<Translator, 't' | 'lang'>;

/**
 * A skill by name in the reader's language: a key of the skills vocabulary (its message
 * `skills.name.<key>`, lib/i18n/skill-messages.ts) or a category key; anything else as written.
 * The names come with the page's messages: a route whose files import this module gets them all,
 * in its language only (web/vite/message-keys.ts); the browser loads no vocabulary.
 */
export function skillLabel(i18n: I18n, skill: string): string {
  // the prefix ends in a dot, so the per-page message scan takes every skill's name
  const key = `skills.name.${skill}` as MessageKey;
  const text = i18n.t(key);
  return text === key ? categoryLabel(i18n, skill) : text;
}

/** A volunteer's skill with its level, in the reader's language: 「チラシデザイン（教えられる）」. */
export function skillWithLevel(i18n: I18n, skill: { key: string; level: SkillLevel }): string {
  const level = i18n.t(skill.level === 'teach' ? 'account.skills.levelTeach' : 'account.skills.levelCan');
  return i18n.t('board.volunteer.skillWithLevel', { skill: skillLabel(i18n, skill.key), level });
}
