import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, vi } from 'vitest';
import { launchBrowser } from '../../src/harness/browser.ts';
import { startTestApp, type TestApp, type TestAppOptions } from '../../src/harness/test-app.ts';

/**
 * The app under test and the browser of the running test file. Set by `useBrowserApp()` before
 * the file's first test; every test file runs in its own module scope, so each file has its own.
 */
export let t: TestApp;
export let browser: Browser;

/**
 * Starts the built app (over its own fresh database) and one Chromium for this test file, and
 * stops both after its last test (closing the browser closes every context the tests made).
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
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
}
