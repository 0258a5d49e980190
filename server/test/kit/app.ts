import { startTestApp, type TestApp, type TestAppOptions } from '@board/tests/harness/test-app';
import { afterAll, beforeAll } from 'vitest';

export type { TestApp, TestAppOptions };

/**
 * The app under test for one test file: the real app over its own freshly cloned database,
 * started before the file's first test and stopped after its last. Call it once at the top of a
 * file (`const t = useApiApp()`); hooks the file registers afterwards run once it is up. The
 * returned object is the running app, so kit helpers take it like any `TestApp`.
 */
export function useApiApp(options: TestAppOptions = {}): TestApp {
  let started: TestApp | undefined;
  const running = (): TestApp => {
    if (!started) throw new Error('useApiApp(): the app starts in beforeAll; use it inside hooks and tests');
    return started;
  };
  beforeAll(async () => {
    started = await startTestApp(options);
  }, 120_000);
  afterAll(async () => {
    await started?.close();
  });
  return {
    get app() {
      return running().app;
    },
    get database() {
      return running().database;
    },
    get appDatabase() {
      return running().appDatabase;
    },
    get config() {
      return running().config;
    },
    get baseUrl() {
      return running().baseUrl;
    },
    get mail() {
      return running().mail;
    },
    close: () => running().close(),
  };
}

/** For the few files that start apps inside their tests (each with other settings); close them yourself. */
export { startTestApp };
