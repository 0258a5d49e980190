import type { When } from '@board/shared';

/** The calendar day (YYYY-MM-DD) of an instant in Tokyo, where every request takes place. */
function tokyoDay(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(instant);
}

/**
 * Has the day of the work come? "Finished" is offered from the work day on (a flexible request:
 * any time after the match), so nobody marks help done the moment they accept a volunteer.
 */
export function workDayReached(when: When, now: Date = new Date()): boolean {
  if (when.kind === 'flexible') return true;
  return tokyoDay(now) >= tokyoDay(new Date(when.startsAt));
}
