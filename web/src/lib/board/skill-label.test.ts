import { describe, expect, it } from 'vitest';
import { skills } from '@board/shared';
import { messagesFor } from '#lib/i18n/catalogue.ts';
import { languages } from '#lib/i18n/languages.ts';
import { createTranslator } from '#lib/i18n/translator.ts';
import { skillLabel, skillWithLevel } from './skill-label.ts';

describe('a skill by name, from the page messages', () => {
  it.each(languages)('names every skill of the vocabulary as the vocabulary writes it (%s)', (lang) => {
    const i18n = createTranslator(lang, messagesFor(lang));
    for (const skill of skills) expect(skillLabel(i18n, skill.key)).toBe(skill.label[lang]);
  });

  it('names a category the same way, and leaves anything else as written', () => {
    const en = createTranslator('en', messagesFor('en'));
    expect(skillLabel(en, 'homework_help')).toBe("Children's study support");
    expect(skillLabel(en, 'design_flyers')).toBe(en.t('account.category.design_flyers'));
    expect(skillLabel(en, 'juggling')).toBe('juggling');
    expect(skillWithLevel(en, { key: 'juggling', level: 'teach' })).toContain('juggling');
  });
});
