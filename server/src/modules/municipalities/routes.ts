import {
  DomainError,
  ListMunicipalitiesQuery,
  MunicipalityCodeParams,
  MunicipalityList,
  MunicipalitySettingsView,
  UpdateMunicipalitySettingsBody,
} from '@board/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { municipalityFeed } from './feed.ts';
import { getMunicipalitySettings, listMunicipalities, updateMunicipalitySettings } from './service.ts';
import { errorResponses } from '../../routes/error-responses.ts';
import { serviceContext, signedInContext } from '../../services/context.ts';

export default async function municipalityRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/municipalities',
    {
      schema: {
        operationId: 'listMunicipalities',
        tags: ['municipalities'],
        summary: "Tokyo's municipalities (tenants), optionally by status",
        querystring: ListMunicipalitiesQuery,
        response: { 200: MunicipalityList, ...errorResponses(400) },
      },
    },
    async (request) => ({ items: await listMunicipalities(serviceContext(request), request.query.status) }),
  );

  r.get(
    '/api/municipalities/:code/settings',
    {
      schema: {
        operationId: 'getMunicipalitySettings',
        tags: ['municipalities'],
        summary: 'Moderation on or off, the categories officers may use, the contact desk; no sign-in needed',
        params: MunicipalityCodeParams,
        response: { 200: MunicipalitySettingsView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => getMunicipalitySettings(serviceContext(request), request.params.code),
  );

  r.patch(
    '/api/municipalities/:code/settings',
    {
      schema: {
        operationId: 'updateMunicipalitySettings',
        tags: ['municipalities'],
        summary: "Change the municipality's request settings (its staff); audit-logged",
        params: MunicipalityCodeParams,
        body: UpdateMunicipalitySettingsBody,
        response: { 200: MunicipalitySettingsView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => updateMunicipalitySettings(signedInContext(request), request.params.code, request.body),
  );

  r.get(
    '/api/municipalities/:code/feed.atom',
    {
      schema: {
        operationId: 'getMunicipalityFeed',
        tags: ['municipalities'],
        summary: "The municipality's open requests as an Atom 1.0 feed (newest 50); no sign-in needed",
        params: MunicipalityCodeParams,
        response: {
          200: {
            description: 'Atom 1.0 feed',
            content: { 'application/atom+xml': { schema: z.string() } },
          },
          ...errorResponses(400, 404),
        },
      },
    },
    async (request, reply) => {
      const xml = await municipalityFeed(serviceContext(request), request.params.code);
      if (xml === null) throw new DomainError('NOT_FOUND', 'No such active municipality.');
      return reply.type('application/atom+xml; charset=utf-8').header('cache-control', 'public, max-age=300').send(xml);
    },
  );
}
