import type { Association, ModerationQueue } from '@board/shared';
import { listScope, ModerationListStatus, MunicipalityCode } from '@board/shared';
import { actorOf } from '#lib/actor.ts';
import { fetchAllMunicipalities } from '#lib/server/municipalities.ts';
import { callApi } from '#lib/server/api.ts';
import { requireStaffArea } from '#lib/server/guards.ts';
import { idOrNull } from '#lib/moderation/fields.ts';
import type { PageServerLoad } from './$types';

const pageSize = 50;
const decisions = ['approve', 'requestChanges', 'reject', 'close'] as const;

/** The municipality's requests waiting for review, oldest first, with the counts for the header. */
export const load: PageServerLoad = async (event) => {
  const me = requireStaffArea(event.locals, event.url, 'moderation.list');
  const scope = listScope(actorOf(me), 'moderation.list');
  const codes = scope?.kind === 'limited' ? [...new Set(scope.municipalityCodes)] : [];
  /** foundation staff (every municipality) and staff of several may narrow to one */
  const filterable = scope?.kind === 'any' || codes.length > 1;

  const asked = MunicipalityCode.safeParse(event.url.searchParams.get('municipality'));
  const municipality = filterable && asked.success ? asked.data : null;
  const association = idOrNull(event.url.searchParams.get('association'));
  const status = ModerationListStatus.safeParse(event.url.searchParams.get('status')).data ?? 'pending_review';
  const cursor = event.url.searchParams.get('cursor');
  const query = new URLSearchParams({ limit: String(pageSize), status });
  if (municipality) query.set('municipalityCode', municipality);
  if (association) query.set('associationId', association);
  if (cursor && cursor.length <= 300) query.set('cursor', cursor);

  const [queue, municipalities, associations] = await Promise.all([
    callApi<ModerationQueue>(event, 'GET', `/api/moderation/queue?${query}`),
    fetchAllMunicipalities(event),
    callApi<{ items: Association[] }>(event, 'GET', '/api/associations'),
  ]);
  /** the filters as they are now, for the next page's link and the counts' links */
  const filters = new URLSearchParams();
  if (municipality) filters.set('municipality', municipality);
  if (association) filters.set('association', association);
  const nextCursor = queue.ok ? queue.data.nextCursor : null;
  const next = nextCursor ? new URLSearchParams(filters) : null;
  if (next && nextCursor) {
    if (status !== 'pending_review') next.set('status', status);
    next.set('cursor', nextCursor);
  }
  const decided = event.url.searchParams.get('decided');
  const decidedId = event.url.searchParams.get('request');
  const choosable = associations.ok ? associations.data.items : [];
  return {
    status,
    association,
    /** the associations to narrow to: those of the chosen municipality, else every one this person may see */
    associations: choosable
      .filter((a) => !municipality || a.municipalityCode === municipality)
      .sort((x, y) => x.name.localeCompare(y.name, 'ja')),
    /** each count's link: the list it counts, with the same filters */
    listHrefs: {
      pending_review: `/staff/moderation${filters.size > 0 ? `?${filters}` : ''}`,
      changes_requested: `/staff/moderation?${new URLSearchParams([...filters, ['status', 'changes_requested']])}`,
    },
    queue: queue.ok ? queue.data : null,
    /** the next page's link (the API's keyset cursor), or null on the last page */
    nextHref: next ? `?${next}` : null,
    municipality,
    filterable,
    /** the municipalities to choose from: every one for the foundation, else the person's own */
    choices: scope?.kind === 'any' ? municipalities : municipalities.filter((m) => codes.includes(m.code)),
    municipalities,
    decided: decisions.find((d) => d === decided) ?? null,
    decidedId: idOrNull(decidedId),
  };
};
