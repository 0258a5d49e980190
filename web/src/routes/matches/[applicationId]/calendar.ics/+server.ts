import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { apiFetch } from '#lib/server/api.ts';
import type { RequestHandler } from './$types';

const Id = z.uuid();

/**
 * "Add to my calendar" on the match page: the match's calendar file (getMatchCalendar) as a
 * download. A plain link: reading the file writes nothing. The API answers only the two sides.
 */
export const GET: RequestHandler = async (event) => {
  const id = event.params.applicationId;
  const page = `/matches/${id}`;
  if (!event.locals.me) redirect(303, `/signin?returnTo=${encodeURIComponent(page)}`);
  if (!Id.safeParse(id).success) error(404, 'No such match');
  const response = await apiFetch(event, 'GET', `/api/applications/${id}/calendar`);
  if (!response) error(503, 'The server did not answer.');
  if (response.status === 401) redirect(303, `/signin?returnTo=${encodeURIComponent(page)}`);
  if (!response.ok)
    error(response.status >= 500 ? 503 : response.status === 409 ? 404 : response.status, 'No calendar');
  return new Response(await response.text(), {
    status: 200,
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': 'attachment; filename="machi-udekiki.ics"',
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
};
