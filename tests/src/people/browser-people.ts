import { schema } from '@board/db';
import { count, eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { newContext } from '../harness/browser.ts';
import { accessTokenFor } from '../harness/sessions.ts';
import type { TestApp } from '../harness/test-app.ts';

/**
 * Helpers for browser journeys about people (profile, staff area, invitations). Signing in puts a
 * signed access cookie into the browser context, as the API's own sign-in would: the journeys do
 * not depend on the sign-in page, and many sign-ins in one file stay under the per-IP limit.
 */

export const demo = {
  foundation: 'foundation@demo.example',
  staffAdachi: 'staff.adachi@demo.example',
  staffShinjuku: 'staff.shinjuku@demo.example',
  officerSenju: 'officer.senju@demo.example',
  officerOkubo: 'officer.okubo@demo.example',
  volunteer1: 'volunteer1@demo.example',
  volunteer2: 'volunteer2@demo.example',
  volunteer3: 'volunteer3@demo.example',
  volunteer4: 'volunteer4@demo.example',
  volunteer5: 'volunteer5@demo.example',
} as const;

export const demoPassword = 'udekiki-demo-2026';

export async function userIdOf(t: TestApp, email: string): Promise<string> {
  const [row] = await t.database.handle.db
    .select({ id: schema.users.id })
    .from(schema.users)
    .where(eq(schema.users.email, email));
  if (!row) throw new Error(`no user ${email}`);
  return row.id;
}

/** Signs the browser context in as this account (the API's access cookie, freshly signed). */
export async function signIn(t: TestApp, context: BrowserContext, email: string): Promise<void> {
  const token = await accessTokenFor(t, await userIdOf(t, email));
  await context.addCookies([{ name: 'board_access', value: token, url: t.baseUrl, httpOnly: true, sameSite: 'Lax' }]);
}

type Lang = 'ja' | 'en' | 'ja-easy';

/** Makes the browser context speak `lang`, as the language switcher would. */
export async function setLanguage(t: TestApp, context: BrowserContext, lang: Lang): Promise<void> {
  await context.addCookies([{ name: 'lang', value: lang, url: t.baseUrl }]);
}

/**
 * A fresh browser context (a phone, see `newContext`) in `lang` (default ja), signed in as `as`
 * when given, with or without JavaScript, and a page in it. Every journey makes its people here.
 */
export async function signedInContext(
  browser: Browser,
  t: TestApp,
  options: { as?: string | null | undefined; lang?: Lang | undefined; javaScript?: boolean | undefined } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, { javaScriptEnabled: options.javaScript ?? true });
  await setLanguage(t, context, options.lang ?? 'ja');
  if (options.as) await signIn(t, context, options.as);
  const page = await context.newPage();
  return { context, page };
}

const tables = {
  users: schema.users,
  roleAssignments: schema.roleAssignments,
  associations: schema.associations,
  invitations: schema.invitations,
  auditLog: schema.auditLog,
  volunteerProfiles: schema.volunteerProfiles,
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

/** The path (with token) of the newest invitation link mailed to this address. */
export function invitationLinkFor(t: TestApp, email: string): string {
  const mail = t.app.mailer.captured.find((m) => m.to === email && m.text.includes('/invitations/accept?token='));
  if (!mail) throw new Error(`no invitation mail to ${email}`);
  const match = /\/invitations\/accept\?token=[A-Za-z0-9_%-]+/.exec(mail.text);
  if (!match) throw new Error('no link in the invitation mail');
  return match[0];
}

let counter = 0;
/** A fresh address no account or invitation uses yet. */
export function freshEmail(label: string): string {
  counter += 1;
  return `${label}.${Date.now().toString(36)}${counter}@example.jp`;
}

/**
 * Submits a form by its submit button and waits for the page to settle, with or without
 * JavaScript (a full page load, or SvelteKit's enhanced submit and re-render).
 */
export async function submit(page: Page, formSelector: string, buttonName?: string | RegExp): Promise<void> {
  const form = page.locator(formSelector);
  const button = buttonName
    ? form.getByRole('button', { name: buttonName })
    : form.locator('button[type="submit"]').first();
  await Promise.all([page.waitForLoadState('load'), waitForResponse(page), button.click()]);
  await page.waitForLoadState('networkidle');
}

function waitForResponse(page: Page) {
  return page.waitForResponse((r) => r.request().method() === 'POST', { timeout: 15_000 });
}
