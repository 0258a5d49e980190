import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { preparingClient } from './prepared.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** The drizzle handle every repository takes; the same type over postgres.js and PGlite. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export interface DatabaseOptions {
  /** postgres:// URL. When absent, an embedded PGlite database is used. */
  url?: string | undefined;
  /** PGlite data folder; `memory://` for a throwaway in-memory database. */
  dataDir?: string | undefined;
  /** postgres.js pool size */
  maxConnections?: number | undefined;
  /** named prepared statements (default on; off behind PgBouncer < 1.21 in transaction mode): prepared.ts */
  prepare?: boolean | undefined;
  /**
   * The same login straight to PostgreSQL, when `url` goes through a transaction pooler
   * (PgBouncer): what needs a session of its own (LISTEN, the job queue) uses this one.
   */
  directUrl?: string | undefined;
}

/** Called with each notification's payload; `onListen` after every (re)connect, when notifications may have been missed. */
export interface Listening {
  onNotify(payload: string): void;
  onListen?(): void;
}

export interface DatabaseHandle {
  db: Database;
  engine: 'postgres' | 'pglite';
  /**
   * How the job queue (pg-boss, db/src/job-queue.ts) reaches this same database: a PostgreSQL
   * URL it opens its own small pool on (same login), or PGlite's one in-process connection.
   */
  queueConnection: { url: string } | { pglite: PGlite };
  /** cheap round trip used by readiness checks */
  ping(): Promise<void>;
  /** LISTEN on `channel` (on the direct connection; reconnects by itself); resolves with the unlisten. */
  listen(channel: string, listening: Listening): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** One factory for both engines: a real PostgreSQL server when a URL is given, else PGlite. */
export function createDatabase(options: DatabaseOptions): DatabaseHandle {
  if (options.url) {
    const client = postgres(options.url, {
      max: options.maxConnections ?? 10,
      onnotice: () => {},
      connection: { application_name: 'machi-udekiki' },
    });
    const queries = options.prepare === false ? client : preparingClient(client);
    // LISTEN needs a session: never through a transaction pooler
    const session = options.directUrl
      ? postgres(options.directUrl, {
          max: 1,
          onnotice: () => {},
          connection: { application_name: 'machi-udekiki-listen' },
        })
      : client;
    return {
      db: drizzlePostgres(queries, { schema, casing: 'snake_case' }) as unknown as Database,
      engine: 'postgres',
      queueConnection: { url: options.directUrl ?? options.url },
      ping: async () => {
        await client`select 1`;
      },
      listen: async (channel, { onNotify, onListen }) => {
        const { unlisten } = await session.listen(channel, onNotify, onListen);
        return unlisten;
      },
      close: async () => {
        if (session !== client) await session.end({ timeout: 5 });
        await client.end({ timeout: 5 });
      },
    };
  }
  const dataDir = options.dataDir ?? '.data/pglite';
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = new PGlite(dataDir);
  return {
    db: drizzlePglite(client, { schema, casing: 'snake_case' }) as unknown as Database,
    engine: 'pglite',
    queueConnection: { pglite: client },
    ping: async () => {
      await client.query('select 1');
    },
    listen: async (channel, { onNotify, onListen }) => {
      const unlisten = await client.listen(channel, onNotify);
      onListen?.();
      return unlisten;
    },
    close: () => client.close(),
  };
}

/** The rows of a raw `db.execute(sql…)`: postgres.js answers with the rows, PGlite with `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}
