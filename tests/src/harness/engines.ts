import { createDatabase, migrateDatabase, type DatabaseHandle } from '@board/db';
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
