/**
 * Shared steps for the help-request journeys (lifecycle-*, association-*, moderation-*): people
 * signed into browser contexts, the interface texts in each language (from the web's own message
 * files), API calls to set a scene, and row counts to prove a refused form wrote nothing.
 */
import { schema } from '@board/db';
import { count, eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { accessTokenFor } from '../src/harness/sessions.ts';
import type { TestApp } from '../src/harness/test-app.ts';
import type { Lang } from './texts.ts';
import { signedInContext, userIdOf } from '../src/people/browser-people.ts';

export { demo, userIdOf } from '../src/people/browser-people.ts';
export { texts } from './texts.ts';

/** A browser context signed in as `email`, speaking `lang`, with or without JavaScript. */
export async function personContext(
  browser: Browser,
  t: TestApp,
  email: string | null,
  lang: Lang,
  javaScriptEnabled = true,
): Promise<{ context: BrowserContext; page: Page }> {
  return signedInContext(browser, t, { as: email, lang, javaScript: javaScriptEnabled });
}

/** Opens a page and lets it settle (hydration); a busy machine may never be quite idle, which is fine. */
export async function open(page: Page, t: TestApp, path: string) {
  const response = await page.goto(`${t.baseUrl}${path}`);
  await settle(page);
  return response;
}

export async function settle(page: Page) {
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
}

/**
 * Presses a form's button and waits for its POST to be answered (and, without JavaScript, for the
 * page that follows to load). With JavaScript, SvelteKit re-renders or navigates after that
 * answer: the caller waits for what it expects to see (waitForURL, expect.poll, a locator).
 */
export async function press(page: Page, button: Locator) {
  const posted = page.waitForResponse((r) => r.request().method() === 'POST', { timeout: 15_000 });
  await button.click();
  await posted;
  await page.waitForLoadState('load');
  await settle(page);
}

/** The field's error text, and that its control is marked invalid and described by the error. */
export async function fieldError(page: Page, id: string, errorId = `${id}-error`): Promise<string> {
  const control = page.locator(`#${id}`);
  await expect.poll(() => control.getAttribute('aria-invalid'), { timeout: 10_000 }).toBe('true');
  const describedBy = (await control.getAttribute('aria-describedby')) ?? '';
  expect(describedBy.split(' ')).toContain(errorId);
  return page.locator(`#${errorId}`).innerText();
}

/** The error summary is there and has keyboard focus. */
export async function expectSummary(page: Page) {
  const summary = page.locator('[data-testid=error-summary]').first();
  await summary.waitFor();
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
    .toBe('error-summary');
  return summary;
}

/** Calls the API as a demo account (a bearer token: no cookies, no CSRF header needed). */
export async function api<T = unknown>(
  t: TestApp,
  email: string,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  url: string,
  payload?: unknown,
): Promise<T> {
  const token = await accessTokenFor(t, await userIdOf(t, email));
  const response = await t.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}` },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
  if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json() as T;
}

const tables = {
  helpRequests: schema.helpRequests,
  applications: schema.applications,
  thanks: schema.thanks,
  ratings: schema.ratings,
  flags: schema.flags,
  auditLog: schema.auditLog,
} as const;

/** Rows in the tables these pages write, to prove a refused form wrote nothing. */
export async function rowCounts(t: TestApp): Promise<Record<keyof typeof tables, number>> {
  const out = {} as Record<keyof typeof tables, number>;
  for (const [name, table] of Object.entries(tables) as [keyof typeof tables, (typeof tables)[keyof typeof tables]][]) {
    const [row] = await t.database.handle.db.select({ n: count() }).from(table);
    out[name] = row!.n;
  }
  return out;
}

export async function requestRow(t: TestApp, id: string) {
  const [row] = await t.database.handle.db.select().from(schema.helpRequests).where(eq(schema.helpRequests.id, id));
  if (!row) throw new Error(`no request ${id}`);
  return row;
}

export async function municipalitySettings(t: TestApp, code: string) {
  const [row] = await t.database.handle.db
    .select({ settings: schema.municipalities.settings })
    .from(schema.municipalities)
    .where(eq(schema.municipalities.code, code));
  return row?.settings;
}

/** A calendar day `days` from now, as a date box takes it (Tokyo time). */
export function dayFromNow(days: number): string {
  return new Date(Date.now() + 9 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** An instant `days` from now at 10:00 Tokyo time. */
export function instantFromNow(days: number, time = '10:00'): string {
  return `${dayFromNow(days)}T${time}:00+09:00`;
}

let serial = 0;
/** A word no other request contains, for finding one request by search. */
export function uniqueWord(): string {
  serial += 1;
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  let n = Date.now() * 10 + serial;
  let word = '';
  while (n > 0) {
    word += letters[n % letters.length];
    n = Math.floor(n / letters.length);
  }
  return `Q${word}`;
}

/** A valid request body for the API (a draft of 千住一丁目町会 by default). */
export function requestBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '防災訓練の受付',
    body: '11月の防災訓練で、受付を手伝ってくださる方を探しています。',
    category: 'disaster_prevention',
    skills: ['受付'],
    slots: 1,
    when: { kind: 'at', startsAt: instantFromNow(30) },
    area: '千住一丁目',
    exactPlace: '千住一丁目会館',
    online: false,
    estimatedHours: 2,
    expensesCovered: false,
    applicationDeadline: instantFromNow(20),
    languages: ['ja'],
    ...overrides,
  };
}
