import { tokyoDayOf } from '@board/shared';
import { createEvents, type DateArray, type EventAttributes } from 'ics';
import type { MailAttachment } from '../../plugins/app/mailer.ts';
import type { WorkRow } from './repository.ts';

/** One event of a calendar: matched work with a date, and what identifies it across files and feeds. */
export interface CalendarEvent {
  work: WorkRow;
  /** stable across the match file, the reminder and the feed, so a calendar app keeps one event */
  uid: string;
  /** the match page (for both sides) */
  link: string;
}

const hour = 3_600_000;

/** A Tokyo calendar day as the DATE of an all-day event. */
function dayOf(at: Date, plusDays = 0): DateArray {
  const [y, m, d] = tokyoDayOf(new Date(at.getTime() + plusDays * 24 * hour))
    .split('-')
    .map(Number);
  return [y!, m!, d!];
}

/**
 * When the event is: a moment (with its estimated hours, else one hour), a range, or a whole
 * Tokyo day whose time is not fixed. Times are written as UTC instants (…Z): every calendar shows
 * them in its own zone, so 10:00 in Tokyo stays 10:00 Asia/Tokyo; days are Tokyo days.
 *
 * No `TZID=Asia/Tokyo` label: the `ics` package (3.12.0, the newest served) takes only "utc" or
 * "local" times and writes no VTIMEZONE; a TZID without its VTIMEZONE is not valid RFC 5545
 * (§3.2.19), and its timezone pull request (adamgibbons/ics#284) is not merged. UTC instants are
 * the form the RFC lets every calendar read without a zone definition (Japan has no summer time,
 * so nothing shifts). Revisit when the package can write a VTIMEZONE.
 */
function timing(work: WorkRow): Pick<EventAttributes, 'start'> & { end: EventAttributes['start'] } {
  const start = work.startsAt!;
  if (work.whenKind === 'day') return { start: dayOf(start), end: dayOf(start, 1) };
  const hours = work.estimatedHours ? Number(work.estimatedHours) : 1;
  const end = work.whenKind === 'range' && work.endsAt ? work.endsAt : new Date(start.getTime() + hours * hour);
  return { start: start.getTime(), end: end.getTime() };
}

/** The place both matched sides already see on the match page (the exact place, else the area), or online. */
function location(work: WorkRow): string | undefined {
  const place = work.exactPlace.trim() || work.area.trim();
  if (work.online) return place ? `オンライン / Online (${place})` : 'オンライン / Online';
  return place || undefined;
}

function event({ work, uid, link }: CalendarEvent): EventAttributes {
  return {
    ...timing(work),
    startInputType: 'utc',
    startOutputType: 'utc',
    endInputType: 'utc',
    endOutputType: 'utc',
    uid,
    title: work.title,
    description: `${work.associationName}\n${link}`,
    location: location(work),
    status: 'CONFIRMED',
    productId: 'machi-udekiki/board',
  } as EventAttributes;
}

/** An iCalendar (RFC 5545) text with these events, named for calendar apps that show a name. */
export function calendarText(events: CalendarEvent[], calName = 'まちの腕きき掲示板'): string {
  const { error, value } = createEvents(events.map(event), { productId: 'machi-udekiki/board', calName });
  if (error || value === null) throw error ?? new Error('calendar could not be written');
  return value;
}

/** True when the work has a date a calendar can hold. */
export function hasDate(work: WorkRow): boolean {
  return work.whenKind !== 'flexible' && work.startsAt !== null;
}

/** The match's calendar file as a mail attachment, or none when the work has no date. */
export function calendarAttachment(event: CalendarEvent): MailAttachment[] {
  if (!hasDate(event.work)) return [];
  return [
    { filename: 'machi-udekiki.ics', contentType: 'text/calendar; charset=utf-8', content: calendarText([event]) },
  ];
}
