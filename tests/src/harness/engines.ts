import { createDatabase, migrateDatabase, type DatabaseHandle } from '@board/db';
import { afterAll, beforeAll } from 'vitest';
import { createTestDatabase } from './test-database.ts';

export interface Engine {
  name: string;
  open(): Promise<{ handle: DatabaseHandle; dispose(): Promise<void> }>;
}

/** The two engines the server runs on, for tests that must hold on both (`describe.each(bothEngines)`). */
export const bothEngines: Engine[] = [
  {
    name: 'PostgreSQL',
    async open() {
      const test = await createTestDatabase();
      return { handle: test.handle, dispose: () => test.drop() };
    },
  },
  {
    name: 'PGlite',
    async open() {
      const handle = createDatabase({ dataDir: 'memory://' });
      await migrateDatabase(handle);
      return { handle, dispose: () => handle.close() };
    },
  },
];

/**
 * One engine's database for the tests of a `describe.each(bothEngines)` block: opened before its
 * first test, disposed after its last. Read `.handle` (or its `.db`) inside hooks and tests; hooks registered
 * after this call run once the database is open.
 */
export function useEngine(
  engine: Engine,
  timeout = 60_000,
): { readonly handle: DatabaseHandle; readonly db: DatabaseHandle['db'] } {
  let opened: Awaited<ReturnType<Engine['open']>> | undefined;
  beforeAll(async () => {
    opened = await engine.open();
  }, timeout);
  afterAll(() => opened?.dispose());
  return {
    get handle() {
      if (!opened) throw new Error('useEngine(): the database opens in beforeAll; use it inside hooks and tests');
      return opened.handle;
    },
    get db() {
      return this.handle.db;
    },
  };
}
