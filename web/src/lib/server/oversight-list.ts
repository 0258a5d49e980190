import type { Action } from '@board/shared';
import type { RequestEvent } from '@sveltejs/kit';
import { actorOf } from '#lib/actor.ts';
import { callApi } from '#lib/server/api.ts';
import { apiDownload } from '#lib/server/downloads.ts';
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
export async function streamCsvExport(event: RequestEvent, api: string, page: string): Promise<Response> {
  const form = await event.request.formData();
  const body: Record<string, string> = {};
  for (const [name, value] of form) {
    if (typeof value === 'string' && value.trim())
      body[name === 'municipality' ? 'municipalityCode' : name] = value.trim();
  }
  return apiDownload(event, {
    page,
    method: 'POST',
    api,
    body,
    timeoutMs: 60_000,
    type: 'text/csv; charset=utf-8',
    fileName: 'export.csv',
  });
}
