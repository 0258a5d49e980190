/** The interface languages, in switcher order. `ja-easy` is やさしい日本語 (easy Japanese). */
export const languages = ['ja', 'en', 'ja-easy'] as const;
export type Lang = (typeof languages)[number];

export const defaultLang: Lang = 'ja';

/** Name of the cookie that remembers the chosen language. */
export const LANG_COOKIE = 'lang';

/** One year, in seconds. */
export const LANG_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** Each language's name, written in that language (never translated). */
export const languageNames: Record<Lang, string> = {
  ja: '日本語',
  en: 'English',
  'ja-easy': 'やさしい にほんご',
};

/** The same, short enough for the header's language button on a phone. */
export const languageShortNames: Record<Lang, string> = {
  ja: '日本語',
  en: 'English',
  'ja-easy': 'やさしい',
};

/** The BCP 47 tag for `<html lang>` and `lang` attributes: easy Japanese is still Japanese. */
export function htmlLang(lang: Lang): 'ja' | 'en' {
  return lang === 'en' ? 'en' : 'ja';
}

/** `data-variant` on `<html>`: lets CSS and tests tell easy Japanese from standard Japanese. */
export function langVariant(lang: Lang): 'easy' | 'standard' {
  return lang === 'ja-easy' ? 'easy' : 'standard';
}
