/**
 * Issue 15, phone screens and signing in: the header stays short on a phone for every role and
 * language (with and without JavaScript), its menus work without JavaScript, officers land on
 * their requests, and the language saved in a profile follows the person to a new browser.
 */
import { schema } from '@board/db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { t, useBrowserApp } from './kit/boot.ts';
import { open, openHeaderMenu, sidewaysScroll, submit } from './kit/pages.ts';
import { demo, demoPassword, newPerson, phone, signInOnPage, visitAs } from './kit/people.ts';
import { texts } from './kit/texts.ts';

useBrowserApp();

const roles = [
  { who: 'signed out', as: null },
  { who: 'volunteer', as: demo.volunteer3 },
  { who: 'officer', as: demo.officerOkubo },
  { who: 'municipal staff', as: demo.staffAdachi },
  { who: 'foundation staff', as: demo.foundation },
];

describe('the header on a 390 px phone', () => {
  it.each(roles)(
    'is at most 160 px tall for $who in ja, en and やさしい日本語, without sideways scrolling',
    async (role) => {
      for (const lang of ['ja', 'en', 'ja-easy'] as const) {
        for (const javaScript of [true, false]) {
          const { context, page } = await visitAs('/requests', { as: role.as, lang, javaScript, viewport: phone });
          const height = await page.locator('header.site-header').evaluate((el) => el.getBoundingClientRect().height);
          expect(height, `${role.who} ${lang} JavaScript ${javaScript}`).toBeLessThanOrEqual(160);
          const overflow = await sidewaysScroll(page);
          expect(overflow, `${lang} JavaScript ${javaScript}`).toBeLessThanOrEqual(0);
          await context.close();
        }
      }
    },
  );

  it.each([true, false])('opens the account menu and signs out (JavaScript %s)', async (javaScript) => {
    const i18n = texts('ja');
    const { context, page } = await visitAs('/requests', { as: demo.volunteer3, javaScript, viewport: phone });
    const header = page.locator('header');
    expect(await header.getByRole('link', { name: i18n.t('auth.header.me') }).isVisible()).toBe(false);
    await openHeaderMenu(page, 'signed-in');
    expect(await header.getByRole('link', { name: i18n.t('auth.header.me') }).getAttribute('href')).toBe('/me');
    await submit(page, header.getByRole('button', { name: i18n.t('auth.header.signout') }));
    await expect.poll(() => page.locator('[data-testid=signed-in]').count(), { timeout: 10_000 }).toBe(0);
    await context.close();
  });
});

describe('signing in', () => {
  it('applies the language saved in the profile on a new browser, and takes an officer to their requests', async () => {
    await t.database.handle.db
      .update(schema.users)
      .set({ language: 'en' })
      .where(eq(schema.users.email, demo.officerSenju));
    // a browser that has never been here: Japanese by its own settings
    const { context, page } = await visitAs('/', { lang: null, locale: 'ja-JP' });
    expect(await page.getAttribute('html', 'lang')).toBe('ja');
    await signInOnPage(page, t, 'ja', demo.officerSenju, demoPassword);
    await page.waitForURL(`${t.baseUrl}/association/requests`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    // and it stays: the choice is remembered in this browser
    await open(page, t, '/requests');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect((await context.cookies()).find((c) => c.name === 'lang')?.value).toBe('en');
    await context.close();
  });

  it('keeps a language chosen on this browser before signing in', async () => {
    const { context, page } = await newPerson({ lang: 'ja-easy' });
    await signInOnPage(page, t, 'ja-easy', demo.officerSenju, demoPassword);
    await page.waitForURL(`${t.baseUrl}/association/requests`);
    expect(await page.getAttribute('html', 'data-variant')).toBe('easy');
    await context.close();
  });

  it('still returns to the page the person came from', async () => {
    const { context, page } = await visitAs('/signin?returnTo=%2Frequests', { lang: 'ja' });
    await page.locator('#signin-email').fill(demo.officerOkubo);
    await page.locator('#signin-password').fill(demoPassword);
    await submit(page, page.getByRole('button', { name: texts('ja').t('auth.signin.submit'), exact: true }));
    await page.waitForURL(`${t.baseUrl}/requests`);
    await context.close();
  });
});

describe('the tab names the page', () => {
  it.each(['ja', 'en', 'ja-easy'] as const)(
    'in %s: the home page is the board alone, another page its heading first, a missing page says so',
    async (lang) => {
      const i18n = texts(lang);
      const { context, page } = await visitAs('/', { lang });
      expect(await page.title()).toBe(i18n.t('site.name'));
      await open(page, t, '/requests');
      expect(await page.title()).toBe(i18n.t('meta.title', { page: i18n.t('board.title') }));
      expect(await page.locator('h1').innerText()).toBe(i18n.t('board.title'));
      await open(page, t, '/no-such-page');
      expect(await page.title()).toBe(i18n.t('meta.title', { page: i18n.t('error.title.notFound') }));
      await context.close();
    },
  );
});

describe('an address that names nothing', () => {
  // each page whose address names a thing, as someone who may open such a page, with a malformed name
  const malformed = [
    { path: '/requests/123', as: null },
    { path: '/stories/x', as: null },
    { path: '/matches/not-a-match', as: demo.volunteer3 },
    { path: '/matches/not-a-match/story', as: demo.volunteer3 },
    { path: '/matches/not-a-match/calendar.ics', as: demo.volunteer3 },
    { path: '/volunteers/x', as: demo.officerOkubo },
    { path: '/association/requests/x', as: demo.officerOkubo },
    { path: '/association/requests/x/edit', as: demo.officerOkubo },
    { path: '/staff/matches/x', as: demo.foundation },
    { path: '/staff/moderation/x', as: demo.staffAdachi },
    { path: '/staff/associations/x', as: demo.staffAdachi },
    { path: '/staff/municipalities/99999', as: demo.foundation },
  ];
  // well-formed, but nothing has it: the API's 404 (a request: also one the reader may not see)
  const unknown = '6f1c2b1e-3d4a-4c5b-8e9f-0a1b2c3d4e5f';
  const missing = [
    { path: `/requests/${unknown}`, as: null },
    { path: `/stories/${unknown}`, as: null },
    { path: `/matches/${unknown}`, as: demo.volunteer3 },
    { path: `/matches/${unknown}/story`, as: demo.volunteer3 },
    { path: `/volunteers/${unknown}`, as: demo.officerOkubo },
    { path: `/association/requests/${unknown}`, as: demo.officerOkubo },
    { path: `/staff/matches/${unknown}`, as: demo.foundation },
    { path: `/staff/moderation/${unknown}`, as: demo.staffAdachi },
    { path: `/staff/associations/${unknown}`, as: demo.staffAdachi },
    { path: '/staff/municipalities/13999', as: demo.foundation },
  ];
  it.each([...malformed, ...missing])('$path is a page not found, in the reader’s language', async ({ path, as }) => {
    const { page, context, status } = await visitAs(path, { as, lang: 'ja-easy' });
    expect(status).toBe(404);
    expect(await page.locator('h1').innerText()).toBe(texts('ja-easy').t('error.title.notFound'));
    await context.close();
  });
});
