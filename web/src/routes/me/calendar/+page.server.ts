import type { CalendarFeedView } from '@board/shared';
import { callApi } from '#lib/server/api.ts';
import { requireSignedIn } from '#lib/server/guards.ts';
import { makeCalendarFeed, revokeCalendarFeed } from '#lib/server/my-account.ts';
import type { Actions, PageServerLoad } from './$types';

/** /me/calendar: the private calendar feed (issue 11). */
export const load: PageServerLoad = async (event) => {
  requireSignedIn(event.locals, event.url);
  // the feed's state; the page still offers to make one if the API cannot answer
  const calendarFeed = await callApi<CalendarFeedView>(event, 'GET', '/api/me/calendar-feed');
  return { calendarFeed: calendarFeed.ok ? calendarFeed.data : null };
};

export const actions: Actions = { calendarFeed: makeCalendarFeed, revokeCalendarFeed };
