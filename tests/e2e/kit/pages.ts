/**
 * Going to pages and pressing buttons without racing the page. With JavaScript a page is usable
 * once Svelte has hydrated (the root layout then sets `data-hydrated` on <body>); a form then
 * answers in JSON and the page re-renders in place. Without JavaScript every submit is a full
 * page load. Assertions after these steps can read the page at once.
 */
import type { BrowserContext, Locator, Page, Request, Response } from 'playwright-core';
import { expect } from 'vitest';
import { catalogueKeys, messageKeyLike } from '../../../web/vite/message-keys.ts';
import { accessibilityViolations } from '../../src/harness/browser.ts';
import type { TestApp } from '../../src/harness/test-app.ts';
import { t } from './boot.ts';
import { borrowContext, pageOf } from './contexts.ts';

const withoutJavaScript = new WeakSet<BrowserContext>();

/** Marks a context made with `javaScriptEnabled: false`: its pages never hydrate. */
export function markWithoutJavaScript(context: BrowserContext): void {
  withoutJavaScript.add(context);
}

export function runsJavaScript(page: Page): boolean {
  return !withoutJavaScript.has(page.context());
}

/**
 * Waits until Svelte has hydrated the page (at once for a context without JavaScript). Bounded:
 * a page that never hydrates is still read and used as a page without JavaScript would be.
 */
export async function waitForHydration(page: Page): Promise<void> {
  if (!runsJavaScript(page)) return;
  await page
    .locator('body[data-hydrated]')
    .waitFor({ state: 'attached', timeout: 20_000 })
    .catch(() => undefined);
}

/**
 * Goes to `path` on the test server (or to a full URL, such as a link from a mail) and waits
 * until the page is usable: loaded and, with JavaScript, hydrated.
 */
export async function open(page: Page, app: TestApp, path: string): Promise<Response | null> {
  const response = await page.goto(/^https?:/.test(path) ? path : `${app.baseUrl}${path}`);
  if ((response?.headers()['content-type'] ?? '').includes('text/html')) await waitForHydration(page);
  return response;
}

/** Lets the page settle after something it does by itself (a busy machine may never be quite idle). */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
}

async function nextFrames(page: Page): Promise<void> {
  await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
}

function isActionPost(response: Response): boolean {
  return response.request().method() === 'POST' && !new URL(response.url()).pathname.startsWith('/api/');
}

/**
 * Presses a submit button and waits for its whole answer to be drawn. `target` is the button, or
 * the selector of a form whose (first, or `buttonName`d) submit button is pressed.
 * - no JavaScript, or a form SvelteKit does not enhance: the page that follows has loaded (and hydrated);
 * - an enhanced form: the JSON answer has come, then a redirect has been followed or (after a
 *   success) the page's data reloaded, and Svelte has drawn the result. The reload counted is the
 *   first data request the page makes after the answer (not a preload or poll from before it),
 *   and its body has arrived.
 */
export async function submit(page: Page, target: Locator | string, buttonName?: string | RegExp): Promise<void> {
  const button =
    typeof target !== 'string'
      ? target
      : buttonName
        ? page.locator(target).getByRole('button', { name: buttonName })
        : page.locator(target).locator('button[type="submit"]').first();
  const nextDocument = page.waitForEvent('load', { timeout: 60_000 });
  nextDocument.catch(() => undefined);
  const reload = dataReloadAfterAnswer(page);
  try {
    const [answer] = await Promise.all([page.waitForResponse(isActionPost, { timeout: 60_000 }), button.click()]);
    if (!(answer.headers()['content-type'] ?? '').includes('application/json')) {
      await nextDocument;
      await waitForHydration(page);
      return;
    }
    const result = (await answer.json()) as { type: string; location?: string };
    const before = page.url();
    if (result.type === 'redirect' && result.location && new URL(result.location, before).href !== before) {
      // the client router changes the address once the next page is loaded and drawn
      await page.waitForURL((url) => url.href !== before);
    } else if (result.type === 'success' || result.type === 'redirect') {
      // its body, not only its headers (`finished()` never settles for some of these responses)
      await (await reload.next)?.body().catch(() => undefined);
    }
    await nextFrames(page);
  } finally {
    reload.stop();
  }
}

/**
 * The response to the first `__data.json` request the page makes after an action's answer (the
 * browser asks for the page's data only once it has read the answer, so the events come in that
 * order), or null after 60 s without one.
 */
function dataReloadAfterAnswer(page: Page): { next: Promise<Response | null>; stop(): void } {
  let answered = false;
  let found: (response: Response | null) => void = () => undefined;
  const next = new Promise<Response | null>((resolve) => (found = resolve));
  const onResponse = (response: Response) => {
    if (isActionPost(response)) answered = true;
  };
  const onRequest = (request: Request) => {
    if (answered && new URL(request.url()).pathname.endsWith('/__data.json'))
      void request.response().then(found, () => found(null));
  };
  page.on('response', onResponse);
  page.on('request', onRequest);
  const timer = setTimeout(() => found(null), 60_000);
  return {
    next,
    stop() {
      clearTimeout(timer);
      page.off('response', onResponse);
      page.off('request', onRequest);
    },
  };
}

/** Submits the form `data-form=name` (the first one, within `scope` when given); see `submit`. */
export async function submitForm(page: Page, name: string, scope?: Locator): Promise<void> {
  const form = (scope ?? page).locator(`form[data-form="${name}"]`).first();
  await submit(page, form.locator('button[type="submit"]').first());
}

/** The field's error text, and that its control is marked invalid and described by the error. */
export async function fieldError(page: Page, id: string, errorId = `${id}-error`): Promise<string> {
  const control = page.locator(`#${id}`);
  await expect.poll(() => control.getAttribute('aria-invalid'), { timeout: 10_000 }).toBe('true');
  const describedBy = (await control.getAttribute('aria-describedby')) ?? '';
  expect(describedBy.split(' ')).toContain(errorId);
  return page.locator(`#${errorId}`).innerText();
}

/**
 * The field shows `message` beside it, is marked invalid and described by it, and the error
 * summary at the top of the form links to it.
 */
export async function expectFieldError(page: Page, id: string, message: string | RegExp): Promise<void> {
  const text = await fieldError(page, id);
  if (typeof message === 'string') expect(text).toContain(message);
  else expect(text).toMatch(message);
  expect(await page.locator(`[data-testid="error-summary"] a[href="#${id}"]`).count()).toBe(1);
}

/** The error summary is there, has keyboard focus and (when `problems` is given) lists that many. */
export async function expectSummary(page: Page, problems?: number): Promise<Locator> {
  const summary = page.locator('[data-testid=error-summary]').first();
  await summary.waitFor();
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')), { timeout: 10_000 })
    .toBe('error-summary');
  if (problems !== undefined) expect(await summary.getByRole('listitem').count()).toBe(problems);
  return summary;
}

/**
 * The text of a form's answer once it is drawn: its message (`form-message`, what was done) or
 * its error summary (`error-summary`, what was refused).
 */
export async function formAnswer(page: Page, kind: 'form-message' | 'error-summary'): Promise<string> {
  const answer = page.locator(`[data-testid=${kind}]`);
  await answer.waitFor();
  return answer.innerText();
}

/** Ids of the request cards on the page, in order. */
export async function cardIds(page: Page): Promise<string[]> {
  return page
    .locator('article[data-request-id]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-request-id')!));
}

/** Titles of the request cards on the page, in order (without the readings drawn over them). */
export async function cardTitles(page: Page): Promise<string[]> {
  return textsWithoutReadings(page.locator('article[data-request-id] h3'));
}

/** Opens one of the header's drop-downs ("signed-in": the account menu; "language-menu"). */
export async function openHeaderMenu(page: Page, testid: 'signed-in' | 'language-menu'): Promise<void> {
  const menu = page.locator(`header [data-testid=${testid}]`);
  if ((await menu.getAttribute('open')) === null) await menu.locator('> summary').click();
}

/** How far the page scrolls sideways, in px (0 or less when it fits its window). */
export function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * axe finds no WCAG 2.2 A/AA violation on the page as it is drawn now (`label` names that state),
 * and no message key shows in place of its words.
 */

export async function expectNoViolations(page: Page, label: string): Promise<void> {
  const violations = runsJavaScript(page)
    ? await accessibilityViolations(page)
    : await violationsWithoutJavaScript(page);
  expect(violations, `${label} (${page.url()})`).toEqual([]);
  await expectNoRawMessageKeys(page, label);
}

let messageKeys: Set<string> | undefined;

/**
 * No message key is shown raw: a page gets only the messages the build found it uses
 * (web/vite/message-keys.ts), so a key the scan missed reaches the person as `area.some.key`.
 */
export async function expectNoRawMessageKeys(page: Page, label: string): Promise<void> {
  messageKeys ??= new Set(catalogueKeys(new URL('../../../web/src/lib/i18n/messages', import.meta.url).pathname));
  const text = await page.locator('body').innerText();
  const raw = [...text.matchAll(messageKeyLike)].map(([word]) => word).filter((w) => messageKeys!.has(w));
  expect(raw, `${label} (${page.url()}) shows message keys`).toEqual([]);
}

/**
 * axe on a page of a context without JavaScript. axe itself needs JavaScript (its timers never
 * fire where scripts are off, so it would wait forever), so the very HTML this page shows is put
 * into a page of a context that runs scripts, at the same address, with the app's own scripts
 * stripped (with their preloads): it is checked as the person without JavaScript sees it, never hydrated.
 */
async function violationsWithoutJavaScript(page: Page): Promise<string[]> {
  // without its scripts, and without the scripts' preloads (which no reader without JavaScript uses)
  const html = (await page.content())
    .replace(/<script\b[\s\S]*?<\/script>/gi, '')
    .replace(/<link\b[^>]*rel="modulepreload"[^>]*>/gi, '');
  const url = page.url();
  const context = await borrowContext(page.context().browser()!, { viewport: page.viewportSize() });
  try {
    const copy = await pageOf(context);
    // only the document is answered from here: with its scripts gone, the styles and fonts it asks
    // for come from the server directly, not one by one through this process (a third faster)
    const isDocument = (address: URL) => address.href === url;
    await copy.route(isDocument, (route) => route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }));
    await copy.goto(url, { waitUntil: 'commit' });
    await copy.unroute(isDocument);
    await copy.waitForLoadState('load');
    return await accessibilityViolations(copy);
  } finally {
    await context.close();
  }
}

/** Opens `path` (see `open`) and expects axe to find no violation there. */
export async function expectAccessibleAt(page: Page, path: string, label: string): Promise<void> {
  await open(page, t, path);
  await expectNoViolations(page, label);
}

/**
 * The text of an element as read, without the furigana drawn over it (<rt>, <rp>): in やさしい日本語
 * user-written Japanese carries readings, which innerText would run into the words.
 */
export async function textWithoutReadings(locator: Locator): Promise<string> {
  // waits for the element, as reading it directly would
  await locator.first().waitFor({ state: 'attached' });
  const [text] = await textsWithoutReadings(locator.first());
  return text!;
}

/** `textWithoutReadings` of every element the locator matches, in order. */
export async function textsWithoutReadings(locator: Locator): Promise<string[]> {
  return locator.evaluateAll((elements) =>
    elements.map((element) => {
      const copy = element.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('rt, rp').forEach((reading) => reading.remove());
      return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
    }),
  );
}
