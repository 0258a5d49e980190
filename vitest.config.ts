import { defineConfig } from 'vitest/config';

/**
 * Two projects over one PostgreSQL (tests/src/harness/global-setup.ts):
 * - `api`: unit, database and API tests. They share no module state that matters (each file
 *   starts its own app over its own database), so a worker runs file after file in one module
 *   graph: the app's modules and the furigana dictionary load once per worker, not per file.
 * - `browser`: Chromium over the built app. Kept isolated: the SvelteKit page server reads its
 *   settings (the API's address, the page server's secret) once, when it is first imported.
 */
export default defineConfig({
  test: {
    exclude: ['**/node_modules/**', 'web/.svelte-kit/**', 'web/build/**'],
    globalSetup: ['tests/src/harness/global-setup.ts'],
    pool: 'forks',
    // files at a time: with two, a run kept CI's two cores only half busy (browser, page server
    // and database wait on each other); TEST_WORKERS overrides
    maxWorkers: Number(process.env.TEST_WORKERS ?? 3),
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
      { extends: true, test: { name: 'browser', include: ['tests/e2e/**/*.test.ts'] } },
    ],
  },
});
