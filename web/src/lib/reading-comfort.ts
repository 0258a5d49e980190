import type { Lang } from '#lib/i18n/languages.ts';

/**
 * Reading comfort (issue 13), remembered per browser in cookies set by a plain form (`/reading`),
 * so it works without JavaScript: furigana over the kanji of what people wrote, and the text size.
 */

export const FURIGANA_COOKIE = 'furigana';
export const TEXT_SIZE_COOKIE = 'text_size';

export const textSizes = ['normal', 'large', 'xlarge'] as const;
export type TextSize = (typeof textSizes)[number];

export function isTextSize(value: unknown): value is TextSize {
  return typeof value === 'string' && (textSizes as readonly string[]).includes(value);
}

export function textSizeOf(cookie: string | undefined): TextSize {
  return isTextSize(cookie) ? cookie : 'normal';
}

/** Furigana: on in やさしい日本語 unless turned off, off in Japanese unless turned on, never in English. */
export function furiganaOn(lang: Lang, cookie: string | undefined): boolean {
  if (lang === 'en') return false;
  if (cookie === 'on' || cookie === 'off') return cookie === 'on';
  return lang === 'ja-easy';
}
