import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const flag = z
  .enum(['1', '0', 'true', 'false'])
  .transform((v) => v === '1' || v === 'true')
  .optional();

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  APP_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** the app's login straight to PostgreSQL when APP_DATABASE_URL goes through PgBouncer (docs/deploy.md) */
  APP_DIRECT_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  PGLITE_DATA_DIR: z.string().default(fileURLToPath(new URL('../../.data/pglite', import.meta.url))),
  DEMO_DATA: flag,
  DEMO_HISTORY: flag,
  JWT_SECRET: z.string().min(32, { error: 'JWT_SECRET must be at least 32 characters' }).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_BUILD_DIR: z.string().default(fileURLToPath(new URL('../../web/build', import.meta.url))),
  SERVE_WEB: flag,
  PUBLIC_ORIGIN: z.url().optional(),
  /** how many reverse proxies stand in front (their X-Forwarded-For is trusted); 0 = none */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** shared with a separately run page server (`pnpm dev`); one process makes its own */
  PAGE_SERVER_SECRET: z.string().min(32, { error: 'PAGE_SERVER_SECRET must be at least 32 characters' }).optional(),
  BOARD_CACHE_SECONDS: z.coerce.number().min(0).max(60).default(2),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().default('まちの腕きき掲示板 <no-reply@machi-udekiki.example>'),
  /** run the job queue's workers in this process (0: only enqueue; another instance does the work) */
  JOB_WORKERS: flag,
  /** named prepared statements on the app's connections (0 behind PgBouncer < 1.21 in transaction mode) */
  DATABASE_PREPARE: flag,
  /** on SIGTERM, how long readiness says "draining" before the server stops taking requests (main.ts) */
  SHUTDOWN_DELAY_SECONDS: z.coerce.number().min(0).max(120).default(0),
});

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  /** the migration owner (migrate, seed); unset → embedded PGlite in `pgliteDataDir` */
  databaseUrl: string | undefined;
  /** the app's own login for requests (role board_app); unset → DATABASE_URL's server as board_app */
  appDatabaseUrl: string | undefined;
  /** the app's login without PgBouncer, for what needs a session (LISTEN, job queue); unset → appDatabaseUrl */
  appDirectDatabaseUrl: string | undefined;
  pgliteDataDir: string;
  /** seed demo associations, accounts and requests (never outside demo mode) */
  demoData: boolean;
  /** with the demo data, a year of history played through the services (server/src/demo; first seed only) */
  demoHistory: boolean;
  jwtSecret: string;
  logLevel: string;
  /** mount the SvelteKit build in this process (one port for pages and API) */
  serveWeb: boolean;
  webBuildDir: string;
  /** where links in mail point, e.g. https://board.example.jp */
  publicOrigin: string;
  /** smtp(s)://… ; unset → mail is captured in memory (tests, demo at /dev/mail) */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** this process works queued jobs (mail, timers); off: it only enqueues them (jobs/queue.ts) */
  jobWorkers: boolean;
  /** postgres.js prepares the app's statements (db/src/prepared.ts); off behind PgBouncer < 1.21 in transaction mode */
  databasePrepare: boolean;
  /** refresh cookie gets `Secure` (off only in development and tests over plain http) */
  secureCookies: boolean;
  /** reverse proxies in front whose X-Forwarded-* headers are believed (0: none, so clients cannot fake their IP) */
  trustProxyHops: number;
  /** signs the visitor's address our page server hands to the API (plugins/app/client-address.ts) */
  pageServerSecret: string;
  /** how long a board page may be served from memory (0: never); see plugins/app/board-cache.ts */
  boardCacheSeconds: number;
  /** on SIGTERM, readiness answers 503 this long before the server stops listening (load balancers notice) */
  shutdownDelaySeconds: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Development's signing secret when JWT_SECRET is unset: made once and kept in a file beside the
 * embedded database's folder (`<PGLITE_DATA_DIR>.secret`, readable by its owner only), so signed
 * links already mailed (one-click unsubscribe) and sessions outlive a restart. Never used in
 * production (JWT_SECRET is required there) nor in tests (a fresh secret per process).
 */
export function developmentSecret(dataDir: string): string {
  const file = `${dataDir.replace(/\/+$/, '')}.secret`;
  const read = () => {
    try {
      const kept = readFileSync(file, 'utf8').trim();
      return kept.length >= 32 ? kept : null;
    } catch {
      return null;
    }
  };
  const kept = read();
  if (kept) return kept;
  mkdirSync(dirname(file), { recursive: true });
  try {
    writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    // another process made it first: use theirs
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const made = read();
  if (!made)
    throw new ConfigError(`Invalid configuration:\n  ${file}: not a usable secret; delete it to make a new one`);
  return made;
}

/** Reads and validates the environment once, at start; throws a ConfigError that names each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && !e.JWT_SECRET) {
    throw new ConfigError('Invalid configuration:\n  JWT_SECRET: required in production (at least 32 characters)');
  }
  const embedded = !e.DATABASE_URL;
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    appDatabaseUrl: e.APP_DATABASE_URL,
    appDirectDatabaseUrl: e.APP_DIRECT_DATABASE_URL,
    pgliteDataDir: e.PGLITE_DATA_DIR,
    demoData: e.DEMO_DATA ?? embedded,
    demoHistory: e.DEMO_HISTORY ?? true,
    // production requires JWT_SECRET (above); development keeps one beside its data; tests make their own
    jwtSecret:
      e.JWT_SECRET ??
      (e.NODE_ENV === 'development' ? developmentSecret(e.PGLITE_DATA_DIR) : randomBytes(32).toString('hex')),
    logLevel: e.LOG_LEVEL,
    serveWeb: e.SERVE_WEB ?? true,
    webBuildDir: e.WEB_BUILD_DIR,
    publicOrigin: (e.PUBLIC_ORIGIN ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    jobWorkers: e.JOB_WORKERS ?? true,
    databasePrepare: e.DATABASE_PREPARE ?? true,
    secureCookies: e.NODE_ENV === 'production',
    trustProxyHops: e.TRUST_PROXY_HOPS,
    pageServerSecret: e.PAGE_SERVER_SECRET ?? randomBytes(32).toString('hex'),
    boardCacheSeconds: e.BOARD_CACHE_SECONDS,
    shutdownDelaySeconds: e.SHUTDOWN_DELAY_SECONDS,
  };
}
