import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,db,server,web,scripts}/{src,test}/**/*.test.ts', 'tests/{src,e2e,api}/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'web/.svelte-kit/**', 'web/build/**'],
    globalSetup: ['tests/src/harness/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
