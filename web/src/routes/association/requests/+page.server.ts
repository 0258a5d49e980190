import type { MyRequestsPage } from '@board/shared';
import { RequestStatus } from '@board/shared';
import { callApi } from '#lib/server/api.ts';
import { officerAssociations, requireOfficer } from '#lib/server/officer.ts';
import type { PageServerLoad } from './$types';

const pageSize = 50;

/** An officer's requests in every state (GET /api/me/requests), optionally of one state. */
export const load: PageServerLoad = async (event) => {
  const me = requireOfficer(event.locals, event.url);

  const parsedStatus = RequestStatus.safeParse(event.url.searchParams.get('status'));
  const status = parsedStatus.success ? parsedStatus.data : null;
  const cursor = event.url.searchParams.get('cursor');
  const query = new URLSearchParams({ limit: String(pageSize) });
  if (status) query.set('status', status);
  if (cursor && cursor.length <= 300) query.set('cursor', cursor);

  const result = await callApi<MyRequestsPage>(event, 'GET', `/api/me/requests?${query}`);
  const nextCursor = result.ok ? result.data.nextCursor : null;
  const next = nextCursor ? new URLSearchParams({ cursor: nextCursor }) : null;
  if (next && status) next.set('status', status);
  return {
    me,
    status,
    items: result.ok ? result.data.items : [],
    /** the next page's link (the API's keyset cursor), or null on the last page */
    nextHref: next ? `?${next}` : null,
    loadFailed: !result.ok,
    associations: officerAssociations(me),
    /** a draft was just deleted from its page */
    deleted: event.url.searchParams.get('done') === 'deleted',
  };
};
