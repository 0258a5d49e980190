import { connectAsApp, type DatabaseHandle } from '@board/db';
import { seedDemo, seedMunicipalities } from '@board/db/seed/seed';
import { buildApp } from '@board/server';
import { loadConfig, type AppConfig } from '@board/server/config';
import type { CapturedMail } from '@board/server/plugins/app/mailer';
import type { FastifyInstance } from 'fastify';
import { queuedWorkDone } from './queued-work.ts';
import { startSmtpSink } from './smtp-sink.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

export interface TestApp {
  app: FastifyInstance;
  /** fixtures and checks: `database.handle` is the migration owner's connection */
  database: TestDatabase;
  /** the connection the app serves requests on: the login role board_app */
  appDatabase: DatabaseHandle;
  config: AppConfig;
  /** http://127.0.0.1:PORT when started with `listen: true` */
  baseUrl: string;
  /** every mail the app sent, newest first, as received by SMTP (or kept in memory: `mail` option) */
  mail: CapturedMail[];
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** seed the demo associations, accounts and requests (default true) */
  demo?: boolean;
  /** mount the SvelteKit build (needs `pnpm build` first) */
  serveWeb?: boolean;
  /** listen on a free port so a browser or HTTP client can reach it */
  listen?: boolean;
  env?: Record<string, string>;
  /** extra routes for one test file, added before the app is ready */
  routes?: (app: FastifyInstance) => void;
  /** where the app's log lines go (set LOG_LEVEL in `env` too; tests default to silent) */
  logStream?: { write(line: string): void };
  /**
   * How mail leaves: 'smtp' (default) through real SMTP to a local sink, as in production;
   * 'memory' kept by the app itself, for the demo's /dev/mail page. An SMTP_URL in `env` wins.
   */
  mail?: 'smtp' | 'memory';
}

/** The real app over its own freshly cloned PostgreSQL database. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  await seedMunicipalities(database.handle.db);
  if (options.demo ?? true) await seedDemo(database.handle.db);
  const sink = options.mail !== 'memory' && !options.env?.SMTP_URL ? await startSmtpSink() : undefined;
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    APP_DATABASE_URL: database.appUrl,
    SERVE_WEB: options.serveWeb ? '1' : '0',
    PORT: '0',
    // tests write rows straight into the database (as another server instance would) and read the
    // board at once; the cache has its own tests (server/test/help-requests/board-cache.test.ts)
    BOARD_CACHE_SECONDS: '0',
    ...(sink && { SMTP_URL: sink.url }),
    ...options.env,
  });
  const appDatabase = await connectAsApp({ url: database.appUrl, maxConnections: 5 });
  const app = await buildApp(config, { database: appDatabase, logStream: options.logStream });
  // mail is a job the app's own worker sends a moment after the commit: an answer waits for it
  // here, so a test reads the mail its request caused as soon as it has the answer
  // waiting for queued mail must never change the answer (a test may close the database on purpose)
  if (config.jobWorkers) app.addHook('onSend', async () => queuedWorkDone(app).catch(() => {}));
  options.routes?.(app);
  let baseUrl = '';
  if (options.listen) {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    if (address && typeof address === 'object') baseUrl = `http://127.0.0.1:${address.port}`;
  } else {
    await app.ready();
  }
  return {
    app,
    database,
    appDatabase,
    config,
    baseUrl,
    mail: sink?.received ?? app.mailer.captured,
    close: async () => {
      // a browser outlives its file's app (one Chromium a test worker, tests/e2e/kit/boot.ts): the
      // connections it keeps must not hold the close; nothing of the tests' own is in flight now
      app.server.closeAllConnections();
      await app.close();
      await sink?.close();
      await appDatabase.close();
      await database.drop();
    },
  };
}
