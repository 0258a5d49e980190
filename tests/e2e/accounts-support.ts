/**
 * Shared steps for the account journeys (accounts-*.test.ts): the interface texts in each
 * language (read from the web's own message files, so tests check what people really see),
 * captured mail, emailed links, and the rows in the database.
 */
import { schema } from '@board/db';
import { count } from 'drizzle-orm';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { expect } from 'vitest';
import { newContext } from '../src/harness/browser.ts';
import type { TestApp } from '../src/harness/test-app.ts';
import { texts, type Lang } from './texts.ts';
import { setLanguage } from '../src/people/browser-people.ts';

export { demoPassword, freshEmail } from '../src/people/browser-people.ts';
export { fieldError } from './lifecycle-support.ts';
export { texts } from './texts.ts';

/** Makes the browser context speak `lang`, as the language switcher would. */
export function useLanguage(context: BrowserContext, t: TestApp, lang: Lang) {
  return setLanguage(t, context, lang);
}

/**
 * A phone-sized browser context (see `newContext`) in `lang`, with Playwright's waits raised
 * from 30 to 60 seconds: these suites run beside others, and a busy machine can be very slow.
 */
export async function accountContext(
  browser: Browser,
  t: TestApp,
  lang: Lang | undefined,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await newContext(browser, options);
  context.setDefaultTimeout(60_000);
  context.setDefaultNavigationTimeout(60_000);
  if (lang) await useLanguage(context, t, lang);
  return context;
}

export async function countUsers(t: TestApp): Promise<number> {
  const [row] = await t.database.handle.db.select({ n: count() }).from(schema.users);
  return row!.n;
}

export async function countTokens(t: TestApp): Promise<number> {
  const [row] = await t.database.handle.db.select({ n: count() }).from(schema.oneTimeTokens);
  return row!.n;
}

/** The id of the newest mail captured so far (0 for none): pass it to `mailTo` to wait for a mail sent after now. */
export function lastMailId(t: TestApp): number {
  return t.app.mailer.captured[0]?.id ?? 0;
}

/**
 * The newest mail to `to` whose subject passes `subject`, sent after the mail with id `after`
 * (mail goes out after the answer: waits for it).
 */
export async function mailTo(t: TestApp, to: string, subject: (s: string) => boolean = () => true, after = 0) {
  const matches = (m: (typeof t.app.mailer.captured)[number]) => m.id > after && m.to === to && subject(m.subject);
  await expect.poll(() => t.app.mailer.captured.some(matches), { timeout: 10_000 }).toBe(true);
  return t.app.mailer.captured.find(matches)!;
}

/** The link to `path` in a mail, as an absolute mail URL and as the same page on the test server. */
export function linkIn(text: string, path: string, t: TestApp): { mailUrl: string; local: string } {
  const match = new RegExp(`https?://\\S+${path.replaceAll('/', '\\/')}\\?token=[A-Za-z0-9_-]+`).exec(text);
  if (!match) throw new Error(`no ${path} link in mail:\n${text}`);
  const url = new URL(match[0]);
  return { mailUrl: match[0], local: `${t.baseUrl}${url.pathname}${url.search}` };
}

/**
 * Mail links point at the configured public origin, which in tests is not the port the test
 * server listens on: send the browser from there to the same path on the test server, so a
 * person's click on a mail link can be followed for real.
 */
export async function followMailLinks(context: BrowserContext, t: TestApp) {
  const origin = t.config.publicOrigin;
  await context.route(`${origin}/**`, (route) => {
    const url = new URL(route.request().url());
    return route.fulfill({ status: 302, headers: { location: `${t.baseUrl}${url.pathname}${url.search}` } });
  });
}

/** Waits for a page load after a click: the form posts either reload (no JavaScript) or update in place. */
export async function submit(page: Page, button: ReturnType<Page['getByRole']>) {
  await Promise.all([page.waitForLoadState('load'), button.click()]);
}

/** Signs in through the sign-in page and waits for the header to show the name. */
export async function signInOnPage(page: Page, t: TestApp, lang: Lang, email: string, password: string) {
  const i18n = texts(lang);
  await page.goto(`${t.baseUrl}/signin`);
  await page.locator('#signin-email').fill(email);
  await page.locator('#signin-password').fill(password);
  await page.getByRole('button', { name: i18n.t('auth.signin.submit'), exact: true }).click();
  await page.locator('[data-testid=signed-in]').waitFor();
}
