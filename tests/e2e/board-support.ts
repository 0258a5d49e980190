/**
 * Shared steps for the board journeys (board-*.test.ts): the interface texts in each language
 * (read from the web's own message files, so tests check what people really see), requests and
 * volunteers written straight into the database, API calls as a demo account, and browser
 * contexts in a language, signed in or not, with or without JavaScript.
 */
import { schema } from '@board/db';
import { documentTokens, type Category, type RequestStatus } from '@board/shared';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { accessTokenFor } from '../src/harness/sessions.ts';
import type { TestApp } from '../src/harness/test-app.ts';
import type { Lang } from './texts.ts';
import { signedInContext, userIdOf } from '../src/people/browser-people.ts';

export { demo, userIdOf } from '../src/people/browser-people.ts';
export { langs, texts, type Lang } from './texts.ts';

export const demoTitles = {
  flyer: '夏祭りのチラシを作ってください',
  photo: '防災訓練の写真撮影',
  garbage: 'ごみ出しルールをやさしい日本語と英語に',
  smartphone: '高齢者向けスマホ教室の講師',
} as const;

export interface Session {
  context: BrowserContext;
  page: Page;
}

/** A fresh browser context (a phone, by default) in `lang`, signed in as `as` when given. */
export function openAs(
  browser: Browser,
  t: TestApp,
  options: { as?: string; lang?: Lang; javaScript?: boolean } = {},
): Promise<Session> {
  return signedInContext(browser, t, options);
}

/** Goes to a page and waits until it has loaded (and, with JavaScript, hydrated). */
export async function visit(page: Page, t: TestApp, path: string) {
  const response = await page.goto(`${t.baseUrl}${path}`);
  await page.waitForLoadState('networkidle');
  return response;
}

/** Ids of the request cards on the page, in order. */
export async function cardIds(page: Page): Promise<string[]> {
  return page
    .locator('article[data-request-id]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-request-id')!));
}

/** Titles of the request cards on the page, in order. */
export async function cardTitles(page: Page): Promise<string[]> {
  return page.locator('article[data-request-id] h3').allInnerTexts();
}

const associationOf = {
  senju: { name: '千住一丁目町会', code: '13121', officer: 'officer.senju@demo.example' },
  umeda: { name: '梅田四丁目自治会', code: '13121', officer: 'officer.umeda@demo.example' },
  okubo: { name: '大久保二丁目町会', code: '13104', officer: 'officer.okubo@demo.example' },
  yotsuya: { name: '四谷三丁目町会', code: '13104', officer: 'officer.yotsuya@demo.example' },
} as const;
export type AssociationKey = keyof typeof associationOf;

export async function associationIdOf(t: TestApp, name: string): Promise<string> {
  const [row] = await t.database.handle.db
    .select({ id: schema.associations.id })
    .from(schema.associations)
    .where(eq(schema.associations.name, name));
  if (!row) throw new Error(`no association ${name}`);
  return row.id;
}

const day = 86_400_000;

/** A help request written straight into the database, as the seed does (published by default). */
export async function insertRequest(
  t: TestApp,
  values: {
    association?: AssociationKey;
    title: string;
    body?: string;
    category?: Category;
    status?: RequestStatus;
    slots?: number;
    matchedCount?: number;
    exactPlace?: string;
    area?: string;
    online?: boolean;
    skills?: string[];
    publishedAt?: Date;
    deadline?: Date | null;
    startsAt?: Date | null;
  },
): Promise<string> {
  const association = associationOf[values.association ?? 'senju'];
  const body = values.body ?? 'テストの依頼です。';
  const status = values.status ?? 'published';
  const [row] = await t.database.handle.db
    .insert(schema.helpRequests)
    .values({
      municipalityCode: association.code,
      associationId: await associationIdOf(t, association.name),
      createdBy: await userIdOf(t, association.officer),
      title: values.title,
      body,
      category: values.category ?? 'other',
      skills: values.skills ?? [],
      slots: values.slots ?? 1,
      matchedCount: values.matchedCount ?? 0,
      whenKind: values.startsAt ? 'at' : 'flexible',
      startsAt: values.startsAt ?? null,
      area: values.area ?? '一丁目',
      exactPlace: values.exactPlace ?? '',
      online: values.online ?? false,
      status,
      applicationDeadline: values.deadline === undefined ? new Date(Date.now() + 30 * day) : values.deadline,
      searchTokens: documentTokens(values.title, body),
      publishedAt: ['published', 'filled', 'completed'].includes(status) ? (values.publishedAt ?? new Date()) : null,
    })
    .returning({ id: schema.helpRequests.id });
  return row!.id;
}

/** The id of a demo request by its title. */
export async function requestIdByTitle(t: TestApp, title: string): Promise<string> {
  const [row] = await t.database.handle.db
    .select({ id: schema.helpRequests.id })
    .from(schema.helpRequests)
    .where(eq(schema.helpRequests.title, title));
  if (!row) throw new Error(`no request ${title}`);
  return row.id;
}

let unique = 0;
/** A volunteer account made directly in the database; email not confirmed unless told. */
export async function createVolunteer(
  t: TestApp,
  options: { verified?: boolean; displayName?: string; phone?: string } = {},
): Promise<{ id: string; email: string }> {
  unique += 1;
  const email = `board.volunteer.${Date.now().toString(36)}${unique}@example.jp`;
  const db = t.database.handle.db;
  const [row] = await db
    .insert(schema.users)
    .values({
      email,
      emailVerifiedAt: options.verified ? new Date() : null,
      displayName: options.displayName ?? `テスト 腕きき ${unique}`,
      language: 'ja',
      phone: options.phone ?? null,
    })
    .returning({ id: schema.users.id });
  await db.insert(schema.roleAssignments).values({ userId: row!.id, role: 'volunteer' });
  return { id: row!.id, email };
}

/** Calls the API as a demo (or any) account, as a phone app would: a bearer token, JSON. */
export async function apiAs(
  t: TestApp,
  email: string,
  method: 'GET' | 'POST',
  url: string,
  payload?: unknown,
): Promise<{ status: number; body: unknown }> {
  const token = await accessTokenFor(t, await userIdOf(t, email));
  const response = await t.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}` },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
  return { status: response.statusCode, body: response.body ? response.json() : null };
}

/** Rows of applications of one request (to prove what a form did or did not write). */
export async function applicationsOf(t: TestApp, requestId: string) {
  return t.database.handle.db.select().from(schema.applications).where(eq(schema.applications.requestId, requestId));
}

/**
 * Submits the form `data-form=name` by its (first) submit button and waits for the result: without
 * JavaScript a full page load; with it SvelteKit's enhanced submit, which answers in JSON, then
 * (after a success or a redirect) reloads the page's data, then re-renders.
 */
export async function submitForm(page: Page, name: string, scope?: ReturnType<Page['locator']>) {
  const form = (scope ?? page).locator(`form[data-form="${name}"]`).first();
  const button = form.locator('button[type="submit"]').first();
  const reloaded = page.waitForResponse((r) => r.url().includes('/__data.json'), { timeout: 15_000 });
  reloaded.catch(() => {});
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST', { timeout: 15_000 }),
    button.click(),
  ]);
  const enhanced = (response.headers()['content-type'] ?? '').includes('application/json');
  if (enhanced) {
    const result = (await response.json()) as { type: string };
    if (result.type === 'success' || result.type === 'redirect') await reloaded;
    // let Svelte apply the result and render
    await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
    await page.waitForTimeout(50);
  } else {
    await page.waitForLoadState('load');
  }
}
