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

/** A chart's axis under months: the month alone, and the year under the first month and each January. */
export function monthAxis(lang: Lang, months: readonly string[]): { labels: string[]; years: (string | null)[] } {
  const labels = months.map((month) =>
    new Intl.DateTimeFormat(locale(lang), { month: 'short', timeZone: 'UTC' }).format(
      new Date(`${month}-01T00:00:00Z`),
    ),
  );
  const years = months.map((month, i) =>
    i === 0 || month.endsWith('-01') ? (lang === 'en' ? month.slice(0, 4) : `${month.slice(0, 4)}年`) : null,
  );
  return { labels, years };
}

/** A rate 0–1 as a whole percentage. */
export const percent = (rate: number) => `${Math.round(rate * 100)}%`;
