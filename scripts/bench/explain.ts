import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DatabaseHandle } from '@board/db';
import postgres from 'postgres';
import { expireOverdueRequests } from '@board/server/modules/help-requests/expiry';
import {
  buildBoardApp,
  countRequests,
  statementsOf,
  waitForIdle,
  publishedRequestIds,
  type BoardApp,
  type Statement,
} from './board-app.ts';
import { generate } from './generate.ts';
import { benchScale, openDatabase, openTarget, sqlOf, type SqlClient } from './target.ts';

/**
 * `pnpm bench:explain`: EXPLAIN (ANALYZE, BUFFERS) of the SQL the board's API really sends.
 * Each scenario calls the real route (app.inject); postgres.js's `debug` hook records every
 * statement of that request; the data statements are then explained in the same row-level-security
 * context (SET LOCAL ROLE board_app + the same set_config), twice:
 *   custom  — parameters known to the planner (what an unnamed or a fresh prepared statement gets)
 *   generic — plan_cache_mode = force_generic_plan (what a prepared statement may switch to after
 *             five executions: postgres.js prepares and reuses statements per connection)
 * Exit code 1 when any board plan does a Seq Scan on help_requests.
 * DATABASE_URL: a generated database (pnpm bench:generate); without it a throwaway cluster is
 * generated at SCALE first. BENCH_OUT=file also writes the report there.
 */

export interface Scenario {
  name: string;
  url: string;
  /** informational: its seq scans warn instead of failing */
  informational?: boolean;
}

export interface ExplainedStatement {
  scenario: string;
  url: string;
  status: number;
  bytes: number;
  sql: string;
  parameters: unknown[];
  custom: string;
  generic: string;
  /** the same statement as the table owner, without row-level security (diagnostic) */
  owner?: string;
  seqScan: boolean;
  informational: boolean;
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  return `'${String(value).replaceAll("'", "''")}'`;
}

/**
 * `work` in a transaction that is rolled back (nothing explained is kept: the expiry UPDATE is
 * explained too), twice: the first run warms the caches, the second's answer is the one returned.
 */
async function secondOfTwoRolledBack<T>(
  c: { unsafe(query: string): Promise<unknown> },
  work: () => Promise<T>,
  afterRollback?: () => Promise<unknown>,
): Promise<T> {
  let result: T | undefined;
  for (let run = 0; run < 2; run++) {
    await c.unsafe('begin');
    try {
      result = await work();
    } finally {
      await c.unsafe('rollback');
      await afterRollback?.();
    }
  }
  return result as T;
}

export async function explainOne(
  sql: SqlClient,
  context: Statement[],
  statement: Statement,
  mode: 'custom' | 'generic' | 'owner',
): Promise<string> {
  const c = await sql.reserve();
  try {
    const rows = await secondOfTwoRolledBack(
      c,
      async () => {
        if (mode !== 'owner') for (const s of context) await c.unsafe(s.text, s.parameters);
        if (mode === 'generic') {
          await c.unsafe(`prepare bench_plan as ${statement.text}`);
          await c.unsafe('set local plan_cache_mode = force_generic_plan');
          return await c.unsafe<Record<string, string>>(
            `explain (analyze, buffers) execute bench_plan(${statement.parameters.map(literal).join(', ')})`,
          );
        }
        return await c.unsafe<Record<string, string>>(
          `explain (analyze, buffers) ${statement.text}`,
          statement.parameters,
        );
      },
      // only ours: `deallocate all` would also drop the statements postgres.js prepared on this
      // connection and still thinks it has (the next run then failed, and hung)
      async () => {
        if (mode === 'generic') await c.unsafe('deallocate bench_plan');
      },
    );
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  } finally {
    c.release();
  }
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the statements a statement runs inside the functions it calls (a
 * plain EXPLAIN shows a function as one Function Scan): auto_explain with nested statements, its
 * plans sent to this client as notices, in the statement's row-level-security context, rolled back.
 * The second of two runs is shown. `url` must be a superuser's (auto_explain's settings are).
 */
export async function explainInside(url: string, context: Statement[], statement: Statement): Promise<string[]> {
  let notices: string[] = [];
  const client = postgres(url, { max: 1, onnotice: (notice) => notices.push(notice.message ?? '') });
  // parameters as the app's client sends them: drizzle passes json as text, already serialized
  for (const jsonType of [114, 3802]) client.options.serializers[jsonType] = (value: unknown) => value;
  try {
    await secondOfTwoRolledBack(client, async () => {
      notices = [];
      await client.unsafe("load 'auto_explain'");
      for (const setting of [
        'log_min_duration = 0',
        'log_nested_statements = on',
        'log_analyze = on',
        'log_buffers = on',
        "log_level = 'notice'",
      ]) {
        await client.unsafe(`set local auto_explain.${setting}`);
      }
      for (const s of context) await client.unsafe(s.text, s.parameters as never[]);
      await client.unsafe(statement.text, statement.parameters as never[]);
    });
    // the context's statements and the statement itself are logged too: keep what ran inside
    const outer = [statement, ...context].map((s) => s.text.trim());
    return notices.filter((plan) => !outer.some((text) => plan.includes(text)));
  } finally {
    await client.end();
  }
}

/** The board reads the board_requests view, which the planner expands into help_requests. */
const seqScanOnRequests = /Seq Scan on help_requests\b/;
export const readsRequests = /from "(help_requests|board_requests)"/;

/** Runs every scenario through the real route and explains what it sent. */
export async function explainBoard(
  handle: DatabaseHandle,
  board: BoardApp,
  log = console.log,
): Promise<ExplainedStatement[]> {
  const sql = sqlOf(handle);
  const [publishedId] = await publishedRequestIds(sql, 1, '13121');
  if (!publishedId) throw new Error('no published request in 13121: generate the data first');
  const inject = async (url: string) => {
    const res = await board.app.inject({ method: 'GET', url });
    return { status: res.statusCode, body: res.body };
  };
  const next = async (url: string) => {
    const res = await inject(url);
    const cursor = (JSON.parse(res.body) as { nextCursor?: string | null }).nextCursor;
    return cursor ? `${url}${url.includes('?') ? '&' : '?'}cursor=${cursor}` : null;
  };
  const search = `/api/requests?municipalities=13121&q=${encodeURIComponent('チラシ')}`;
  const filtered = `/api/requests?municipalities=13121&category=design_flyers&q=${encodeURIComponent('チラシ')}`;
  const scenarios: Scenario[] = [
    { name: 'board, newest first (first page)', url: '/api/requests' },
    { name: 'board, by deadline (first page)', url: '/api/requests?sort=deadline' },
    { name: 'board, municipality + search word (the load benchmark URL)', url: search },
    { name: 'board, municipality + category + search word', url: filtered },
    // the slowest of bench:api's mixed URLs: a word over all Tokyo, which also names a category
    { name: 'board, a word over all Tokyo, newest first', url: `/api/requests?q=photo&sort=newest` },
    { name: 'board, a word over all Tokyo, open for hands only', url: `/api/requests?q=photo&openOnly=1` },
    { name: 'board, one category by deadline', url: '/api/requests?category=it_digital&sort=deadline' },
    {
      name: 'board, a word with nine synonyms and a category in one municipality',
      url: `/api/requests?municipalities=13115&q=${encodeURIComponent('しゃしん')}`,
    },
  ];
  for (const [name, url] of [
    ['board, newest first, second keyset page', '/api/requests'],
    ['board, by deadline, second keyset page', '/api/requests?sort=deadline'],
    ['board, municipality + search word, second keyset page', search],
  ] as const) {
    const second = await next(url);
    if (second) scenarios.push({ name, url: second });
    else log(`(no second page for ${url} at this scale)`);
  }
  scenarios.push({ name: 'request page (published, anonymous)', url: `/api/requests/${publishedId}` });

  await waitForIdle(sql); // the expiry job the app runs once it is ready
  const out: ExplainedStatement[] = [];
  for (const scenario of scenarios) {
    const { result, statements } = await board.capture(() => inject(scenario.url));
    if (result.status !== 200)
      throw new Error(`${scenario.url} answered ${result.status}: ${result.body.slice(0, 300)}`);
    const { context, data } = statementsOf(statements, readsRequests);
    if (data.length === 0) throw new Error(`${scenario.url} sent no statement on help requests`);
    for (const statement of data) {
      log(`explaining: ${scenario.name}`);
      const custom = await explainOne(sql, context, statement, 'custom');
      const generic = await explainOne(sql, context, statement, 'generic');
      const touchesSearch = /search_tokens/.test(statement.text) && /@>/.test(statement.text);
      const owner = touchesSearch ? await explainOne(sql, context, statement, 'owner') : undefined;
      out.push({
        scenario: scenario.name,
        url: scenario.url,
        status: result.status,
        bytes: Buffer.byteLength(result.body),
        sql: statement.text,
        parameters: statement.parameters,
        custom,
        generic,
        ...(owner ? { owner } : {}),
        seqScan: seqScanOnRequests.test(custom) || seqScanOnRequests.test(generic),
        informational: scenario.informational ?? false,
      });
    }
  }

  // Not the board, but the one other statement that reads help_requests on its own at scale:
  // the expiry job, at start and every 5 minutes in every server process.
  const { statements } = await board.capture(() => expireOverdueRequests(board.app));
  const { context, data: expiries } = statementsOf(statements, /^\s*update "help_requests"/i);
  const expiry = expiries.find((s) => /^\s*update "help_requests"/i.test(s.text));
  if (expiry) {
    log('explaining: expiry job');
    const custom = await explainOne(sql, context, expiry, 'custom');
    const generic = await explainOne(sql, context, expiry, 'generic');
    out.push({
      scenario: 'expiry job (UPDATE, at start and every 5 minutes; rolled back here)',
      url: '(timer)',
      status: 0,
      bytes: 0,
      sql: expiry.text,
      parameters: expiry.parameters,
      custom,
      generic,
      seqScan: seqScanOnRequests.test(custom) || seqScanOnRequests.test(generic),
      informational: true,
    });
  }
  return out;
}

function executionMs(plan: string): string {
  return /Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? '?';
}

/** The indexes a plan reads, each once, in the order it names them. */
export function indexesIn(plan: string): string[] {
  const names = plan.matchAll(/(?:Index(?: Only)? Scan(?: Backward)? using|Bitmap Index Scan on) (\S+)/g);
  return [...new Set([...names].map((m) => m[1]!))];
}

function indexesUsed(plan: string): string {
  const seqScans = [...plan.matchAll(/Seq Scan on (\S+)/g)].map((m) => `SEQ SCAN ${m[1]}`);
  return [...new Set([...indexesIn(plan), ...seqScans])].join(', ');
}

export function explainReport(results: ExplainedStatement[]): string {
  const lines: string[] = [];
  lines.push('| scenario | custom plan ms | generic plan ms | indexes (custom) | seq scan on help_requests |');
  lines.push('|---|---|---|---|---|');
  for (const r of results) {
    lines.push(
      `| ${r.scenario} | ${executionMs(r.custom)} | ${executionMs(r.generic)} | ${indexesUsed(r.custom)} | ${r.seqScan ? (r.informational ? 'yes (informational)' : '**YES**') : 'no'} |`,
    );
  }
  for (const r of results) {
    lines.push('', `### ${r.scenario}`, '', `GET ${r.url} → ${r.status}, ${r.bytes} bytes`, '', '```sql', r.sql, '```');
    lines.push(`parameters: ${JSON.stringify(r.parameters)}`, '');
    lines.push('custom plan (as board_app, under row-level security):', '```', r.custom, '```');
    lines.push('generic plan (plan_cache_mode = force_generic_plan):', '```', r.generic, '```');
    if (r.owner)
      lines.push('diagnostic — the same statement as the table owner (no row-level security):', '```', r.owner, '```');
  }
  return lines.join('\n');
}

/** Seq scans that make the run fail (the board's own queries, not the informational ones). */
export function failingSeqScans(results: ExplainedStatement[]): ExplainedStatement[] {
  return results.filter((r) => r.seqScan && !r.informational);
}

// CLI
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const target = await openTarget();
  const handle = await openDatabase(target.url);
  let failed = false;
  try {
    const sql = sqlOf(handle);
    if (target.throwaway) await generate(sql, benchScale());
    else if ((await countRequests(sql)) === 0)
      throw new Error('The database has no help requests: run pnpm bench:generate first.');
    // the board's page cache off: every call must reach the database to be explained
    const board = await buildBoardApp(handle, { BOARD_CACHE_SECONDS: '0' });
    const results = await explainBoard(handle, board);
    await board.app.close();
    const report = explainReport(results);
    console.log(report);
    if (process.env.BENCH_OUT) writeFileSync(process.env.BENCH_OUT, report + '\n');
    const bad = failingSeqScans(results);
    if (bad.length > 0) {
      failed = true;
      console.error(`\nFAIL: Seq Scan on help_requests in: ${bad.map((r) => r.scenario).join('; ')}`);
    }
  } finally {
    await handle.close();
    await target.stop();
  }
  if (failed) process.exit(1);
}
