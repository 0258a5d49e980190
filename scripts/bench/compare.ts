import autocannon from 'autocannon';

export interface LoadResult {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

export interface LoadOptions {
  connections: number;
  seconds: number;
  /** run the client in this many worker threads (0: in the calling thread, as `pnpm bench` does) */
  workers?: number;
  /** paths each connection requests in turn (instead of the URL's own path) */
  paths?: string[];
}

/** autocannon's settings for every measured route (BENCH_SECONDS, BENCH_CONNECTIONS, BENCH_WORKERS) */
export const loadSettings = {
  seconds: Number(process.env.BENCH_SECONDS ?? 10),
  connections: Number(process.env.BENCH_CONNECTIONS ?? 32),
  /** autocannon's worker threads (0 = client in the server's thread, as `pnpm bench`) */
  workers: Number(process.env.BENCH_WORKERS ?? 1),
};

/** Drives one URL with autocannon (bounded in time, loopback only) and keeps the figures we report. */
export async function load(name: string, url: string, options: LoadOptions): Promise<LoadResult> {
  if (!/^http:\/\/127\.0\.0\.1[:/]/.test(url)) throw new Error(`load only against 127.0.0.1, not ${url}`);
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    ...(options.workers ? { workers: options.workers } : {}),
    ...(options.paths ? { requests: options.paths.map((path) => ({ method: 'GET' as const, path })) } : {}),
  });
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

export function table(results: LoadResult[], baseline: LoadResult): string {
  const rows = results.map(
    (r) =>
      `| ${r.name} | ${r.requestsPerSecond} | ${((100 * r.requestsPerSecond) / baseline.requestsPerSecond).toFixed(0)}% | ${r.p50} | ${r.p99} | ${r.errors + r.non2xx} |`,
  );
  return ['| route | req/s | of bare | p50 ms | p99 ms | errors |', '|---|---|---|---|---|---|', ...rows].join('\n');
}
