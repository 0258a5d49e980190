import { apiDownload } from '#lib/server/downloads.ts';
import type { RequestHandler } from './$types';

/**
 * "Add to my calendar" on the match page: the match's calendar file (getMatchCalendar) as a
 * download. A plain link: reading the file writes nothing. The API answers only the two sides;
 * a match without a date has no calendar (its 409 is a page not found).
 */
export const GET: RequestHandler = async (event) => {
  const id = event.params.applicationId;
  return apiDownload(event, {
    page: `/matches/${id}`,
    method: 'GET',
    api: `/api/applications/${id}/calendar`,
    type: 'text/calendar; charset=utf-8',
    fileName: 'machi-udekiki.ics',
    refusal: (status) => (status === 409 ? 404 : status),
  });
};
