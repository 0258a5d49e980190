import { tokyoDayOf, tokyoDayStart, type When } from '@board/shared';

/** The first day of the work (YYYY-MM-DD, Tokyo); null when it is to be arranged. */
function firstDay(when: When): string | null {
  if (when.kind === 'flexible') return null;
  return when.kind === 'day' ? when.day : tokyoDayOf(when.startsAt);
}

/**
 * Has the day of the work come? "Finished" is offered from the work day on (a flexible request:
 * any time after the match), so nobody marks help done the moment they accept a volunteer.
 */
export function workDayReached(when: When, now: Date = new Date()): boolean {
  const day = firstDay(when);
  return day === null || tokyoDayOf(now) >= day;
}

/** The start of the work day as an instant (for "from 6 December"); null when it is to be arranged. */
export function workDayStart(when: When): string | null {
  const day = firstDay(when);
  return day === null ? null : tokyoDayStart(day).toISOString();
}
