import { redirect } from '@sveltejs/kit';
import { apiDownload } from '#lib/server/downloads.ts';
import type { RequestHandler } from './$types';

/**
 * "Download my data": a plain form POST from /me/data, answered with the API's JSON export as a
 * file download. A POST, not a link, so no prefetch or crawler can trigger the audited export by
 * accident.
 */
export const POST: RequestHandler = (event) =>
  apiDownload(event, {
    page: '/me/data',
    method: 'POST',
    api: '/api/me/export',
    timeoutMs: null,
    type: 'application/json; charset=utf-8',
    fileName: `machi-udekiki-my-data-${new Date().toISOString().slice(0, 10)}.json`,
  });

/** Nothing to show at this address: back to /me/data, where the download button is. */
export const GET: RequestHandler = () => redirect(303, '/me/data');
