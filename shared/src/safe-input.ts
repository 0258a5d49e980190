import { z } from 'zod';

/**
 * The two rules every piece of input text and every date the API accepts goes through, so bad
 * input is a 400 with a field code instead of reaching PostgreSQL (which refuses NUL in text and
 * years it cannot store, and would answer 500).
 *
 * Safe text: no NUL, no other C0 control characters (tab and line feed allowed in multi-line
 * text only), no DEL or C1 controls (U+007F–U+009F), no lone UTF-16 surrogates (they cannot be
 * encoded as UTF-8). Multi-line text has its line endings normalised to `\n` first; single-line
 * text (titles, names) refuses line breaks. Code: `INVALID_CHARACTERS`.
 *
 * Sane dates: a year from 1900 to 2200. Nothing on the board (requests, deadlines, filters) lies
 * outside; PostgreSQL and JavaScript disagree about years 0 and below. Code: `DATE_OUT_OF_RANGE`.
 */

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const singleLineForbidden = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex -- as above, but tab and line feed are text here
const multiLineForbidden = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
/** with the `u` flag a surrogate class matches only surrogates that are not part of a pair */
const loneSurrogate = /[\ud800-\udfff]/u;

export const isSafeSingleLine = (s: string): boolean => !singleLineForbidden.test(s) && !loneSurrogate.test(s);
export const isSafeMultiLine = (s: string): boolean => !multiLineForbidden.test(s) && !loneSurrogate.test(s);

/** `\r\n` and lone `\r` become `\n` (old Macs, some phones' form posts). */
export const normaliseLineEndings = (s: string): string => s.replace(/\r\n?/g, '\n');

export interface TextRules {
  /** longest allowed length after trimming and normalising */
  max: number;
  /** the code when longer than `max` (default `TOO_LONG`) */
  tooLong?: string;
  /** when set, blank text is refused with this code (e.g. `TITLE_REQUIRED`) */
  required?: string;
  /** trim surrounding white space (default true); false keeps the text exactly as typed */
  trim?: boolean;
}

/** Text on one line: a title, a name, a search. */
export function singleLineText(rules: TextRules) {
  return safeText(rules, isSafeSingleLine, (s) => s);
}

/** Text that may have line breaks and tabs: a request's body, a message, a reason. */
export function multiLineText(rules: TextRules) {
  return safeText(rules, isSafeMultiLine, normaliseLineEndings);
}

function safeText(rules: TextRules, safe: (s: string) => boolean, normalise: (s: string) => string) {
  let text = z.string().overwrite(normalise);
  const trim = rules.trim ?? true;
  if (trim) text = text.trim();
  if (rules.required !== undefined) {
    text = trim
      ? text.min(1, { error: rules.required })
      : text.refine((s) => s.trim().length > 0, { error: rules.required });
  }
  return text
    .max(rules.max, { error: rules.tooLong ?? 'TOO_LONG' })
    .refine(safe, { error: 'INVALID_CHARACTERS', abort: true });
}

// ---- dates

export const saneYears = { min: 1900, max: 2200 } as const;

function saneYear(text: string): boolean {
  const year = Number(text.slice(0, 4));
  return year >= saneYears.min && year <= saneYears.max;
}

/** An instant with its offset, e.g. `2026-07-18T10:00:00+09:00` or `…Z`, in a sane year. */
export const Instant = z.iso
  .datetime({ offset: true, error: 'DATE_TIME_INVALID', abort: true })
  .refine(saneYear, { error: 'DATE_OUT_OF_RANGE' });

/** A calendar day, `2026-07-18`, in a sane year. */
export const Day = z.iso.date({ error: 'DATE_INVALID', abort: true }).refine(saneYear, { error: 'DATE_OUT_OF_RANGE' });

/** An instant as a Tokyo clock shows it, read with the UTC getters (Tokyo is UTC+9 all year). */
export function tokyoClock(instant: Date | string): Date {
  return new Date(new Date(instant).getTime() + 9 * 3_600_000);
}

/** The first moment of a calendar day in Tokyo (UTC+9 all year), or of the day `plusDays` later. */
export function tokyoDayStart(day: string, plusDays = 0): Date {
  return new Date(Date.parse(`${day}T00:00:00+09:00`) + plusDays * 86_400_000);
}

/** Plain text people write to each other: line breaks kept, no control characters. */
export function plainText(min: number, max: number, requiredCode: string) {
  return multiLineText(min > 0 ? { max, required: requiredCode } : { max });
}
