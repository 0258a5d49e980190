import { createDatabase, migrateDatabase, type DatabaseHandle } from '@board/db';
import { seedMunicipalities } from '@board/db/seed/seed';
import { startLocalCluster, type LocalCluster } from '../../tests/src/harness/local-postgres.ts';

/**
 * The database the benchmarks run against: DATABASE_URL when given, else a throwaway local
 * cluster (initdb/pg_ctl, as the test harness makes them) kept for the whole run and removed at
 * the end, also on Ctrl-C.
 */

/** The slice of postgres.js the bench scripts use through the app's client. */
export interface SqlClient {
  /** postgres.js reads `debug` from here at every query: the bench scripts use it to capture the SQL the API sends */
  options: { debug?: ((connection: number, query: string, parameters: unknown[], types: number[]) => void) | false };
  unsafe<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
  reserve(): Promise<ReservedClient>;
  begin<T>(work: (tx: SqlClient) => Promise<T>): Promise<T>;
}
export interface ReservedClient {
  unsafe<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
  release(): void;
}

/** postgres.js under the drizzle handle (drizzle keeps the client it was built on as `$client`). */
export function sqlOf(handle: DatabaseHandle): SqlClient {
  if (handle.engine !== 'postgres') throw new Error('The benchmarks need a real PostgreSQL server.');
  return (handle.db as unknown as { $client: SqlClient }).$client;
}

export interface BenchTarget {
  url: string;
  /** true when this process started the cluster (and will remove it) */
  throwaway: boolean;
  stop(): Promise<void>;
}

let cluster: LocalCluster | null = null;

async function stopCluster(): Promise<void> {
  const c = cluster;
  cluster = null;
  if (c) await c.stop();
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping`);
    void stopCluster().finally(() => process.exit(130));
  });
}

export async function openTarget(): Promise<BenchTarget> {
  const url = process.env.DATABASE_URL;
  if (url) return { url, throwaway: false, stop: async () => {} };
  const started = Date.now();
  cluster = await startLocalCluster();
  console.log(`throwaway PostgreSQL cluster at ${cluster.url} (${Date.now() - started} ms)`);
  return { url: cluster.url, throwaway: true, stop: stopCluster };
}

/** Migrated, with the 62 municipalities. 10 connections: the pool the server makes for itself (db/src/client.ts). */
export async function openDatabase(url: string, maxConnections = 10): Promise<DatabaseHandle> {
  const handle = createDatabase({ url, maxConnections });
  await migrateDatabase(handle);
  await seedMunicipalities(handle.db);
  return handle;
}

/** SCALE=0.01 for development (10,000 requests); 1 is Tokyo scale. */
export function benchScale(): number {
  const scale = Number(process.env.SCALE ?? 1);
  if (!(scale > 0 && scale <= 1)) throw new Error(`SCALE must be in (0, 1], got ${process.env.SCALE}`);
  return scale;
}
