import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,db,server,web,scripts}/{src,test}/**/*.test.ts', 'tests/{src,e2e,api}/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'web/.svelte-kit/**', 'web/build/**'],
    globalSetup: ['tests/src/harness/global-setup.ts'],
    pool: 'forks',
    // two files at a time on CI's two cores: every file has its own database, app port and browser
    // contexts (measured in the issue 9 note: 34 files, the heaviest browser ones included, without
    // a flaky failure)
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
