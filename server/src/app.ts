import type { DatabaseHandle } from '@board/db';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import type { AppConfig } from './config.ts';
import { loggerOptions, type LogDestination } from './logging/redaction.ts';
import { rateLimitPluginOptions } from './modules/auth/rate-limits.ts';
import { sweepCountersRegularly } from './limits/store.ts';
import { workMailQueue } from './mail/mail-jobs.ts';
import jobs from './jobs/queue.ts';
import { scheduleExpiry } from './modules/help-requests/expiry.ts';
import { scheduleDigests } from './modules/notifications/digests.ts';
import { scheduleFiguresRefresh } from './modules/figures/refresh.ts';
import { scheduleReminders } from './modules/calendar/reminders.ts';
import authentication from './plugins/app/authentication.ts';
import boardCache from './plugins/app/board-cache.ts';
import clientAddress from './plugins/app/client-address.ts';
import lifecycle from './plugins/app/lifecycle.ts';
import database from './plugins/app/database.ts';
import errorHandler, { answerFrameworkError } from './plugins/app/error-handler.ts';
import mailer from './plugins/app/mailer.ts';
import web from './plugins/app/web.ts';
import openapi from './plugins/external/openapi.ts';
import securityHeaders from './plugins/external/security-headers.ts';
import { apiRoutes } from './routes/api-routes.ts';

declare module 'fastify' {
  interface FastifyInstance {
    config: AppConfig;
  }
}

export interface BuildOptions {
  /** an open database to use instead of one made from the config (tests pass theirs) */
  database?: DatabaseHandle;
  /** where log lines go instead of stdout (tests read them) */
  logStream?: LogDestination;
}

/**
 * Builds the whole app: external plugins (headers, OpenAPI), then app plugins (database, errors),
 * then routes by module, then the web pages. Tests call this; main.ts listens.
 */
export async function buildApp(config: AppConfig, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : loggerOptions(config.logLevel, options.logStream),
    genReqId: () => randomUUID(),
    frameworkErrors: answerFrameworkError,
    // X-Forwarded-For/-Host/-Proto are believed only from the configured proxy hops, never because
    // the peer is loopback; our page server vouches for its visitors otherwise (client-address.ts)
    trustProxy: (_address: string, hop: number) => hop < config.trustProxyHops,
  });
  app.decorate('config', config);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(securityHeaders);
  await app.register(openapi);
  await app.register(lifecycle);
  await app.register(database, { config, database: options.database });
  await app.register(errorHandler);
  await app.register(mailer, { config });
  await app.register(jobs, { config });
  workMailQueue(app);
  await app.register(authentication, { config });
  await app.register(boardCache, { config });
  await app.register(clientAddress, { pageServerSecret: config.pageServerSecret });
  await app.register(fastifyRateLimit, rateLimitPluginOptions(app.db));
  sweepCountersRegularly(app);

  for (const routes of apiRoutes) await app.register(routes);
  scheduleExpiry(app);
  scheduleDigests(app);
  scheduleFiguresRefresh(app);
  scheduleReminders(app);

  if (config.serveWeb)
    await app.register(web, { webBuildDir: config.webBuildDir, pageServerSecret: config.pageServerSecret });
  return app;
}
