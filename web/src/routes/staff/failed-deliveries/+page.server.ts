import type { FailedDeliveries } from '@board/shared';
import { callApi } from '#lib/server/api.ts';
import { requireStaffArea } from '#lib/server/guards.ts';
import { fetchAllMunicipalities } from '#lib/server/municipalities.ts';
import type { PageServerLoad } from './$types';

/** Mail the board gave up on (after every retry), newest first: the person must be reached another way. */
export const load: PageServerLoad = async (event) => {
  requireStaffArea(event.locals, event.url, 'delivery.listFailed');
  const [failed, municipalities] = await Promise.all([
    callApi<FailedDeliveries>(event, 'GET', '/api/staff/failed-deliveries'),
    fetchAllMunicipalities(event),
  ]);
  return { items: failed.ok ? failed.data.items : [], loadFailed: !failed.ok, municipalities };
};
