import autocannon from 'autocannon';

export interface LoadResult {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** Drives one URL with autocannon (bounded in time, loopback only) and keeps the figures we report. */
export async function load(
  name: string,
  url: string,
  options: { connections: number; seconds: number },
): Promise<LoadResult> {
  const result = await autocannon({ url, connections: options.connections, duration: options.seconds });
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
