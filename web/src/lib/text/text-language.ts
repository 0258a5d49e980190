import { htmlLang, type Lang } from '#lib/i18n/languages.ts';

/**
 * The language of a piece of user-written text, as a BCP 47 tag for its `lang` attribute, so a
 * screen reader reads Japanese in a Japanese voice inside an English page and browsers offer to
 * translate it. What people type carries no language of its own, so it is told by its script:
 * kana or kanji make it Japanese (the board's own language; やさしい日本語 is Japanese too; Chinese
 * in Han alone would be counted as Japanese as well), letters that are all plain ASCII make it
 * English, and anything else (Vietnamese, digits alone) is not claimed: null, and the text takes
 * the page's language.
 */
export type TextLang = 'ja' | 'en';

const japaneseScript = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}\u3000-\u303f\uff01-\uff60]/u;
const letter = /\p{L}/gu;
const asciiLetter = /^[A-Za-z]$/;

export function textLanguage(text: string): TextLang | null {
  if (japaneseScript.test(text)) return 'ja';
  const letters = text.match(letter) ?? [];
  if (letters.length >= 2 && letters.every((l) => asciiLetter.test(l))) return 'en';
  return null;
}

/**
 * The `lang` to put on the text's element: the known language if given, else the one its script
 * tells. `undefined` when unknown (no attribute: the page's language applies).
 */
export function langOfText(text: string, known?: TextLang | null): TextLang | undefined {
  return known ?? textLanguage(text) ?? undefined;
}

/** Whether a reader of this interface language should be told the text is in another language. */
export function isForeignTo(lang: TextLang | undefined, page: Lang): lang is TextLang {
  return lang !== undefined && lang !== htmlLang(page);
}
