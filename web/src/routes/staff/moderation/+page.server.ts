import type { ModerationQueue } from '@board/shared';
import { listScope, MunicipalityCode } from '@board/shared';
import { actorOf } from '#lib/actor.ts';
import { fetchAllMunicipalities } from '#lib/server/municipalities.ts';
import { callApi } from '#lib/server/api.ts';
import { requireStaffArea } from '#lib/server/guards.ts';
import type { PageServerLoad } from './$types';

const pageSize = 50;
const decisions = ['approve', 'requestChanges', 'reject', 'close'] as const;

/** The municipality's requests waiting for review, oldest first, with the counts for the header. */
export const load: PageServerLoad = async (event) => {
  const me = requireStaffArea(event.locals, event.url, 'moderation.list');
  event.setHeaders({ 'cache-control': 'no-store' });
  const scope = listScope(actorOf(me), 'moderation.list');
  const codes = scope?.kind === 'limited' ? [...new Set(scope.municipalityCodes)] : [];
  /** foundation staff (every municipality) and staff of several may narrow to one */
  const filterable = scope?.kind === 'any' || codes.length > 1;

  const asked = MunicipalityCode.safeParse(event.url.searchParams.get('municipality'));
  const municipality = filterable && asked.success ? asked.data : null;
  const cursor = event.url.searchParams.get('cursor');
  const query = new URLSearchParams({ limit: String(pageSize) });
  if (municipality) query.set('municipalityCode', municipality);
  if (cursor && cursor.length <= 300) query.set('cursor', cursor);

  const [queue, municipalities] = await Promise.all([
    callApi<ModerationQueue>(event, 'GET', `/api/moderation/queue?${query}`),
    fetchAllMunicipalities(event),
  ]);
  const nextCursor = queue.ok ? queue.data.nextCursor : null;
  const next = nextCursor ? new URLSearchParams({ cursor: nextCursor }) : null;
  if (next && municipality) next.set('municipality', municipality);
  const decided = event.url.searchParams.get('decided');
  const decidedId = event.url.searchParams.get('request');
  return {
    queue: queue.ok ? queue.data : null,
    /** the next page's link (the API's keyset cursor), or null on the last page */
    nextHref: next ? `?${next}` : null,
    municipality,
    filterable,
    /** the municipalities to choose from: every one for the foundation, else the person's own */
    choices: scope?.kind === 'any' ? municipalities : municipalities.filter((m) => codes.includes(m.code)),
    municipalities,
    decided: decisions.find((d) => d === decided) ?? null,
    decidedId: decidedId && /^[0-9a-f-]{36}$/i.test(decidedId) ? decidedId : null,
  };
};
