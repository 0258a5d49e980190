import { cpus, totalmem } from 'node:os';
import { createDatabase, openAppDatabase } from '@board/db';
import { getRequest } from '@board/server/modules/help-requests/board';
import { systemContext } from '@board/server/services/context';
import { boardSorts, categoryKeys, HelpRequestDetail } from '@board/shared';
import * as bench from './board-app.ts';
import { load, loadSettings, type LoadResult } from './compare.ts';
import { loadAverage, saveReport } from './report.ts';
import { startBenchRun } from './run.ts';
import type { SqlClient } from './target.ts';

/**
 * `pnpm bench:api`: the API's database paths against bare Fastify routes, side by side (issue 14).
 *   request page  GET /api/requests/:id over 200 published requests (a visitor)
 *   listing       GET /api/requests?municipalities=13121&q=チラシ, every request from the database
 *   mixed         many filters, words, sorts and second pages, cycled by every connection
 * Each real route is compared with a bare route of the same app returning fixed JSON of its size.
 * The app serves on the `board_app` login, as `pnpm start` does (row-level security applies).
 * Also: the statements one request sends (round trips) and a sequential per-request cost.
 * Targets (issue 14): request page ≥ 30% of bare, p99 ≤ 30 ms; listing ≥ 15% of bare, p99 ≤ 60 ms.
 * Same variables as `pnpm bench:board` (DATABASE_URL, SCALE, BENCH_SECONDS, BENCH_CONNECTIONS,
 * BENCH_WORKERS, BENCH_WAIT_QUIET, BENCH_OUT).
 */

const { seconds, connections, workers } = loadSettings;
const { listingPath, timeEach } = bench;
const targets = { page: { share: 0.3, p99: 30 }, listing: { share: 0.15, p99: 60 } };
const words = [
  'チラシ',
  '写真',
  '防災',
  'スマホ',
  '翻訳',
  '夏祭り',
  'LINE',
  '回覧板',
  'photo',
  'flyer',
  'しゃしん',
  '子ども',
];

/** Board URLs as real traffic spreads them: municipalities, words, categories, sorts, and second pages. */
async function mixedPaths(board: bench.BoardApp, sql: SqlClient): Promise<string[]> {
  const active = await sql.unsafe<{ code: string }>(
    `select code from municipalities where status = 'active' order by code`,
  );
  const firstPages: string[] = ['/api/requests'];
  active.forEach(({ code }, i) => {
    firstPages.push(`/api/requests?municipalities=${code}`);
    firstPages.push(`/api/requests?municipalities=${code}&q=${encodeURIComponent(words[i % words.length]!)}`);
    firstPages.push(`/api/requests?municipalities=${code}&category=${categoryKeys[i % categoryKeys.length]}`);
  });
  words.forEach((w, i) => {
    firstPages.push(`/api/requests?q=${encodeURIComponent(w)}&sort=${boardSorts[i % boardSorts.length]}`);
    firstPages.push(`/api/requests?q=${encodeURIComponent(w)}&openOnly=1`);
  });
  categoryKeys.forEach((c) => firstPages.push(`/api/requests?category=${c}&sort=${boardSorts[1 % boardSorts.length]}`));
  const paths = [...firstPages];
  // second pages of every fourth URL, by the cursor the first page gave
  for (const path of firstPages.filter((_, i) => i % 4 === 0)) {
    const res = await board.app.inject({ method: 'GET', url: path });
    if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    const { nextCursor } = JSON.parse(res.body) as { nextCursor: string | null };
    if (nextCursor) paths.push(`${path}${path.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(nextCursor)}`);
  }
  return paths;
}

const sumOf = (rows: [number, string][]) => rows.reduce((sum, [ms]) => sum + ms, 0);

const { target, handle: owner, sql, report, say } = await startBenchRun();
// the app's own login (board_app), as the server opens it: a second pool, owner stays for the bench's reads
const appHandle = await openAppDatabase(createDatabase({ url: target.url }), { ownerUrl: target.url });
try {
  const [pg] = await sql.unsafe<{ version: string }>('select version()');
  const board = await bench.buildBoardApp(appHandle, { BOARD_CACHE_SECONDS: '0' });
  const ids = await bench.publishedRequestIds(sql, 200);
  const listing = await board.app.inject({ method: 'GET', url: listingPath });
  const detail = await board.app.inject({ method: 'GET', url: `/api/requests/${ids[0]}` });
  if (listing.statusCode !== 200 || detail.statusCode !== 200)
    throw new Error(`listing ${listing.statusCode}, detail ${detail.statusCode}: ${listing.body.slice(0, 200)}`);
  board.setBare('listing', listing.body);
  board.setBare('detail', detail.body);
  const mixed = await mixedPaths(board, sql);
  const detailPaths = ids.map((id) => `/api/requests/${id}`);

  say(`# pnpm bench:api — ${new Date().toISOString()}`);
  say();
  say(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}`,
  );
  say(`database: ${pg?.version.split(',')[0]}; served on the board_app login, pool 10; board page cache off`);
  const [{ n: requests } = { n: 0 }] = await sql.unsafe<{ n: number }>('select count(*)::int as n from help_requests');
  say(`data: ${requests} help requests`);
  say(
    `load: autocannon, ${connections} connections, ${seconds} s per route after 3 s warm-up, ${workers} worker thread(s)`,
  );
  say(`mixed: ${mixed.length} board URLs (${mixed.filter((p) => p.includes('cursor=')).length} second pages)`);
  say();

  // what one request sends: statements, and round trips (a statement sent while others wait in the pipeline is not one)
  const sent = async (url: string) => (await board.capture(() => board.app.inject({ method: 'GET', url }))).statements;
  for (const [name, url] of [
    ['request page', detailPaths[0]!],
    ['listing', listingPath],
  ] as const) {
    const statements = await sent(url);
    say(
      `${name}: ${statements.length} statements — ${statements.map((s) => s.text.replace(/\s+/g, ' ').slice(0, 60)).join(' | ')}`,
    );
  }
  say();

  const loadBefore = await bench.waitForQuiet();
  await bench.waitForIdle(sql);
  const base = await bench.listenOnLoopback(board);

  interface Route {
    name: string;
    paths: string[];
    /** index of the bare route it is compared with */
    bare?: number;
  }
  const routes: Route[] = [
    {
      name: `bare route, fixed JSON of the request-page size (${detail.body.length} bytes)`,
      paths: ['/bench/bare/detail'],
    },
    { name: 'request page /api/requests/:id (200 published, a visitor)', paths: detailPaths, bare: 0 },
    {
      name: `bare route, fixed JSON of the listing size (${listing.body.length} bytes)`,
      paths: ['/bench/bare/listing'],
    },
    { name: `listing ${decodeURIComponent(listingPath)}, from the database`, paths: [listingPath], bare: 2 },
    { name: `mixed board URLs (${mixed.length}), from the database`, paths: mixed, bare: 2 },
  ];
  const results: LoadResult[] = [];
  for (const route of routes) {
    const options = { connections, workers, ...(route.paths.length > 1 ? { paths: route.paths } : {}) };
    await load(`${route.name} (warm-up)`, `${base}${route.paths[0]}`, { ...options, seconds: 3 });
    const r = await load(route.name, `${base}${route.paths[0]}`, { ...options, seconds });
    console.log(
      `  ${r.name}: ${r.requestsPerSecond} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors + r.non2xx}`,
    );
    results.push(r);
  }
  const loadAfter = loadAverage();

  say('| route | req/s | of its bare route | p50 ms | p99 ms | errors + non-2xx |');
  say('|---|--:|--:|--:|--:|--:|');
  const shareOf = (i: number) => results[i]!.requestsPerSecond / results[routes[i]!.bare!]!.requestsPerSecond;
  routes.forEach((route, i) => {
    const r = results[i]!;
    const share = route.bare === undefined ? '—' : `${(100 * shareOf(i)).toFixed(1)}%`;
    say(`| ${r.name} | ${r.requestsPerSecond} | ${share} | ${r.p50} | ${r.p99} | ${r.errors + r.non2xx} |`);
  });
  say();
  say(`machine load average (1, 5, 15 min) before the load runs: ${loadBefore}; after: ${loadAfter}`);
  say();
  const verdict = (name: string, i: number, aim: { share: number; p99: number }) =>
    `${name} (≥ ${aim.share * 100}% of bare, p99 ≤ ${aim.p99} ms): ` +
    `${shareOf(i) >= aim.share && results[i]!.p99 <= aim.p99 ? 'MET' : 'MISSED'} — ${(100 * shareOf(i)).toFixed(1)}%, p99 ${results[i]!.p99} ms`;
  say(verdict('request page', 1, targets.page));
  say();
  say(verdict('listing', 3, targets.listing));
  say();

  // one request at a time (ms): HTTP layer vs the real route
  await bench.waitForIdle(sql);
  const inject = (url: string) => () => board.app.inject({ method: 'GET', url });
  say('| one request, sequentially (ms, app.inject) | bare | real route |');
  say('|---|--:|--:|');
  say(
    `| request page | ${(await timeEach(300, inject('/bench/bare/detail'), 2)).toFixed(2)} | ${(await timeEach(300, inject(detailPaths[0]!), 2)).toFixed(2)} |`,
  );
  say(
    `| listing | ${(await timeEach(300, inject('/bench/bare/listing'), 2)).toFixed(2)} | ${(await timeEach(300, inject(listingPath), 2)).toFixed(2)} |`,
  );
  // the mixed URLs one at a time: a slow one hides in the load run's p99, here it has a name
  const each: [number, string][] = [];
  for (const url of mixed) each.push([await timeEach(5, inject(url), 0), url]);
  each.sort((x, y) => y[0] - x[0]);
  say();
  say(
    `| the slowest mixed URLs, one at a time (ms, app.inject, mean of 3 after 3; all ${mixed.length} together: ${sumOf(each).toFixed(0)} ms) | ms |`,
  );
  say('|---|--:|');
  for (const [ms, url] of each.slice(0, 10))
    say(`| ${decodeURIComponent(url).replace(/&cursor=.*/, '&cursor=…')} | ${ms.toFixed(1)} |`);
  say();
  // serialisation of the request page's answer: the zod type provider encodes with the response schema, then JSON.stringify
  const answer = await getRequest(systemContext(board.app), ids[0]!);
  const stringify = await timeEach(20000, () => JSON.stringify(answer), 2);
  const encode = await timeEach(20000, () => JSON.stringify(HelpRequestDetail.encode(answer)), 2);
  say(
    `| request page: serialise the answer (JSON.stringify alone → zod encode + JSON.stringify) | ${stringify.toFixed(3)} | ${encode.toFixed(3)} |`,
  );
  await board.app.close();
  saveReport(report);
} finally {
  await appHandle.close();
  await owner.close();
  await target.stop();
}
