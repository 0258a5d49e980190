import { AuditLogPage, ListAuditLogQuery } from '@board/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../routes/error-responses.ts';
import { signedInContext } from '../../services/context.ts';
import { listAuditLog } from './service.ts';

export default async function auditRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/audit-log',
    {
      schema: {
        operationId: 'listAuditLog',
        tags: ['audit'],
        summary: "Who did what, when: your municipality's entries (staff) or all (foundation), newest first",
        querystring: ListAuditLogQuery,
        response: { 200: AuditLogPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => listAuditLog(signedInContext(request), request.query),
  );
}
