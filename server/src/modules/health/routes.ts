import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../routes/error-responses.ts';

const Health = z.object({ status: z.literal('ok') });
const Ready = z.object({ status: z.enum(['ready', 'unavailable']), database: z.enum(['postgres', 'pglite']) });

export default async function healthRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/health',
    {
      schema: {
        operationId: 'getHealth',
        tags: ['health'],
        summary: 'The process is up',
        response: { 200: Health, ...errorResponses() },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  r.get(
    '/api/ready',
    {
      schema: {
        operationId: 'getReadiness',
        tags: ['health'],
        summary: 'The database answers',
        response: { 200: Ready, 503: Ready, ...errorResponses() },
      },
    },
    async (_request, reply) => {
      const database = app.database.engine;
      try {
        await app.database.ping();
        return { status: 'ready' as const, database };
      } catch (err) {
        app.log.error({ err }, 'readiness check failed');
        return reply.code(503).send({ status: 'unavailable' as const, database });
      }
    },
  );
}
