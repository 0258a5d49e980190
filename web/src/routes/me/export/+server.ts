import { error, redirect } from '@sveltejs/kit';
import { apiFetch } from '#lib/server/api.ts';
import type { RequestHandler } from './$types';

/**
 * "Download my data": a plain form POST from /me/data, answered with the API's JSON export as a
 * file download (POST /api/me/export streams it with its content-disposition). A POST, not a
 * link, so no prefetch or crawler can trigger the audited export by accident.
 */
export const POST: RequestHandler = async (event) => {
  if (!event.locals.me) redirect(303, `/signin?returnTo=${encodeURIComponent('/me/data')}`);
  const response = await apiFetch(event, 'POST', '/api/me/export', undefined, { timeoutMs: null });
  if (!response) error(503, 'The server did not answer.');
  if (response.status === 401) redirect(303, `/signin?returnTo=${encodeURIComponent('/me/data')}`);
  if (!response.ok || !response.body) error(response.status >= 500 ? 503 : response.status, 'Export failed');

  const day = new Date().toISOString().slice(0, 10);
  return new Response(response.body, {
    status: 200,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition':
        response.headers.get('content-disposition') ?? `attachment; filename="machi-udekiki-my-data-${day}.json"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
};

/** Nothing to show at this address: back to /me/data, where the download button is. */
export const GET: RequestHandler = () => redirect(303, '/me/data');
