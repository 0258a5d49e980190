import { canAtAll, type Association, type AuditLogPage } from '@board/shared';
import type { z } from 'zod';
import { actorOf } from '#lib/actor.ts';
import { auditEntryHref } from '#lib/audit/entry-link.ts';
import { callApi } from '#lib/server/api.ts';
import { filterOutcome } from '#lib/server/form-result.ts';
import { requireStaffArea } from '#lib/server/guards.ts';
import { fetchAllMunicipalities } from '#lib/server/municipalities.ts';
import type { PageServerLoad } from './$types';

/** Entries per page: enough for a day's work, short enough for an old phone. */
const pageSize = 30;

/** The filters a reader sets (a GET form): the API checks them and names any bad one. */
const filterNames = ['municipality', 'action', 'from', 'to'] as const;
export type AuditFilters = Record<(typeof filterNames)[number], string>;

/**
 * The audit log, newest first, filtered by action and days (and, for foundation staff, one
 * municipality); each entry links to what it names when the reader may open it. Pages by the
 * API's cursor. A filter the API refuses comes back as the form's failure, translated by code.
 */
export const load: PageServerLoad = async (event) => {
  const me = requireStaffArea(event.locals, event.url, 'audit.list');
  event.setHeaders({ 'cache-control': 'no-store' });
  const actor = actorOf(me);
  /** the municipality filter: only for people who see more than one municipality */
  const filterable = actor?.roles.some((g) => g.role === 'foundation_staff') ?? false;

  const params = event.url.searchParams;
  const filters = Object.fromEntries(filterNames.map((n) => [n, (params.get(n) ?? '').trim()])) as AuditFilters;
  if (!filterable) filters.municipality = '';
  const cursor = params.get('cursor') ?? '';

  const query = new URLSearchParams({ limit: String(pageSize) });
  if (filters.municipality) query.set('municipalityCode', filters.municipality);
  for (const name of ['action', 'from', 'to'] as const) if (filters[name]) query.set(name, filters[name]);
  if (cursor) query.set('cursor', cursor);

  const [log, municipalities, associations] = await Promise.all([
    callApi<z.infer<typeof AuditLogPage>>(event, 'GET', `/api/audit-log?${query}`),
    fetchAllMunicipalities(event),
    canAtAll(actor, 'association.list')
      ? callApi<{ items: Association[] }>(event, 'GET', '/api/associations')
      : Promise.resolve(null),
  ]);
  const entries = log.ok ? log.data.items : [];

  return {
    filters,
    cursor: cursor || null,
    filterable,
    municipalities,
    associationNames: Object.fromEntries((associations?.ok ? associations.data.items : []).map((a) => [a.id, a.name])),
    entries,
    nextCursor: log.ok ? log.data.nextCursor : null,
    /** per entry id, the page of what it names (when this reader may open it) */
    links: Object.fromEntries(entries.flatMap((e) => [[e.id, auditEntryHref(actor, e)]]).filter(([, href]) => href)),
    ...filterOutcome('audit-filter', log, filters, { rename: { municipalityCode: 'municipality' } }),
  };
};
