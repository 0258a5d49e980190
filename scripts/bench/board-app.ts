import { loadavg } from 'node:os';
import type { DatabaseHandle } from '@board/db';
import { buildApp } from '@board/server';
import { loadConfig } from '@board/server/config';
import { loadAverage } from './report.ts';
import { sqlOf, type SqlClient } from './target.ts';

/**
 * The whole app as `pnpm start` builds it (minus the web pages), on a database handle of ours,
 * with bare routes returning fixed JSON bodies for comparison and a way to see the exact SQL a
 * route sends.
 */
type FastifyInstance = Awaited<ReturnType<typeof buildApp>>;

/** The measured listing: a municipality filter and a search word. */
export const listingPath = `/api/requests?municipalities=13121&q=${encodeURIComponent('チラシ')}`;

export interface BoardApp {
  app: FastifyInstance;
  /** makes `/bench/bare/<name>` return this body (set before listening) */
  setBare(name: string, body: string): void;
  /** the statements (text + parameters, as postgres.js sends them) run while `work` runs */
  capture<T>(work: () => Promise<T>): Promise<{ result: T; statements: Statement[] }>;
}

export interface Statement {
  text: string;
  parameters: unknown[];
  /** postgres.js connection id */
  connection?: number;
}

/**
 * `env` overrides the environment for this app only (e.g. BOARD_CACHE_SECONDS: '0'). The app's
 * scheduled jobs do not run (the figures' refresh at start takes half a minute at Tokyo scale and
 * would be measured with the requests); JOB_WORKERS: '1' turns them on.
 */
export async function buildBoardApp(handle: DatabaseHandle, env: Record<string, string> = {}): Promise<BoardApp> {
  const config = loadConfig({
    ...process.env,
    LOG_LEVEL: 'silent',
    SERVE_WEB: '0',
    PORT: '0',
    JOB_WORKERS: '0',
    ...env,
  });
  const app = await buildApp(config, { database: handle });
  const bare = new Map<string, string>();
  app.get<{ Params: { name: string } }>('/bench/bare/:name', { schema: { hide: true } }, async (request, reply) =>
    reply.type('application/json').send(bare.get(request.params.name) ?? '{}'),
  );
  const sql: SqlClient = sqlOf(handle);
  return {
    app,
    setBare: (name, body) => bare.set(name, body),
    async capture(work) {
      const statements: Statement[] = [];
      sql.options.debug = (connection, text, parameters) =>
        statements.push({ text, parameters: [...parameters], connection });
      try {
        const result = await work();
        return { result, statements };
      } finally {
        sql.options.debug = false;
      }
    },
  };
}

/**
 * The statements of the transactions that ran `dataPattern` (grouped by connection), without the
 * driver's own catalogue queries and without whatever else ran meanwhile (the expiry job at start).
 */
export function statementsOf(
  statements: Statement[],
  dataPattern: RegExp,
): { context: Statement[]; data: Statement[] } {
  const connections = new Set(
    statements.filter((s) => dataPattern.test(s.text) && !isContextStatement(s.text)).map((s) => s.connection),
  );
  const mine = statements.filter((s) => connections.has(s.connection) && !/pg_catalog\./.test(s.text));
  // one request = one transaction: its context is the role and settings set before the data statements
  const context: Statement[] = [];
  for (const s of mine) {
    if (!isContextStatement(s.text)) break;
    if (!/^\s*(begin|commit|rollback)/i.test(s.text)) context.push(s);
  }
  return { context, data: mine.filter((s) => !isContextStatement(s.text)) };
}

/** Statements that set up the row-level-security context of a transaction (db/src/access-context.ts). */
export function isContextStatement(text: string): boolean {
  return /^\s*(begin|commit|rollback|set local role|select\s+set_config\()/i.test(text);
}

/** Published requests on the board (active municipality, not hidden), newest first. */
export async function publishedRequestIds(sql: SqlClient, limit: number, municipality?: string): Promise<string[]> {
  const rows = await sql.unsafe<{ id: string }>(
    `select h.id from help_requests h join municipalities m on m.code = h.municipality_code
     where h.status = 'published' and h.hidden_at is null and m.status = 'active'
       and ($1::text is null or h.municipality_code = $1)
     order by h.published_at desc limit ${Math.trunc(limit)}`,
    [municipality ?? null],
  );
  return rows.map((r) => r.id);
}

/** Waits (at most `seconds`) until no other statement runs in this database, e.g. the expiry job the app starts with. */
export async function waitForIdle(sql: SqlClient, seconds = 120): Promise<void> {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    const [row] = await sql.unsafe<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity
       where datname = current_database() and state = 'active' and pid <> pg_backend_pid()`,
    );
    if (!row?.n) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function countRequests(sql: SqlClient): Promise<number> {
  const [row] = await sql.unsafe<{ n: number }>('select count(*)::int as n from help_requests');
  return row?.n ?? 0;
}

/** Mean ms of `work`, sequentially: up to n runs or about `seconds`, after a short warm-up. */
export async function timeEach(n: number, work: () => unknown, seconds = 5): Promise<number> {
  for (let i = 0; i < 3; i++) await work();
  const start = process.hrtime.bigint();
  let runs = 0;
  while (runs < n && (runs < 3 || Number(process.hrtime.bigint() - start) < seconds * 1e9)) {
    await work();
    runs++;
  }
  return Number(process.hrtime.bigint() - start) / 1e6 / runs;
}

/**
 * Other work on the machine skews everything: waits (BENCH_WAIT_QUIET seconds at most) until the
 * 1-minute load average is below BENCH_QUIET_LOAD (1), and says how busy it was then.
 */
export async function waitForQuiet(): Promise<string> {
  const quietBelow = Number(process.env.BENCH_QUIET_LOAD ?? 1);
  const waitUntil = Date.now() + 1000 * Number(process.env.BENCH_WAIT_QUIET ?? 0);
  while (loadavg()[0]! > quietBelow && Date.now() < waitUntil) await new Promise((r) => setTimeout(r, 5000));
  return loadAverage();
}

/** Listens on a free loopback port; answers the base URL. */
export async function listenOnLoopback(b: BoardApp): Promise<string> {
  await b.app.listen({ host: '127.0.0.1', port: 0 });
  const address = b.app.server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}
