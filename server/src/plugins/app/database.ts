import { createDatabase, openAppDatabase, type Database, type DatabaseHandle } from '@board/db';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { AppConfig } from '../../config.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    database: DatabaseHandle;
  }
}

/**
 * Opens the database for the app's lifetime (postgres.js or PGlite) and closes it on shutdown.
 * A handle passed in must already be the app's login (openAppDatabase), as server/src/main.ts does.
 */
export default fp(
  async (app: FastifyInstance, opts: { config: AppConfig; database?: DatabaseHandle | undefined }) => {
    const handle =
      opts.database ??
      (await openAppDatabase(createDatabase({ url: opts.config.databaseUrl, dataDir: opts.config.pgliteDataDir }), {
        ownerUrl: opts.config.databaseUrl,
        appUrl: opts.config.appDatabaseUrl,
        prepare: opts.config.databasePrepare,
        directUrl: opts.config.appDirectDatabaseUrl,
      }));
    app.decorate('database', handle);
    app.decorate('db', handle.db);
    // a handle passed in belongs to the caller, who closes it
    if (!opts.database) app.addHook('onClose', async () => handle.close());
  },
  { name: 'database' },
);
