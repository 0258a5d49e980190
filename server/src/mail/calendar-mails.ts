import type { Language } from '@board/shared';
import { mailFromCatalogue } from './catalogue.ts';
import type { ContactDeskVars } from './compose.ts';
import { formatWhen } from './format.ts';

const dayLocale: Record<Language, string> = { ja: 'ja-JP', en: 'en-GB', 'ja-easy': 'ja-JP' };

/** When matched work is: its start (and end), or its Tokyo day when the time is not fixed. */
export interface WorkWhenVars {
  whenKind: 'at' | 'range' | 'day';
  /** ISO instants */
  startsAt: string;
  endsAt: string | null;
}

/** The work's date in the reader's language: `2026年12月4日 10:00`, a range with its end, or the day alone. */
export function formatWorkWhen(vars: WorkWhenVars, language: Language): string {
  const start = new Date(vars.startsAt);
  if (vars.whenKind === 'day') {
    return new Intl.DateTimeFormat(dayLocale[language], { timeZone: 'Asia/Tokyo', dateStyle: 'full' }).format(start);
  }
  const from = formatWhen(start, language);
  return vars.whenKind === 'range' && vars.endsAt ? `${from} – ${formatWhen(new Date(vars.endsAt), language)}` : from;
}

export interface WorkTomorrowVars extends ContactDeskVars, WorkWhenVars {
  requestTitle: string;
  associationName: string;
  /** the place both sides see on the match page; '' when none */
  place: string;
  link: string;
}

const when = { compute: (v: WorkWhenVars, language: Language) => ({ when: formatWorkWhen(v, language) }) };

/** To the volunteer, the day before matched work with a date (with its calendar file). */
export const workTomorrowVolunteerMail = mailFromCatalogue<WorkTomorrowVars>('workTomorrowVolunteer', when);

/** Names in a sentence that ends with the last one's honorific (「A さん、B さん」, "A, B"). */
const betweenNames: Record<Language, string> = { ja: ' さん、', 'ja-easy': ' さん、', en: ', ' };

/**
 * To the association's officers, once per request, the day before its volunteers come (with the
 * request's calendar file): every volunteer matched for tomorrow's work named in one mail.
 */
export const workTomorrowOfficerMail = mailFromCatalogue<WorkTomorrowVars & { volunteerNames: string[] }>(
  'workTomorrowOfficer',
  {
    compute: (v, language) => ({
      when: formatWorkWhen(v, language),
      volunteerName: v.volunteerNames.join(betweenNames[language]),
    }),
  },
);

export interface NoHandsVars extends ContactDeskVars {
  title: string;
  associationName: string;
  /** the suggested volunteers' names (none: that block is left out) */
  suggestedNames: string[];
  link: string;
}

/** To the officers of a request with no hands 3 days after publishing: tips to widen it, and who may fit. */
export const noHandsMail = mailFromCatalogue<NoHandsVars>('noHands', {
  compute: (v, language) => ({ suggested: v.suggestedNames.join(language === 'en' ? ', ' : '、') }),
});
