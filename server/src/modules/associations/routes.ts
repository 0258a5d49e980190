import { Association, AssociationList, CreateAssociationBody, ListAssociationsQuery } from '@board/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createAssociation, listAssociations } from './service.ts';

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
        response: { 201: Association },
      },
    },
    async (request, reply) => {
      const association = await createAssociation(request.requireActor(), request, request.body);
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
        response: { 200: AssociationList },
      },
    },
    async (request) => {
      return { items: await listAssociations(request.requireActor(), request, request.query) };
    },
  );
}
