import { cpus, totalmem } from 'node:os';
import { getRequest, listRequests } from '@board/server/modules/help-requests/board';
import { systemContext } from '@board/server/services/context';
import {
  buildBoardApp,
  listenOnLoopback,
  listingPath,
  publishedRequestIds,
  statementsOf,
  timeEach,
  waitForIdle,
  waitForQuiet,
  type BoardApp,
} from './board-app.ts';
import { load, loadSettings, type LoadResult } from './compare.ts';
import { explainBoard, explainReport, failingSeqScans, readsRequests } from './explain.ts';
import { describeData } from './generate.ts';
import { loadAverage, saveReport } from './report.ts';
import { startBenchRun } from './run.ts';
import type { SqlClient } from './target.ts';

/**
 * `pnpm bench:board`: the board under load at Tokyo scale, in one run on this machine.
 *   the listing: a municipality filter + a search word (/api/requests?municipalities=13121&q=チラシ)
 *   the request page: /api/requests/:id of published requests (each connection cycles through 200)
 *   bare routes in the same app and process returning fixed JSON of the same sizes
 * autocannon, 32 connections, BENCH_SECONDS (10) per route after a 3 s warm-up, loopback only.
 * Aim (issue 4): listing ≥ 25% of the bare route's req/s, p99 ≤ 100 ms.
 * Also: EXPLAIN summary of the board's statements, and a sequential per-request cost breakdown
 * (HTTP layer vs service vs SQL under row-level security vs SQL alone) to say where time goes.
 * DATABASE_URL: a generated database; without it a throwaway cluster is generated at SCALE first.
 * BENCH_WORKERS (1): autocannon's worker threads (0 = client in the server's thread, as `pnpm bench`).
 * BENCH_OUT=file writes the report there too.
 */

const { seconds, connections, workers } = loadSettings;
const aim = { share: 0.25, p99: 100 };

type BoardQueryInput = Parameters<typeof listRequests>[1];

/**
 * Sequential cost of one request, layer by layer (ms per request, no concurrency): the HTTP
 * layer (routing, validation, zod serialisation), the service (transaction, SQL, drizzle's row
 * mapping, the view), the same SQL replayed in the same transaction shape, and the data
 * statement alone as the table owner (no row-level security).
 */
async function breakdown(
  board: BoardApp,
  sql: SqlClient,
  subject: { url: string; bare: string; service: () => Promise<unknown> },
): Promise<Record<string, number>> {
  const n = Number(process.env.BENCH_BREAKDOWN_N ?? 200);
  const { statements } = await board.capture(() => board.app.inject({ method: 'GET', url: subject.url }));
  const { context, data: sent } = statementsOf(statements, readsRequests);
  const data = sent[0]!;
  const c = await sql.reserve();
  try {
    return {
      'HTTP: the bare route of the same size (app.inject)': await timeEach(n, () =>
        board.app.inject({ method: 'GET', url: subject.bare }),
      ),
      'HTTP: the route (app.inject): everything': await timeEach(n, () =>
        board.app.inject({ method: 'GET', url: subject.url }),
      ),
      'service function: transaction + SQL + row mapping + view': await timeEach(n, subject.service),
      'SQL replayed: begin, set role, set_config, the query, commit': await timeEach(n, async () => {
        await c.unsafe('begin');
        for (const s of context) await c.unsafe(s.text, s.parameters);
        await c.unsafe(data.text, data.parameters);
        await c.unsafe('commit');
      }),
      'SQL: the query alone, as table owner (no row-level security)': await timeEach(n, () =>
        c.unsafe(data.text, data.parameters),
      ),
    };
  } finally {
    c.release();
  }
}

const { target, handle, sql, report, say } = await startBenchRun();
try {
  const data = await describeData(sql);
  const [pg] = await sql.unsafe<{ version: string }>('select version()');

  // `board`: the board's page cache off, so every request reaches the database (EXPLAIN, the
  // breakdown and the uncached load runs need that); `cached`: as configured (BOARD_CACHE_SECONDS, default 2)
  const board = await buildBoardApp(handle, { BOARD_CACHE_SECONDS: '0' });
  const cached = await buildBoardApp(handle);
  const cacheSeconds = cached.app.config.boardCacheSeconds;
  const ids = await publishedRequestIds(sql, 200);
  const listing = await board.app.inject({ method: 'GET', url: listingPath });
  const detail = await board.app.inject({ method: 'GET', url: `/api/requests/${ids[0]}` });
  if (listing.statusCode !== 200 || detail.statusCode !== 200)
    throw new Error(`listing ${listing.statusCode}, detail ${detail.statusCode}: ${listing.body.slice(0, 200)}`);
  for (const b of [board, cached]) {
    b.setBare('listing', listing.body);
    b.setBare('detail', detail.body);
  }
  const items = (JSON.parse(listing.body) as { items: unknown[] }).items.length;

  say(`# pnpm bench:board — ${new Date().toISOString()}`);
  say();
  say(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}`,
  );
  say(
    `database: ${pg?.version.split(',')[0]}; ${target.throwaway ? 'throwaway local cluster' : 'DATABASE_URL'}; pool 10 connections (the server's default)`,
  );
  say(`data: ${JSON.stringify(data.statuses)}; sizes ${JSON.stringify(data.sizes)}`);
  say(
    `load: autocannon, ${connections} connections, ${seconds} s per route after 3 s warm-up, ${workers ? `${workers} worker thread(s)` : 'client in the server thread'}`,
  );
  say(`listing: GET ${decodeURIComponent(listingPath)} → ${items} items, ${Buffer.byteLength(listing.body)} bytes`);
  say(
    `request page: GET /api/requests/:id over ${ids.length} published requests → ${Buffer.byteLength(detail.body)} bytes (first)`,
  );
  say();

  // EXPLAIN summary of what the routes send
  const explained = await explainBoard(handle, board, () => {});
  const explainText = explainReport(explained);
  say(explainText.split('\n### ')[0]!);
  const bad = failingSeqScans(explained);
  if (bad.length) say(`\n**WARNING: Seq Scan on help_requests in: ${bad.map((r) => r.scenario).join('; ')}**`);
  say();

  const loadBefore = await waitForQuiet();
  await waitForIdle(sql);
  const uncachedBase = await listenOnLoopback(board);
  const cachedBase = await listenOnLoopback(cached);
  const detailPaths = ids.map((id) => `/api/requests/${id}`);
  interface Route {
    name: string;
    base: string;
    path: string;
    paths?: string[];
    /** index of the bare route it is compared with */
    bare?: number;
  }
  const cacheNote = cacheSeconds > 0 ? `board page cache ${cacheSeconds} s` : 'board page cache off';
  const routes: Route[] = [
    { name: 'bare route, fixed JSON of the listing size', base: cachedBase, path: '/bench/bare/listing' },
    {
      name: `listing ${decodeURIComponent(listingPath)} (as configured: ${cacheNote})`,
      base: cachedBase,
      path: listingPath,
      bare: 0,
    },
    {
      name: 'the same listing, every request from the database (cache off)',
      base: uncachedBase,
      path: listingPath,
      bare: 0,
    },
    { name: 'bare route, fixed JSON of the request-page size', base: cachedBase, path: '/bench/bare/detail' },
    {
      name: 'request page /api/requests/:id (200 published; never cached)',
      base: cachedBase,
      path: detailPaths[0]!,
      paths: detailPaths,
      bare: 3,
    },
    {
      name: 'board, first page, newest (/api/requests), every request from the database',
      base: uncachedBase,
      path: '/api/requests',
      bare: 0,
    },
  ];

  const results: LoadResult[] = [];
  const costs: Record<string, Record<string, number>> = {};
  for (const route of routes) {
    const options = { connections, workers, ...(route.paths ? { paths: route.paths } : {}) };
    await load(`${route.name} (warm-up)`, `${route.base}${route.path}`, { ...options, seconds: 3 });
    const r = await load(route.name, `${route.base}${route.path}`, { ...options, seconds });
    console.log(
      `  ${r.name}: ${r.requestsPerSecond} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors + r.non2xx}`,
    );
    results.push(r);
  }
  const loadAfter = loadAverage();

  // where one request spends its time (sequential, no concurrency)
  await waitForIdle(sql);
  // a visitor's context, as a request without a session gets
  const visitor = systemContext(board.app);
  const query = { municipalities: ['13121'], q: 'チラシ', sort: 'newest', limit: 20 } as BoardQueryInput;
  costs.listing = await breakdown(board, sql, {
    url: listingPath,
    bare: '/bench/bare/listing',
    service: () => listRequests(visitor, query),
  });
  costs.page = await breakdown(board, sql, {
    url: detailPaths[0]!,
    bare: '/bench/bare/detail',
    service: () => getRequest(visitor, ids[0]!),
  });
  await board.app.close();
  await cached.app.close();

  const row = (r: LoadResult, bare: LoadResult | undefined) =>
    `| ${r.name} | ${r.requestsPerSecond} | ${bare ? `${((100 * r.requestsPerSecond) / bare.requestsPerSecond).toFixed(1)}%` : '—'} | ${r.p50} | ${r.p99} | ${r.errors + r.non2xx} |`;
  say('| route | req/s | of its bare route | p50 ms | p99 ms | errors + non-2xx |');
  say('|---|---|---|---|---|---|');
  routes.forEach((route, i) => say(row(results[i]!, route.bare === undefined ? undefined : results[route.bare])));
  const [bareListing, listed, uncachedListing] = results as [LoadResult, LoadResult, LoadResult];
  const share = listed.requestsPerSecond / bareListing.requestsPerSecond;
  const met = share >= aim.share && listed.p99 <= aim.p99;
  const uncachedShare = uncachedListing.requestsPerSecond / bareListing.requestsPerSecond;
  say();
  say(`machine load average (1, 5, 15 min) before the load runs: ${loadBefore}; after: ${loadAfter}`);
  say();
  say(
    `aim (listing ≥ ${aim.share * 100}% of bare, p99 ≤ ${aim.p99} ms): ${met ? 'MET' : 'MISSED'} — ` +
      `${(share * 100).toFixed(1)}% of bare, p99 ${listed.p99} ms (${cacheNote}); ` +
      `every request from the database: ${(uncachedShare * 100).toFixed(1)}% of bare, p99 ${uncachedListing.p99} ms`,
  );
  say();
  say('| one request, sequentially (ms) | listing | request page |');
  say('|---|---|---|');
  for (const name of Object.keys(costs.listing ?? {}))
    say(`| ${name} | ${costs.listing?.[name]?.toFixed(2)} | ${costs.page?.[name]?.toFixed(2)} |`);
  saveReport(report, '', explainText);
} finally {
  await handle.close();
  await target.stop();
}
