import { defaultLang, isLang, type Lang } from './languages.ts';

export interface LangSources {
  /** value of the `lang` cookie, if any */
  cookie?: string | null | undefined;
  /** the request's `Accept-Language` header, if any */
  acceptLanguage?: string | null | undefined;
}

/**
 * Picks the interface language: a valid `lang` cookie wins; otherwise the first language in the
 * browser's Accept-Language preference order that we speak (en* → en, ja* → ja); otherwise ja.
 * やさしい日本語 is never guessed from headers: browsers have no tag for it, people choose it.
 */
export function resolveLang({ cookie, acceptLanguage }: LangSources): Lang {
  if (isLang(cookie)) return cookie;
  return langFromAcceptLanguage(acceptLanguage);
}

export function langFromAcceptLanguage(header: string | null | undefined): Lang {
  for (const tag of parseAcceptLanguage(header)) {
    const primary = tag.split('-', 1)[0];
    if (primary === 'en') return 'en';
    if (primary === 'ja') return 'ja';
  }
  return defaultLang;
}

/** Longer headers are cut here: no real browser sends this much, and parsing stays cheap. */
const MAX_HEADER_LENGTH = 1024;
const TAG = /^(?:[a-z]{1,8}(?:-[a-z0-9]{1,8})*|\*)$/;
const QUALITY = /^q=(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

/**
 * Language tags from an Accept-Language header (RFC 9110 §12.5.4), lower-cased, most preferred
 * first (ties keep header order). Entries with q=0 ("not acceptable") or malformed syntax are dropped.
 */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return [];
  const entries: Array<{ tag: string; q: number; index: number }> = [];
  const parts = header.slice(0, MAX_HEADER_LENGTH).split(',');
  for (const [index, part] of parts.entries()) {
    const [rawTag = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    if (!TAG.test(rawTag)) continue;
    let q = 1;
    let valid = true;
    for (const param of params) {
      const match = QUALITY.exec(param.replace(/\s+/g, ''));
      if (match?.[1] !== undefined) q = Number(match[1]);
      else valid = false;
    }
    if (valid && q > 0) entries.push({ tag: rawTag, q, index });
  }
  entries.sort((a, b) => b.q - a.q || a.index - b.index);
  return entries.map((e) => e.tag);
}
