import { messagesFor } from '../../../web/src/lib/i18n/catalogue.ts';
import type { Lang } from '../../../web/src/lib/i18n/languages.ts';
import { createTranslator, type Translator } from '../../../web/src/lib/i18n/translator.ts';

export type { Lang };
export const langs: Lang[] = ['ja', 'en', 'ja-easy'];

/** The interface texts in `lang`, read from the web's own message files: tests check what people really see. */
export function texts(lang: Lang): Translator {
  return createTranslator(lang, messagesFor(lang));
}

/**
 * A file's runs, one per language, each with JavaScript on or off:
 * `describe.each(languageRuns({ ja: true, en: false, 'ja-easy': true }))('… in $lang (JavaScript: $javaScript)', …)`.
 */
export function languageRuns(javaScriptBy: Partial<Record<Lang, boolean>>): { lang: Lang; javaScript: boolean }[] {
  return langs.filter((lang) => lang in javaScriptBy).map((lang) => ({ lang, javaScript: javaScriptBy[lang]! }));
}
