import { redirect } from '@sveltejs/kit';
import { streamCsvExport } from '#lib/server/oversight-list.ts';
import type { RequestHandler } from './$types';

/** The match review as CSV, with the filters of the page's download form. */
export const POST: RequestHandler = (event) => streamCsvExport(event, '/api/matches/export', '/staff/matches');

/** Nothing to show at this address: back to the list, where the download button is. */
export const GET: RequestHandler = () => redirect(303, '/staff/matches');
