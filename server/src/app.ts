import type { DatabaseHandle } from '@board/db';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import type { AppConfig } from './config.ts';
import healthRoutes from './modules/health/routes.ts';
import municipalityRoutes from './modules/municipalities/routes.ts';
import authentication from './plugins/app/authentication.ts';
import database from './plugins/app/database.ts';
import errorHandler from './plugins/app/error-handler.ts';
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
}

/**
 * Builds the whole app: external plugins (headers, OpenAPI), then app plugins (database, errors),
 * then routes by module, then the web pages. Tests call this; main.ts listens.
 */
export async function buildApp(config: AppConfig, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    genReqId: () => randomUUID(),
    trustProxy: true,
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

  await app.register(healthRoutes);
  await app.register(municipalityRoutes);

  if (config.serveWeb) await app.register(web, { webBuildDir: config.webBuildDir });
  return app;
}
