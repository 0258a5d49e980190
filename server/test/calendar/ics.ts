import ICAL from 'ical.js';

/** The events of an iCalendar text, read by ical.js (a second, independent reader of RFC 5545). */
export function eventsIn(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      location: event.location,
      allDay: event.startDate.isDate,
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
      /** the start as written: a DATE (`2026-12-04`) or an instant */
      startText: event.startDate.toString(),
    };
  });
}
