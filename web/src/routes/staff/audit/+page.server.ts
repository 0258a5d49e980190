import { canAtAll, type Association, type AuditLogPage } from '@board/shared';
import type { z } from 'zod';
import { actorOf } from '#lib/actor.ts';
import { auditEntryHref } from '#lib/audit/entry-link.ts';
import { callApi } from '#lib/server/api.ts';
import { requireStaffArea } from '#lib/server/guards.ts';
import { loadOversightList } from '#lib/server/oversight-list.ts';
import type { PageServerLoad } from './$types';

type AuditEntry = z.infer<typeof AuditLogPage>['items'][number];

/**
 * The audit log, newest first, filtered by action and days (and, for foundation staff, one
 * municipality); each entry links to what it names when the reader may open it. Pages by the
 * API's cursor. A filter the API refuses comes back as the form's failure, translated by code.
 */
export const load: PageServerLoad = async (event) => {
  const actor = actorOf(requireStaffArea(event.locals, event.url, 'audit.list'));
  // the associations' names, asked for beside the page of entries
  const associations = canAtAll(actor, 'association.list')
    ? callApi<{ items: Association[] }>(event, 'GET', '/api/associations')
    : Promise.resolve(null);
  const { items: entries, ...list } = await loadOversightList<AuditEntry, 'action' | 'from' | 'to'>(event, {
    action: 'audit.list',
    api: '/api/audit-log',
    filterNames: ['action', 'from', 'to'],
    form: 'audit-filter',
  });
  const named = await associations;
  return {
    ...list,
    associationNames: Object.fromEntries((named?.ok ? named.data.items : []).map((a) => [a.id, a.name])),
    entries,
    /** per entry id, the page of what it names (when this reader may open it) */
    links: Object.fromEntries(entries.flatMap((e) => [[e.id, auditEntryHref(actor, e)]]).filter(([, href]) => href)),
  };
};
