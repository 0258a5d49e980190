import { defineConfig } from 'vitest/config';
import { BrowserFilesFirst } from './tests/src/harness/sequencer.ts';

/**
 * Two projects over one PostgreSQL (tests/src/harness/global-setup.ts):
 * - `api`: unit, database and API tests. They share no module state that matters (each file
 *   starts its own app over its own database), so a worker runs file after file in one module
 *   graph: the app's modules and the furigana dictionary load once per worker, not per file.
 * - `browser`: Chromium over the built app. Also one module graph per worker: the app's modules
 *   and the SvelteKit page server load once (about 3 s a file when isolated), and one Chromium
 *   serves every file of the worker, with its kept contexts (tests/e2e/kit/boot.ts). The page
 *   server reads the API's address from each request's socket and its secret from the
 *   environment per request, so the next file's app on another port needs nothing reloaded.
 */
export default defineConfig({
  test: {
    exclude: ['**/node_modules/**', 'web/.svelte-kit/**', 'web/build/**'],
    globalSetup: ['tests/src/harness/global-setup.ts'],
    pool: 'forks',
    sequence: { sequencer: BrowserFilesFirst },
    // files at a time, on CI's two cores: with Chromium's headless shell two workers ran the suite
    // in 877 s against 953 s with three (clean clone, December 2026); TEST_WORKERS overrides
    maxWorkers: Number(process.env.TEST_WORKERS ?? 2),
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'api',
          include: ['{shared,db,server,web,scripts}/{src,test}/**/*.test.ts', 'tests/{src,api}/**/*.test.ts'],
          isolate: false,
        },
      },
      { extends: true, test: { name: 'browser', include: ['tests/e2e/**/*.test.ts'], isolate: false } },
    ],
  },
});
