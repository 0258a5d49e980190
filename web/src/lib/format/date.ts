import { htmlLang, type Lang } from '#lib/i18n/languages.ts';

/** The board works in Tokyo time, whatever the server's or the reader's clock says. */
const timeZone = 'Asia/Tokyo';

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Lang, withTime: boolean): Intl.DateTimeFormat {
  const key = `${lang}:${withTime}`;
  let format = cache.get(key);
  if (!format) {
    // ja: 2026年5月1日 14:03 / en: 1 May 2026, 14:03 (day before month, as in British English)
    format = new Intl.DateTimeFormat(htmlLang(lang) === 'en' ? 'en-GB' : 'ja-JP', {
      timeZone,
      year: 'numeric',
      month: htmlLang(lang) === 'en' ? 'short' : 'long',
      day: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
    });
    cache.set(key, format);
  }
  return format;
}

/** A date and time in Tokyo, written the way the reader's language writes it; '' for an invalid value. */
export function formatDateTime(lang: Lang, value: string | Date): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? '' : formatter(lang, true).format(date);
}

/** A date (no time) in Tokyo. */
export function formatDate(lang: Lang, value: string | Date): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? '' : formatter(lang, false).format(date);
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A calendar day (`2026-12-06`) with its weekday, the way a notice says it: 2026年12月6日(土) /
 * Sat, 6 Dec 2026; '' for an invalid value. The day is Tokyo's, so it is formatted in UTC as is.
 */
export function formatDay(lang: Lang, day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return '';
  const en = htmlLang(lang) === 'en';
  let format = dayFormats.get(String(en));
  if (!format) {
    format = new Intl.DateTimeFormat(en ? 'en-GB' : 'ja-JP', {
      timeZone: 'UTC',
      year: 'numeric',
      month: en ? 'short' : 'long',
      day: 'numeric',
      weekday: 'short',
    });
    dayFormats.set(String(en), format);
  }
  return format.format(date);
}
