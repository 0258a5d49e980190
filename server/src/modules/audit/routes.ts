import { AuditLogPage, ListAuditLogQuery } from '@board/shared';
import { byQuery, defineRoutes, route } from '../../routes/define-routes.ts';
import { listAuditLog } from './service.ts';

export default defineRoutes('audit', {
  listAuditLog: route('GET /api/audit-log', {
    summary: "Who did what, when: your municipality's entries (staff) or all (foundation), newest first",
    input: { query: ListAuditLogQuery },
    response: { 200: AuditLogPage },
    errors: [403],
    handler: byQuery(listAuditLog),
  }),
});
