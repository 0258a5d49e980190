import type { Action } from '@board/shared';
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { actorOf } from '#lib/actor.ts';
import { apiFetch, callApi } from '#lib/server/api.ts';
import { filterOutcome } from '#lib/server/form-result.ts';
import { requireStaffArea } from '#lib/server/guards.ts';
import { fetchAllMunicipalities } from '#lib/server/municipalities.ts';

/** Rows per page: enough for a morning's review, short enough for an old phone. */
const pageSize = 30;

/**
 * The list pages of oversight (/staff/matches, /staff/requests, /staff/audit): the filters a
 * reader sets in a GET form (the API checks them and names any bad one), one page by the API's
 * cursor, and the municipalities to name. The municipality filter is only for readers who see
 * more than one.
 */
export async function loadOversightList<Item, const Name extends string = string>(
  event: RequestEvent,
  options: { action: Action; api: string; filterNames: readonly Name[]; form: string },
) {
  const me = requireStaffArea(event.locals, event.url, options.action);
  const filterable = actorOf(me)?.roles.some((g) => g.role === 'foundation_staff') ?? false;
  const params = event.url.searchParams;
  const filters = Object.fromEntries(
    ['municipality', ...options.filterNames].map((n) => [n, (params.get(n) ?? '').trim()]),
  ) as Record<'municipality' | Name, string>;
  if (!filterable) filters.municipality = '';
  const cursor = params.get('cursor') ?? '';

  const query = new URLSearchParams({ limit: String(pageSize) });
  for (const [name, value] of Object.entries(filters)) {
    if (value) query.set(name === 'municipality' ? 'municipalityCode' : name, value);
  }
  if (cursor) query.set('cursor', cursor);
  const [list, municipalities] = await Promise.all([
    callApi<{ items: Item[]; nextCursor: string | null }>(event, 'GET', `${options.api}?${query}`),
    fetchAllMunicipalities(event),
  ]);
  return {
    filters,
    cursor: cursor || null,
    filterable,
    municipalities,
    items: list.ok ? list.data.items : [],
    nextCursor: list.ok ? list.data.nextCursor : null,
    ...filterOutcome(options.form, list, filters, { rename: { municipalityCode: 'municipality' } }),
  };
}

/**
 * A CSV download: the list page's form POSTs its filters here; the API's audited export is
 * streamed back as a file. A POST, not a link, so no prefetch or crawler triggers the export.
 */
export async function streamCsvExport(event: RequestEvent, api: string, back: string): Promise<Response> {
  if (!event.locals.me) redirect(303, `/signin?returnTo=${encodeURIComponent(back)}`);
  const form = await event.request.formData();
  const body: Record<string, string> = {};
  for (const [name, value] of form) {
    if (typeof value === 'string' && value.trim())
      body[name === 'municipality' ? 'municipalityCode' : name] = value.trim();
  }
  const response = await apiFetch(event, 'POST', api, body, { timeoutMs: 60_000 });
  if (!response) error(503, 'The server did not answer.');
  if (response.status === 401) redirect(303, `/signin?returnTo=${encodeURIComponent(back)}`);
  if (!response.ok || !response.body) error(response.status >= 500 ? 503 : response.status, 'Export failed');
  return new Response(response.body, {
    status: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': response.headers.get('content-disposition') ?? 'attachment; filename="export.csv"',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
