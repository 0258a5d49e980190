import { ListMunicipalitiesQuery, MunicipalityList } from '@board/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { municipalityRepository } from './repository.ts';

export default async function municipalityRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const repository = municipalityRepository(app.db);

  r.get(
    '/api/municipalities',
    {
      schema: {
        operationId: 'listMunicipalities',
        tags: ['municipalities'],
        summary: "Tokyo's municipalities (tenants), optionally by status",
        querystring: ListMunicipalitiesQuery,
        response: { 200: MunicipalityList },
      },
    },
    async (request) => ({ items: await repository.list({ status: request.query.status }) }),
  );
}
