import { z } from 'zod';
import { defineRoutes, route } from '../../routes/define-routes.ts';

const Health = z.object({ status: z.literal('ok') });
const Ready = z.object({
  status: z.enum(['ready', 'unavailable', 'draining']),
  database: z.enum(['postgres', 'pglite']),
});

export default defineRoutes('health', {
  getHealth: route('GET /api/health', {
    summary: 'The process is up',
    signIn: 'optional',
    response: { 200: Health },
    handler: async () => ({ status: 'ok' as const }),
  }),
  getReadiness: route('GET /api/ready', {
    summary: 'The database answers and the process is not shutting down',
    signIn: 'optional',
    response: { 200: Ready, 503: Ready },
    handler: async (_context, _input, { app, reply }) => {
      const database = app.database.engine;
      // shutting down (SIGTERM): load balancers stop sending here while requests in flight finish
      if (app.lifecycle.draining) return reply.code(503).send({ status: 'draining' as const, database });
      try {
        await app.database.ping();
        return { status: 'ready' as const, database };
      } catch (err) {
        app.log.error({ err }, 'readiness check failed');
        return reply.code(503).send({ status: 'unavailable' as const, database });
      }
    },
  }),
});
