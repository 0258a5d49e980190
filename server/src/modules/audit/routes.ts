import { AuditLogPage, DomainError, ListAuditLogQuery, municipalityScope, type Actor } from '@board/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditRepository } from './repository.ts';
import { errorResponses } from '../../routes/error-responses.ts';

/** Staff read their municipality's entries, foundation staff everyone's (optionally one municipality's). */
async function listAuditLog(
  actor: Actor,
  access: Pick<FastifyRequest, 'withAccess'>,
  query: { municipalityCode?: string | undefined; before?: number | undefined; limit: number },
) {
  const scope = municipalityScope(actor, 'audit.list', query.municipalityCode);
  if (!scope) throw new DomainError('FORBIDDEN', 'You may not read this audit log.');
  const items = await access.withAccess((tx) =>
    auditRepository(tx).list({
      municipalityCodes: scope === 'any' ? undefined : scope,
      before: query.before,
      limit: query.limit,
    }),
  );
  return { items, nextBefore: items.length === query.limit ? items[items.length - 1]!.id : null };
}

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
    async (request) => listAuditLog(request.requireActor(), request, request.query),
  );
}
