import { CalendarFeedQuery, CalendarFeedView, IdParams } from '@board/shared';
import type { FastifyReply } from 'fastify';
import { defineRoutes, route } from '../../routes/define-routes.ts';
import { fileResponse, sendFile } from '../../routes/file-answers.ts';
import {
  calendarFeedPath,
  createCalendarFeed,
  getCalendarFeedSettings,
  getMatchCalendar,
  getMyCalendarFeed,
  revokeCalendarFeed,
} from './service.ts';

const calendarAnswer = { 200: fileResponse('iCalendar (RFC 5545), UTF-8', { 'text/calendar': 'text' }) };

/** A calendar is personal: nobody on the way keeps a copy. */
const sendCalendar = (reply: FastifyReply, body: string, fileName?: string) =>
  sendFile(reply, { type: 'text/calendar; charset=utf-8', body, fileName }, 'private, no-store');

/** Calendars (issue 11): a match's calendar file and each person's private calendar feed. */
export default defineRoutes('calendar', {
  getMatchCalendar: route('GET /api/applications/:id/calendar', {
    summary: "A match's work as a calendar file (.ics): for its volunteer and the association's officers only",
    description:
      '403 FORBIDDEN for staff (no side of the match), 404 for anyone who cannot see the application, ' +
      '409 NOT_MATCHED before a match, 409 NO_WORK_DATE when the work has no date. Times are Tokyo times written in UTC.',
    input: { params: IdParams },
    response: calendarAnswer,
    errors: [403, 409],
    handler: async (context, { params }, { reply }) =>
      sendCalendar(reply, await getMatchCalendar(context, params.id), 'machi-udekiki.ics'),
  }),
  getMyCalendarFeed: route(`GET ${calendarFeedPath}`, {
    summary: "A person's private calendar feed of their matched work, opened by its secret token (no sign-in)",
    description:
      'Volunteers: their matches with a date; officers: their associations’ matched requests with a date. ' +
      '404 for an unknown or revoked token.',
    signIn: 'optional',
    input: { query: CalendarFeedQuery },
    response: calendarAnswer,
    errors: [404],
    handler: async (context, { query }, { reply }) =>
      sendCalendar(reply, await getMyCalendarFeed(context, query.token)),
  }),
  getCalendarFeedSettings: route('GET /api/me/calendar-feed', {
    summary: 'Whether you have a calendar feed address, and since when (never the address itself)',
    response: { 200: CalendarFeedView },
    handler: getCalendarFeedSettings,
  }),
  createCalendarFeed: route('POST /api/me/calendar-feed', {
    summary: 'Make a new calendar feed address (shown in this answer only); an address made before stops',
    response: { 200: CalendarFeedView },
    handler: createCalendarFeed,
  }),
  revokeCalendarFeed: route('DELETE /api/me/calendar-feed', {
    summary: 'Stop your calendar feed address',
    response: { 200: CalendarFeedView },
    handler: revokeCalendarFeed,
  }),
});
