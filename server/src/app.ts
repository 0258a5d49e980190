import type { DatabaseHandle } from '@board/db';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import type { AppConfig } from './config.ts';
import { loggerOptions, type LogDestination } from './logging/redaction.ts';
import authRoutes from './modules/auth/routes.ts';
import { rateLimitPluginOptions } from './modules/auth/rate-limits.ts';
import { sweepCountersRegularly } from './limits/store.ts';
import devMailRoutes from './modules/dev-mail/routes.ts';
import applicationRoutes from './modules/applications/routes.ts';
import associationRoutes from './modules/associations/routes.ts';
import auditRoutes from './modules/audit/routes.ts';
import completionRoutes from './modules/completion/routes.ts';
import flagRoutes from './modules/flags/routes.ts';
import healthRoutes from './modules/health/routes.ts';
import { scheduleExpiry } from './modules/help-requests/expiry.ts';
import helpRequestRoutes from './modules/help-requests/routes.ts';
import invitationRoutes from './modules/invitations/routes.ts';
import meRoutes from './modules/me/routes.ts';
import messageRoutes from './modules/messages/routes.ts';
import moderationRoutes from './modules/moderation/routes.ts';
import municipalityRoutes from './modules/municipalities/routes.ts';
import volunteerRoutes from './modules/volunteers/routes.ts';
import authentication from './plugins/app/authentication.ts';
import boardCache from './plugins/app/board-cache.ts';
import clientAddress from './plugins/app/client-address.ts';
import database from './plugins/app/database.ts';
import errorHandler, { answerFrameworkError } from './plugins/app/error-handler.ts';
import mailer from './plugins/app/mailer.ts';
import web from './plugins/app/web.ts';
import openapi from './plugins/external/openapi.ts';
import securityHeaders from './plugins/external/security-headers.ts';

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
  await app.register(database, { config, database: options.database });
  await app.register(errorHandler);
  await app.register(mailer, { config });
  await app.register(authentication, { config });
  await app.register(boardCache, { config });
  await app.register(clientAddress, { pageServerSecret: config.pageServerSecret });
  await app.register(fastifyRateLimit, rateLimitPluginOptions(app.db));
  sweepCountersRegularly(app);

  await app.register(healthRoutes);
  await app.register(municipalityRoutes);
  await app.register(meRoutes);
  await app.register(associationRoutes);
  await app.register(invitationRoutes);
  await app.register(auditRoutes);
  // raising a hand, matches, messages, finishing, flags (issue 4)
  await app.register(applicationRoutes);
  await app.register(messageRoutes);
  await app.register(completionRoutes);
  await app.register(flagRoutes);
  await app.register(volunteerRoutes);
  await app.register(authRoutes);
  await app.register(devMailRoutes);
  await app.register(helpRequestRoutes);
  await app.register(moderationRoutes);
  scheduleExpiry(app);

  if (config.serveWeb)
    await app.register(web, { webBuildDir: config.webBuildDir, pageServerSecret: config.pageServerSecret });
  return app;
}
