import type { ApplicantProfile, Language } from '@board/shared';
import type { MessageKey } from '#lib/i18n/catalogue.ts';
import type { Translator } from '#lib/i18n/translator.ts';

const readingKeys: Record<Language, MessageKey> = {
  ja: 'languages.reader.ja',
  en: 'languages.reader.en',
  'ja-easy': 'languages.reader.jaEasy',
};

/** The name of the language a volunteer reads the site in, in the page's language. */
export function readingLanguageLabel(i18n: Pick<Translator, 't'>, lang: Language): string {
  return i18n.t(readingKeys[lang]);
}

/**
 * How an officer had best write to this volunteer: `english` for someone who reads the site in
 * English, `easy` for someone who reads it in やさしい日本語 or listed languages without Japanese;
 * null when Japanese as usual will do.
 */
export function plainWritingAdvice(
  profile: Pick<ApplicantProfile, 'readingLanguage' | 'languages'>,
): 'easy' | 'english' | null {
  if (profile.readingLanguage === 'en') return 'english';
  if (profile.readingLanguage === 'ja-easy') return 'easy';
  const listed = profile.languages;
  if (listed.length > 0 && !listed.includes('ja')) return listed.includes('en') ? 'english' : 'easy';
  return null;
}
