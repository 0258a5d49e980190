/**
 * People in the browser: the demo accounts, and fresh browser contexts (a phone, by default) in a
 * language, signed in or not, with or without JavaScript. Signing in puts a signed access cookie
 * into the context, as the API's own sign-in would: journeys do not depend on the sign-in page,
 * and many sign-ins in one file stay under the per-IP limit.
 */
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { accessibilityViolations } from '../../src/harness/browser.ts';
import { demoEmails, userIdOf } from '../../src/harness/scene.ts';
import { accessTokenFor } from '../../src/harness/sessions.ts';
import type { TestApp } from '../../src/harness/test-app.ts';
import { browser, t } from './boot.ts';
import { borrowContext, pageOf } from './contexts.ts';
import { markWithoutJavaScript, open, sidewaysScroll, submit } from './pages.ts';
import { texts, type Lang } from './texts.ts';

export { createPerson, demoPassword, freshEmail, userIdOf } from '../../src/harness/scene.ts';

/** The demo accounts of the seed, by who they are. */
export const demo = demoEmails;

/** Signs the browser context in as this account (the API's access cookie, freshly signed). */
export async function signIn(app: TestApp, context: BrowserContext, email: string): Promise<void> {
  const token = await accessTokenFor(app, await userIdOf(app, email));
  await context.addCookies([{ name: 'board_access', value: token, url: app.baseUrl, httpOnly: true, sameSite: 'Lax' }]);
}

/** Makes the browser context speak `lang`, as the language switcher would. */
export async function setLanguage(app: TestApp, context: BrowserContext, lang: Lang): Promise<void> {
  await context.addCookies([{ name: 'lang', value: lang, url: app.baseUrl }]);
}

export interface PersonOptions extends Omit<BrowserContextOptions, 'javaScriptEnabled'> {
  /** signed in as this account; signed out when absent */
  as?: string | null | undefined;
  /** the language cookie (default ja); null for none, so the browser's own language counts */
  lang?: Lang | null | undefined;
  /** default true */
  javaScript?: boolean | undefined;
}

/**
 * A fresh browser context for one person (see `PersonOptions`): new, or one a test has closed,
 * wiped (contexts.ts). Playwright's waits are raised
 * from 30 to 60 seconds: the suite runs in two workers beside other work on a small machine.
 */
export async function newPersonContext(options: PersonOptions = {}): Promise<BrowserContext> {
  const { as, lang = 'ja', javaScript = true, ...contextOptions } = options;
  const context = await borrowContext(browser, { ...contextOptions, javaScriptEnabled: javaScript });
  if (!javaScript) markWithoutJavaScript(context);
  context.setDefaultTimeout(60_000);
  context.setDefaultNavigationTimeout(60_000);
  if (lang) await setLanguage(t, context, lang);
  if (as) await signIn(t, context, as);
  return context;
}

/** A fresh person (see `newPersonContext`) and a blank page of theirs. */
export async function newPerson(options: PersonOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newPersonContext(options);
  return { context, page: await pageOf(context) };
}

/** A blank page of a fresh person (see `newPersonContext`). */
export async function newPage(options: PersonOptions = {}): Promise<Page> {
  return (await newPerson(options)).page;
}

/** A fresh person (see `newPersonContext`) on `path`, hydrated: the page, its context, the answer's status. */
export async function visitAs(path: string, options: PersonOptions = {}) {
  const { context, page } = await newPerson(options);
  const response = await open(page, t, path);
  return { page, context, status: response?.status() };
}

/**
 * The phone of issue 15's measurements, 390 × 800 CSS px: what a person sees on its first screen
 * is measured at this size (the default context is a taller phone, 390 × 844).
 */
export const phone = { width: 390, height: 800 };

/** A phone 320 CSS px wide: the width WCAG 2.2 reflow asks pages to fit (1,280 px at 400 %). */
export const narrowPhone = { width: 320, height: 640 };

/**
 * `paths` opened one after another by one person (see `PersonOptions`) on a `narrowPhone`: none
 * scrolls sideways. `unfold` readies each page before it is measured (opens what is folded).
 */
export async function expectNoSidewaysScrollAt(
  paths: readonly string[],
  options: PersonOptions & { unfold?: (page: Page, path: string) => Promise<void> } = {},
): Promise<void> {
  const { unfold, ...person } = options;
  const { context, page } = await newPerson({ ...person, viewport: narrowPhone });
  for (const path of paths) {
    await open(page, t, path);
    await unfold?.(page, path);
    expect(await sidewaysScroll(page), path).toBeLessThanOrEqual(0);
  }
  await context.close();
}

/**
 * One test a page and language (ja, やさしい日本語, en): `path` opened as `as` (a visitor where
 * none), answered with `status` where the file names one, and axe finds no WCAG 2.2 A/AA
 * violation there.
 */
export function itHasNoViolationsAt(
  pages: readonly { path: string; as?: string }[],
  options: { status?: number } = {},
) {
  for (const lang of ['ja', 'ja-easy', 'en'] as const satisfies readonly Lang[]) {
    it.each(pages)(`$path as $as has no violations (${lang})`, async ({ path, as }) => {
      const { page, status } = await visitAs(path, { as, lang });
      if (options.status !== undefined) expect(status).toBe(options.status);
      expect(await accessibilityViolations(page)).toEqual([]);
    });
  }
}

/** Signs in through the sign-in page and waits for the header to show the name. */
export async function signInOnPage(page: Page, app: TestApp, lang: Lang, email: string, password: string) {
  const i18n = texts(lang);
  await open(page, app, '/signin');
  await page.locator('#signin-email').fill(email);
  await page.locator('#signin-password').fill(password);
  await page.getByRole('button', { name: i18n.t('auth.signin.submit'), exact: true }).click();
  await page.locator('[data-testid=signed-in]').waitFor();
}

/**
 * On a page that ends with "sign in" in its main part (a confirmed address, a new password):
 * follows that link to the sign-in page and signs in there with the form.
 */
export async function signInFromLink(page: Page, app: TestApp, lang: Lang, email: string, password: string) {
  const i18n = texts(lang);
  await page
    .locator('#main')
    .getByRole('link', { name: i18n.t('auth.verify.signin') })
    .click();
  await page.waitForURL(`${app.baseUrl}/signin`);
  await page.locator('#signin-email').fill(email);
  await page.locator('#signin-password').fill(password);
  await submit(page, page.getByRole('button', { name: i18n.t('auth.signin.submit'), exact: true }));
}
