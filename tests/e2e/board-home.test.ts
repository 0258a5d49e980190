import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations } from '../src/harness/browser.ts';
import { t, useBrowserApp } from './kit/boot.ts';
import { open } from './kit/pages.ts';
import { expectNoSidewaysScrollAt, newPerson, visitAs } from './kit/people.ts';
import type { Lang } from './kit/texts.ts';

/**
 * The home page (/) in a real browser: the active municipalities, the language of the page and its
 * switcher; readable on a small phone. The board it leads to: board-list.test.ts.
 */

useBrowserApp();

async function openLanguageMenu(page: Page) {
  await page.locator('[data-testid=language-menu] > summary').click();
}

const languages: { cookie: Lang; htmlLang: string; variant: string; siteName: string; adachi: string }[] = [
  { cookie: 'ja', htmlLang: 'ja', variant: 'standard', siteName: 'まちの腕きき掲示板', adachi: '足立区' },
  { cookie: 'en', htmlLang: 'en', variant: 'standard', siteName: 'Machi no Udekiki', adachi: 'Adachi City' },
  { cookie: 'ja-easy', htmlLang: 'ja', variant: 'easy', siteName: 'けいじばん', adachi: 'あだちく' },
];

describe('home page in a browser', () => {
  it.each(languages)('renders in $cookie with the 14 active municipalities and no axe violations', async (lang) => {
    const { context, page } = await newPerson({ lang: lang.cookie });
    const response = await open(page, t, '/');
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe(lang.htmlLang);
    expect(await page.getAttribute('html', 'data-variant')).toBe(lang.variant);
    expect(await page.locator('header').innerText()).toContain(lang.siteName);
    await expect.poll(() => page.locator('li[data-code]').count()).toBe(14);
    expect(await page.locator('li[data-code="13121"]').innerText()).toContain(lang.adachi);
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('falls back to the browser language when no choice was made', async () => {
    const { context, page } = await visitAs('/', { lang: null, locale: 'en-US' });
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await context.close();
  });

  it.each([true, false])(
    'the switcher changes and remembers the language (JavaScript %s)',
    async (javaScriptEnabled) => {
      const { context, page } = await visitAs(`/?from=test`, { lang: null, javaScript: javaScriptEnabled });
      expect(await page.getAttribute('html', 'lang')).toBe('ja');
      // one compact control in the header; it opens (without JavaScript too) onto the three languages
      await openLanguageMenu(page);
      await page.getByRole('button', { name: 'English' }).click();
      await expect.poll(() => page.getAttribute('html', 'lang'), { timeout: 10_000 }).toBe('en');
      expect(new URL(page.url()).search).toBe('?from=test');
      await openLanguageMenu(page);
      expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
      // remembered: a fresh visit stays in English
      await open(page, t, '/');
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      const cookies = await context.cookies();
      expect(cookies.find((c) => c.name === 'lang')?.value).toBe('en');
      await openLanguageMenu(page);
      await page.getByRole('button', { name: 'やさしい にほんご' }).click();
      await expect.poll(() => page.getAttribute('html', 'data-variant')).toBe('easy');
      await context.close();
    },
  );

  it('is readable at 320px wide without sideways scrolling', async () => {
    await expectNoSidewaysScrollAt(['/'], { lang: null });
  });
});
