import type { TestProject } from 'vitest/node';
import { startTestPostgres, type TestPostgres } from './postgres-server.ts';
import { prepareTemplate } from './template.ts';
import './test-database.ts';

/**
 * Vitest global setup: one PostgreSQL for the whole run and a migrated template database. Each
 * project of vitest.config.ts calls this; the first call starts the server and the others share
 * it (kept on globalThis, since each project may load this module afresh), and the last
 * teardown stops it.
 */
interface Shared {
  ready: Promise<TestPostgres>;
  users: number;
}
const key = Symbol.for('board.test-postgres');
const registry = globalThis as unknown as Record<symbol, Shared | undefined>;

export default async function setup(project: TestProject) {
  let shared = registry[key];
  if (!shared) {
    const started = Date.now();
    const ready = startTestPostgres().then(async (pg) => {
      await prepareTemplate(pg.adminUrl);
      console.log(`[test-db] PostgreSQL from ${pg.source}, template ready in ${Date.now() - started} ms`);
      return pg;
    });
    shared = registry[key] = { ready, users: 0 };
  }
  shared.users += 1;
  const pg = await shared.ready;
  project.provide('pgAdminUrl', pg.adminUrl);
  return async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    registry[key] = undefined;
    await pg.stop();
  };
}
