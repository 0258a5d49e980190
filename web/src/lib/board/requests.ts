import { takesHands, type HelpRequestPublic, type Municipality, type When } from '@board/shared';
import { formatDate, formatDateTime, formatDay } from '#lib/format/date.ts';
import type { Lang } from '#lib/i18n/languages.ts';
import type { Translator } from '#lib/i18n/translator.ts';
import { municipalityLabelByCode } from '#lib/municipality-label.ts';
import { categoryLabelKey, spokenLanguageKey, spokenLanguages } from '#lib/profile-options.ts';

type I18n = Pick<Translator, 't' | 'lang'>;

/** Slots nobody is matched to yet (never below zero). */
export function slotsLeft(request: Pick<HelpRequestPublic, 'slots' | 'matchedCount'>): number {
  return Math.max(0, request.slots - request.matchedCount);
}

/**
 * Where a request stands for someone who might help, in one word the page writes out (never
 * colour alone): still taking hands, every slot matched, finished, or no longer open.
 */
export type Availability = 'open' | 'filled' | 'completed' | 'closed';

export function availabilityOf(request: Pick<HelpRequestPublic, 'status' | 'slots' | 'matchedCount'>): Availability {
  if (request.status === 'completed') return 'completed';
  if (request.status === 'filled') return 'filled';
  if (takesHands(request.status)) return slotsLeft(request) > 0 ? 'open' : 'filled';
  return 'closed';
}

/** Where the work is, in words: online, the area, both, or "to be arranged". */
export function placeLabel(i18n: I18n, request: { online: boolean; area: string | null }): string {
  const parts = [request.online ? i18n.t('board.facts.onlineValue') : '', request.area ?? ''];
  return parts.filter(Boolean).join(' / ') || i18n.t('board.facts.placeUnknown');
}

/** True when the application deadline has passed (a request without one never closes by date). */
export function deadlinePassed(request: Pick<HelpRequestPublic, 'applicationDeadline'>, now = Date.now()): boolean {
  return request.applicationDeadline !== null && Date.parse(request.applicationDeadline) <= now;
}

/** "When" in words: a moment, a span (one day or several), a day whose time is not fixed, or "to be arranged". */
export function describeWhen(i18n: I18n, when: When): string {
  if (when.kind === 'at') return formatDateTime(i18n.lang, when.startsAt);
  if (when.kind === 'range') {
    const sameDay = formatDate(i18n.lang, when.startsAt) === formatDate(i18n.lang, when.endsAt);
    const end = sameDay ? timeOnly(i18n.lang, when.endsAt) : formatDateTime(i18n.lang, when.endsAt);
    return i18n.t('board.when.range', { start: formatDateTime(i18n.lang, when.startsAt), end });
  }
  if (when.kind === 'day') return i18n.t('board.when.day', { date: formatDay(i18n.lang, when.day) });
  return i18n.t('board.when.flexible');
}

const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Tokyo',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function timeOnly(_lang: Lang, value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : timeFormat.format(date);
}

/** The category's name (the same labels volunteers tick on their profile). */
export function categoryLabel(i18n: I18n, category: string): string {
  const key = categoryLabelKey(category);
  const text = i18n.t(key);
  return text === key ? category : text;
}

/** A language the work is done in: its name in the interface language, or the code itself. */
export function languageLabel(i18n: I18n, code: string): string {
  if (code === 'ja-easy') return i18n.t('board.language.jaEasy');
  if (spokenLanguages.some((l) => l.code === code)) return i18n.t(spokenLanguageKey(code));
  return code;
}

/**
 * The languages the board filters on and names on cards ("English OK"): every request is in
 * Japanese, so Japanese itself is left out; やさしい日本語 and English, the ones most asked for, first.
 */
export const boardLanguages: readonly string[] = [
  'ja-easy',
  'en',
  ...spokenLanguages.map((l) => l.code).filter((code) => code !== 'ja' && code !== 'en'),
];

/** The languages a card names ("English OK"), in the board's order: those other than Japanese. */
export function workLanguages(languages: readonly string[]): string[] {
  const known = boardLanguages.filter((code) => languages.includes(code));
  return [...known, ...languages.filter((code) => code !== 'ja' && !boardLanguages.includes(code))];
}

/** The municipality's name in the interface language (kana reading for やさしい日本語 when the list is known). */
export function municipalityOf(
  i18n: I18n,
  request: Pick<HelpRequestPublic, 'municipalityCode' | 'municipalityName' | 'municipalityNameEn'>,
  municipalities: readonly Municipality[],
): string {
  if (municipalities.some((m) => m.code === request.municipalityCode)) {
    return municipalityLabelByCode(i18n.lang, municipalities, request.municipalityCode);
  }
  return i18n.lang === 'en' ? `${request.municipalityNameEn} (${request.municipalityName})` : request.municipalityName;
}

/** Hours in words ("about 3 hours"), or '' when unknown. */
export function hoursLabel(i18n: I18n, hours: number | null): string {
  return hours === null ? '' : i18n.t('board.facts.hoursValue', { hours });
}
