import { FailedDeliveries, ListFailedDeliveriesQuery } from '@board/shared';
import { byQuery, defineRoutes, route } from '../../routes/define-routes.ts';
import { listFailedDeliveries } from './service.ts';

export default defineRoutes('deliveries', {
  listFailedDeliveries: route('GET /api/staff/failed-deliveries', {
    summary:
      'Mail the board could not deliver after every retry: your municipality’s (staff) or all, account mail too (foundation), newest first',
    input: { query: ListFailedDeliveriesQuery },
    response: { 200: FailedDeliveries },
    errors: [403],
    handler: byQuery(listFailedDeliveries),
  }),
});
