import type { MunicipalityRequestItem } from '@board/shared';
import { loadOversightList } from '#lib/server/oversight-list.ts';
import type { PageServerLoad } from './$types';

/** Every request of the municipality in every state, filtered and paged by the API. */
export const load: PageServerLoad = (event) =>
  loadOversightList<MunicipalityRequestItem>(event, {
    action: 'request.listMunicipality',
    api: '/api/staff/requests',
    filterNames: ['category', 'status', 'from', 'to', 'sort'],
    form: 'request-filter',
  });
