/**
 * Browser contexts, kept for reuse. Making a context and its first page costs Chromium about three
 * times what a page load in a kept page does (a new profile and a new renderer process), and the
 * browser tests make hundreds. So a context a test closes is not closed: it is wiped and handed to
 * the next person who asks for one with the very same options, its page already made.
 *
 * Wiped means: cookies, routes and permissions gone, extra pages closed, listeners tests put on
 * the page removed, the kept page on a blank page of its site at its original size and media. Storage needs
 * no wiping: the app keeps nothing in the browser but cookies. Every context a test borrowed is
 * handed back when the test ends (`useBrowserApp` calls `handBackTestContexts`); one borrowed in
 * a `beforeAll` stays its holder's until closed, so it may serve several tests.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { newContext, phoneViewport } from '../../src/harness/browser.ts';

const freeContexts = new WeakMap<Browser, Map<string, BrowserContext[]>>();
const isFree = new WeakSet<BrowserContext>();
/** every kept context, free or not, so a test file can hand back those it held past its tests */
const everyContext = new Set<BrowserContext>();
let testRunning = false;
const borrowedByTest = new Set<BrowserContext>();

/** From now until `handBackTestContexts`, borrowed contexts belong to the running test. */
export function startTestBorrowing(): void {
  testRunning = true;
}

/** The test is over: every context it borrowed goes back, wiped (as if it had closed them). */
export async function handBackTestContexts(): Promise<void> {
  testRunning = false;
  const borrowed = [...borrowedByTest];
  borrowedByTest.clear();
  await Promise.all(borrowed.map((context) => context.close()));
}

/**
 * The test file is over: contexts its `beforeAll` hooks borrowed and never closed go back too, so
 * the next file in this worker (same browser) starts with only wiped contexts.
 */
export async function handBackEveryContext(): Promise<void> {
  await Promise.all([...everyContext].filter((context) => !isFree.has(context)).map((context) => context.close()));
}

/** page events a test may listen to; a kept page drops these listeners when its context is handed back */
const pageEvents = [
  'console',
  'dialog',
  'download',
  'filechooser',
  'pageerror',
  'popup',
  'request',
  'requestfailed',
  'requestfinished',
  'response',
] as const;

/** A context with these options: a wiped one a test has closed, or a new one. */
export async function borrowContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const key = JSON.stringify(options);
  let byKey = freeContexts.get(browser);
  if (!byKey) freeContexts.set(browser, (byKey = new Map()));
  const context = byKey.get(key)?.pop() ?? (await keptContext(browser, options, byKey, key));
  isFree.delete(context);
  if (testRunning) borrowedByTest.add(context);
  return context;
}

/** A new context whose `close` wipes it and keeps it for the next borrower with the same options. */
async function keptContext(
  browser: Browser,
  options: BrowserContextOptions,
  free: Map<string, BrowserContext[]>,
  key: string,
): Promise<BrowserContext> {
  const context = await newContext(browser, options);
  everyContext.add(context);
  context.on('close', () => everyContext.delete(context));
  const closeForGood = context.close.bind(context);
  const viewport = options.viewport === undefined ? phoneViewport : options.viewport;
  context.close = async () => {
    if (isFree.has(context)) return;
    borrowedByTest.delete(context);
    try {
      await wipe(context, viewport);
    } catch {
      // a page that crashed or hangs: this context is not worth keeping
      await closeForGood().catch(() => undefined);
      return;
    }
    isFree.add(context);
    free.set(key, [...(free.get(key) ?? []), context]);
  };
  return context;
}

/** The context's kept page (blank after a wipe), or a new one when it has none open. */
export async function pageOf(context: BrowserContext): Promise<Page> {
  return context.pages().find((page) => !page.isClosed()) ?? (await context.newPage());
}

/**
 * Where a wiped page waits: a tiny page of the same origin as the one it was on (the app's icon).
 * Not `about:blank`: a page that leaves its site for `about:blank` and comes back gets a new renderer
 * process, which costs Chromium about three times a page load (measured: 560 against 130 ms of CPU).
 * Still a navigation, so whatever the last test's page was doing stops.
 */
function restingAddress(url: string): string {
  return /^https?:/.test(url) ? new URL('/favicon.svg', url).href : 'about:blank';
}

async function wipe(context: BrowserContext, viewport: BrowserContextOptions['viewport']): Promise<void> {
  const [kept, ...extra] = context.pages();
  await Promise.all(extra.map((page) => page.close()));
  await context.unrouteAll({ behavior: 'ignoreErrors' });
  if (kept) {
    await kept.unrouteAll({ behavior: 'ignoreErrors' });
    for (const event of pageEvents) await kept.removeAllListeners(event, { behavior: 'ignoreErrors' });
    await kept.goto(restingAddress(kept.url()));
    await kept.emulateMedia({ media: null });
    if (viewport) await kept.setViewportSize(viewport);
  }
  await context.clearCookies();
  await context.clearPermissions();
}
