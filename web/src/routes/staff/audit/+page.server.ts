import type { Association, AuditLogPage } from '@board/shared';
import { canAtAll } from '@board/shared';
import type { z } from 'zod';
import { actorOf } from '#lib/actor.ts';
import { fetchAllMunicipalities } from '#lib/server/municipalities.ts';
import { callApi } from '#lib/server/api.ts';
import { requireStaffArea } from '#lib/server/guards.ts';
import type { PageServerLoad } from './$types';

/** Entries per page: enough for a day's work, short enough for an old phone. */
const pageSize = 30;

export const load: PageServerLoad = async (event) => {
  const me = requireStaffArea(event.locals, event.url, 'audit.list');
  event.setHeaders({ 'cache-control': 'no-store' });
  const actor = actorOf(me);

  const beforeParam = event.url.searchParams.get('before');
  const before = beforeParam && /^\d{1,15}$/.test(beforeParam) ? Number(beforeParam) : null;
  const municipalityParam = event.url.searchParams.get('municipality');
  const municipality = municipalityParam && /^13\d{3}$/.test(municipalityParam) ? municipalityParam : null;

  const query = new URLSearchParams({ limit: String(pageSize) });
  if (before) query.set('before', String(before));
  if (municipality) query.set('municipalityCode', municipality);

  const [log, municipalities, associations] = await Promise.all([
    callApi<z.infer<typeof AuditLogPage>>(event, 'GET', `/api/audit-log?${query}`),
    fetchAllMunicipalities(event),
    canAtAll(actor, 'association.list')
      ? callApi<{ items: Association[] }>(event, 'GET', '/api/associations')
      : Promise.resolve(null),
  ]);

  return {
    me,
    before,
    municipality,
    entries: log.ok ? log.data.items : [],
    nextBefore: log.ok ? log.data.nextBefore : null,
    loadFailed: !log.ok,
    /** the municipality filter: only for people who see more than one municipality */
    filterable: actor?.roles.some((g) => g.role === 'foundation_staff') ?? false,
    municipalities,
    associationNames: Object.fromEntries((associations?.ok ? associations.data.items : []).map((a) => [a.id, a.name])),
  };
};
