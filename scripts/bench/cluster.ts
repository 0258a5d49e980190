import { readdirSync, readFileSync } from 'node:fs';
import { startCluster, type RunningCluster } from '../deploy/cluster.ts';
import { load, loadSettings, type LoadResult } from './compare.ts';
import { benchReport, loadAverage, saveReport } from './report.ts';

/**
 * `pnpm bench:cluster` (issue 14): the board as 1 and as 2 instances behind nginx, PgBouncer in
 * front of PostgreSQL, all on this machine (scripts/deploy/cluster.ts), demo data. Per route:
 * req/s, latency, and where the CPU went during the run (instances, nginx, PgBouncer, PostgreSQL,
 * the load generator), which says what saturates.
 * BENCH_SECONDS (10) per route after a 3 s warm-up, BENCH_CONNECTIONS (32), BENCH_WORKERS (1),
 * BENCH_OUT=file writes the report there too.
 */
const { seconds, connections, workers } = loadSettings;
const ticks = 100; // USER_HZ

/** CPU seconds (user + system) of a process and its children that already exited… of these processes. */
function cpuOf(pids: number[]): number {
  let total = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      total += (Number(fields[11]) + Number(fields[12])) / ticks;
    } catch {
      /* gone */
    }
  }
  return total;
}

/** The processes whose parent is `pid` (nginx's workers, the postmaster's backends). */
function childrenOf(pid: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
      if (ppid === pid) found.push(Number(entry));
    } catch {
      /* gone */
    }
  }
  return found;
}

function parts(cluster: RunningCluster): Record<string, () => number[]> {
  const { pids } = cluster;
  return {
    instances: () => pids.instances,
    nginx: () => [pids.nginx, ...childrenOf(pids.nginx)],
    pgbouncer: () => [pids.pgbouncer],
    postgres: () => [pids.postmaster, ...childrenOf(pids.postmaster)],
    'load generator': () => [process.pid],
  };
}

interface Measured extends LoadResult {
  cpu: Record<string, number>;
}

async function measure(cluster: RunningCluster, name: string, paths: string[]): Promise<Measured> {
  const options = { connections, workers, paths };
  await load(name, cluster.url, { ...options, seconds: 3 });
  const who = parts(cluster);
  // backends come and go with PgBouncer's pool: sum those alive at the end, from the same start
  const before = Object.fromEntries(Object.entries(who).map(([k, pids]) => [k, cpuOf(pids())]));
  const started = process.hrtime.bigint();
  const result = await load(name, cluster.url, { ...options, seconds });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = Object.fromEntries(
    Object.entries(who).map(([k, pids]) => [k, Math.max(0, (cpuOf(pids()) - before[k]!) / wall)]),
  );
  return { ...result, cpu };
}

async function run(instances: number): Promise<Measured[]> {
  const cluster = await startCluster({ instances, port: 0, env: { DEMO_HISTORY: '0', LOG_LEVEL: 'warn' } });
  try {
    const board = (await (await fetch(`${cluster.url}/api/requests?limit=50`)).json()) as { items: { id: string }[] };
    const ids = board.items.map((i) => i.id);
    const words = ['', '&q=%E8%8D%89', '&category=other', '&sort=deadline'];
    const codes = ['13121', '13104', '13101', '13113'];
    return [
      await measure(cluster, 'health (nginx → Node, no database)', ['/api/health']),
      await measure(cluster, 'board listing, cached (BOARD_CACHE_SECONDS 2)', ['/api/requests?municipalities=13121']),
      await measure(
        cluster,
        'board listings, 16 URLs (filters, words)',
        codes.flatMap((c) => words.map((w) => `/api/requests?municipalities=${c}${w}`)),
      ),
      await measure(
        cluster,
        `request page API, over ${ids.length} requests (database every time)`,
        ids.map((id) => `/api/requests/${id}`),
      ),
      await measure(cluster, 'server-rendered /requests page', ['/requests']),
    ];
  } finally {
    await cluster.stop();
  }
}

const { report, say } = benchReport();
say(`load average before: ${loadAverage()}`);
say(`autocannon: ${connections} connections, ${seconds} s per route after 3 s warm-up, ${workers} worker thread(s)`);
const results = new Map<number, Measured[]>();
for (const n of [1, 2]) results.set(n, await run(n));
say(`load average after: ${loadAverage()}`);
say();
const one = results.get(1)!;
const two = results.get(2)!;
say('| route | 1 instance req/s | p99 ms | 2 instances req/s | p99 ms | 2 ÷ 1 | errors |');
say('|---|--:|--:|--:|--:|--:|--:|');
for (const [i, r1] of one.entries()) {
  const r2 = two[i]!;
  say(
    `| ${r1.name} | ${r1.requestsPerSecond} | ${r1.p99} | ${r2.requestsPerSecond} | ${r2.p99} | ${(r2.requestsPerSecond / Math.max(1, r1.requestsPerSecond)).toFixed(2)} | ${r1.errors + r1.non2xx + r2.errors + r2.non2xx} |`,
  );
}
say();
say('CPU during each run, in cores (the machine has 2):');
say();
const names = Object.keys(one[0]!.cpu);
// CPU per request says where a busy machine saturates whatever else runs on it: 2 cores ÷ (ms per request)
say(
  `| route | instances | ${names.join(' | ')} | server-side CPU ms per request | of it PostgreSQL |`.replace(
    '| instances | instances',
    '| instances | Node instances',
  ),
);
say(`|---|--:|${names.map(() => '--:').join('|')}|--:|--:|`);
for (const [n, rows] of results)
  for (const r of rows) {
    const server = names.filter((k) => k !== 'load generator').reduce((sum, k) => sum + r.cpu[k]!, 0);
    const perRequest = (1000 * server) / Math.max(1, r.requestsPerSecond);
    const database = server > 0 ? r.cpu.postgres! / server : 0;
    say(
      `| ${r.name} | ${n} | ${names.map((k) => r.cpu[k]!.toFixed(2)).join(' | ')} | ${perRequest.toFixed(2)} | ${(100 * database).toFixed(0)}% |`,
    );
  }
saveReport(report);
