import { z } from 'zod';
import type { Language } from '../roles.ts';
import { tokyoClock } from '../safe-input.ts';

/**
 * When a volunteer is usually free: a weekday and a part of the day (21 slots, "sat-morning").
 * Matching compares them with the day and hour of a help request (Tokyo time).
 */
export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];
export const dayParts = ['morning', 'afternoon', 'evening'] as const;
export type DayPart = (typeof dayParts)[number];

export type AvailabilitySlot = `${Weekday}-${DayPart}`;

export const availabilitySlots: readonly AvailabilitySlot[] = weekdays.flatMap((day) =>
  dayParts.map((part) => `${day}-${part}` as const),
);

export const AvailabilitySlot = z.enum(availabilitySlots as [AvailabilitySlot, ...AvailabilitySlot[]]);

export const weekdayLabels: Record<Language, Record<Weekday, string>> = {
  ja: { mon: '月曜', tue: '火曜', wed: '水曜', thu: '木曜', fri: '金曜', sat: '土曜', sun: '日曜' },
  en: {
    mon: 'Monday',
    tue: 'Tuesday',
    wed: 'Wednesday',
    thu: 'Thursday',
    fri: 'Friday',
    sat: 'Saturday',
    sun: 'Sunday',
  },
  'ja-easy': {
    mon: 'げつようび',
    tue: 'かようび',
    wed: 'すいようび',
    thu: 'もくようび',
    fri: 'きんようび',
    sat: 'どようび',
    sun: 'にちようび',
  },
};

/** Short weekday names for narrow tables (月 / Mon / げつ); the full name goes to screen readers. */
export const weekdayShortLabels: Record<Language, Record<Weekday, string>> = {
  ja: { mon: '月', tue: '火', wed: '水', thu: '木', fri: '金', sat: '土', sun: '日' },
  en: { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' },
  'ja-easy': { mon: 'げつ', tue: 'か', wed: 'すい', thu: 'もく', fri: 'きん', sat: 'ど', sun: 'にち' },
};

export const dayPartLabels: Record<Language, Record<DayPart, string>> = {
  ja: { morning: '午前', afternoon: '午後', evening: '夜' },
  en: { morning: 'Morning', afternoon: 'Afternoon', evening: 'Evening' },
  'ja-easy': { morning: 'あさ', afternoon: 'ひる', evening: 'よる' },
};

/** "土曜の午前" / "Saturday morning" / "どようびの あさ". */
export function availabilitySlotLabel(slot: AvailabilitySlot, language: Language): string {
  const [day, part] = slot.split('-') as [Weekday, DayPart];
  const d = weekdayLabels[language][day];
  const p = dayPartLabels[language][part];
  if (language === 'en') return `${d} ${p.toLowerCase()}`;
  return language === 'ja' ? `${d}の${p}` : `${d}の ${p}`;
}

/**
 * The weekday and part of the day a moment falls in, in Tokyo: morning before 12:00, afternoon
 * before 17:00, evening after. (Night hours count as evening.)
 */
export function tokyoSlotOf(instant: Date | string): { day: Weekday; part: DayPart } {
  const tokyo = tokyoClock(instant);
  const hour = tokyo.getUTCHours();
  return {
    day: weekdays[(tokyo.getUTCDay() + 6) % 7]!,
    part: hour < 12 ? 'morning' : hour < 17 ? 'afternoon' : 'evening',
  };
}

/** The availability slot a moment falls in, in Tokyo (`sat-morning`). */
export function availabilitySlotOf(instant: Date | string): AvailabilitySlot {
  const { day, part } = tokyoSlotOf(instant);
  return `${day}-${part}`;
}
