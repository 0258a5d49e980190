import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { launchBrowser } from '../../src/harness/browser.ts';
import { startTestApp, type TestApp, type TestAppOptions } from '../../src/harness/test-app.ts';
import { handBackTestContexts, startTestBorrowing } from './contexts.ts';

/**
 * The app under test and the browser of the running test file. Set by `useBrowserApp()` before
 * the file's first test. Browser files share a worker's module scope (vitest.config.ts:
 * `isolate: false`): these are set again for each file.
 */
export let t: TestApp;
export let browser: Browser;

/**
 * Starts the built app (over its own fresh database) and one Chromium for this test file, and
 * stops both after its last test: the browser first, so no connection of its keeps the app's
 * server from closing (one Chromium a worker, outliving its files' apps, made a clean-clone run
 * hang twice in `t.close()`). After each test, the contexts it made are handed back for reuse.
 * Call it once at the top of an e2e file; its own `beforeAll` hooks then run after this one.
 */
export function useBrowserApp(options: Omit<TestAppOptions, 'serveWeb' | 'listen'> = {}): void {
  // whole journeys in a real browser take seconds each, but two workers beside other work on a
  // small machine can make one many times slower
  vi.setConfig({ testTimeout: 120_000 });
  beforeAll(async () => {
    t = await startTestApp({ ...options, serveWeb: true, listen: true });
    browser = await launchBrowser();
  }, 120_000);
  // the contexts a test made are wiped and kept for the next (kit/contexts.ts)
  beforeEach(startTestBorrowing);
  afterEach(handBackTestContexts);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
}
