import { IdParams, VolunteerPublicProfile } from '@board/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { signedInContext } from '../../services/context.ts';
import { getVolunteerProfile } from './service.ts';
import { errorResponses } from '../../routes/error-responses.ts';

export default async function volunteerRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/volunteers/:id',
    {
      schema: {
        operationId: 'getVolunteerProfile',
        tags: ['volunteers'],
        summary: "A volunteer's public profile (signed in): skills, languages, completed helps, thanks if they allow",
        params: IdParams,
        response: { 200: VolunteerPublicProfile, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => getVolunteerProfile(signedInContext(request), request.params.id),
  );
}
