import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,db,server,web,tests,scripts}/{src,test}/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'web/.svelte-kit/**', 'web/build/**'],
    globalSetup: ['tests/src/harness/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
