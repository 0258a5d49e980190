import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { launchBrowser } from '../../src/harness/browser.ts';
import { startTestApp, type TestApp, type TestAppOptions } from '../../src/harness/test-app.ts';
import { handBackEveryContext, handBackTestContexts, startTestBorrowing } from './contexts.ts';

/**
 * The app under test of the running test file, and the worker's browser. Set by `useBrowserApp()`
 * before the file's first test. Browser files share a worker's module scope (vitest.config.ts:
 * `isolate: false`), so one Chromium serves every file the worker runs, with its kept contexts.
 */
export let t: TestApp;
export let browser: Browser;

/**
 * Starts the built app (over its own fresh database) for this test file, and the worker's Chromium
 * if none runs yet; after the file's last test, stops the app and hands back every context the
 * file held (wiped, for the next file). After each test, the contexts it made are handed back.
 * Chromium goes with the worker's process (Playwright kills the browsers it launched on exit).
 * Call it once at the top of an e2e file; its own `beforeAll` hooks then run after this one.
 */
export function useBrowserApp(options: Omit<TestAppOptions, 'serveWeb' | 'listen'> = {}): void {
  // whole journeys in a real browser take seconds each, but two workers beside other work on a
  // small machine can make one many times slower
  vi.setConfig({ testTimeout: 120_000 });
  beforeAll(async () => {
    t = await startTestApp({ ...options, serveWeb: true, listen: true });
    if (!browser?.isConnected()) browser = await launchBrowser();
  }, 120_000);
  // the contexts a test made are wiped and kept for the next (kit/contexts.ts)
  beforeEach(startTestBorrowing);
  afterEach(handBackTestContexts);
  afterAll(async () => {
    await handBackEveryContext();
    await t?.close();
  });
}
