import {
  Association,
  AssociationList,
  AssociationOfficerList,
  AssociationOfficerParams,
  CreateAssociationBody,
  IdParams,
  ListAssociationsQuery,
} from '@board/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createAssociation, listAssociationOfficers, listAssociations, removeAssociationOfficer } from './service.ts';
import { errorResponses } from '../../routes/error-responses.ts';
import { signedInContext } from '../../services/context.ts';

export default async function associationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/associations',
    {
      schema: {
        operationId: 'createAssociation',
        tags: ['associations'],
        summary: 'Register a 町会・自治会 in your municipality (municipal staff)',
        body: CreateAssociationBody,
        response: { 201: Association, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const association = await createAssociation(signedInContext(request), request.body);
      return reply.code(201).send(association);
    },
  );

  r.get(
    '/api/associations',
    {
      schema: {
        operationId: 'listAssociations',
        tags: ['associations'],
        summary: 'Associations you manage: your municipality’s (staff), all (foundation) or your own (officers)',
        querystring: ListAssociationsQuery,
        response: { 200: AssociationList, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      return { items: await listAssociations(signedInContext(request), request.query) };
    },
  );

  r.get(
    '/api/associations/:id/officers',
    {
      schema: {
        operationId: 'listAssociationOfficers',
        tags: ['associations'],
        summary: "The association's officers, by name (its municipality's staff, foundation staff, its officers)",
        params: IdParams,
        response: { 200: AssociationOfficerList, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      items: await listAssociationOfficers(signedInContext(request), request.params.id),
    }),
  );

  r.post(
    '/api/associations/:id/officers/:userId/remove',
    {
      schema: {
        operationId: 'removeAssociationOfficer',
        tags: ['associations'],
        summary: "Take the officer role away from someone who left the association (the municipality's staff)",
        description:
          'The account stays; every session of it ends, so the person can no longer act for the association from the next request. Audit-logged as role.remove.',
        params: AssociationOfficerParams,
        response: { 204: z.null().describe('No content'), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await removeAssociationOfficer(signedInContext(request), request.params.id, request.params.userId);
      return reply.code(204).send(null);
    },
  );
}
