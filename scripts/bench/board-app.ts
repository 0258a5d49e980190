import type { DatabaseHandle } from '@board/db';
import { buildApp } from '@board/server';
import { loadConfig } from '@board/server/config';
import { sqlOf, type SqlClient } from './target.ts';

/**
 * The whole app as `pnpm start` builds it (minus the web pages), on a database handle of ours,
 * with bare routes returning fixed JSON bodies for comparison and a way to see the exact SQL a
 * route sends.
 */
type FastifyInstance = Awaited<ReturnType<typeof buildApp>>;

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

/** `env` overrides the environment for this app only (e.g. BOARD_CACHE_SECONDS: '0'). */
export async function buildBoardApp(handle: DatabaseHandle, env: Record<string, string> = {}): Promise<BoardApp> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', SERVE_WEB: '0', PORT: '0', ...env });
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
