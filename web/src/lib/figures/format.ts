import type { Lang } from '#lib/i18n/languages.ts';

const locale = (lang: Lang) => (lang === 'en' ? 'en-GB' : 'ja-JP');

/** `2026-07` as a month in the reader's language: short for a chart's axis, long for a table. */
export function monthLabel(lang: Lang, month: string, short = false): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale(lang), {
    year: short ? '2-digit' : 'numeric',
    month: short ? 'short' : 'long',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** A rate 0–1 as a whole percentage. */
export const percent = (rate: number) => `${Math.round(rate * 100)}%`;
