import { defineConfig } from 'vitest/config';

// Pure unit tests (i18n, helpers): no SvelteKit plugin needed.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
