/**
 * Issue 13, reading comfort: in やさしい日本語 what people wrote shows readings over its kanji
 * (<ruby>, made by the server when the text was written); a reader of Japanese turns them on, one
 * of やさしい日本語 off, and chooses the text size, with plain forms that work without JavaScript.
 * The text itself stays as written. axe in the three languages.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoViolations, newPage, open, requestThroughApi, submit, t, texts, useBrowserApp } from './kit/index.ts';

useBrowserApp();

let requestId: string;

beforeAll(async () => {
  requestId = await requestThroughApi(t, 'approved');
}, 120_000);

describe('furigana', () => {
  it.each([true, false])('shows readings over kanji in やさしい日本語, not in Japanese (JS %s)', async (js) => {
    const easy = await newPage({ lang: 'ja-easy', javaScript: js });
    await open(easy, t, `/requests/${requestId}`);
    const title = easy.locator('main h1').first();
    expect(await title.locator('ruby').count()).toBeGreaterThan(0);
    expect(await title.locator('rt').allTextContents()).toEqual(['ぼうさい', 'くんれん', 'うけつけ']);
    // the words themselves are as written: the readings are the only addition
    const withoutReadings = await title.evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('rt, rp').forEach((n) => n.remove());
      return copy.textContent?.trim();
    });
    expect(withoutReadings).toBe('防災訓練の受付');
    expect(await easy.locator('main [data-furigana] rt').allTextContents()).toContain('さが');
    // axe runs in the page: only where JavaScript runs
    if (js) await expectNoViolations(easy, 'request page with furigana');

    const ja = await newPage({ lang: 'ja', javaScript: js });
    await open(ja, t, `/requests/${requestId}`);
    expect(await ja.locator('main ruby').count()).toBe(0);
  });

  it.each([true, false])('a reader of Japanese turns furigana on, and off again (JS %s)', async (js) => {
    const ja = texts('ja');
    const page = await newPage({ lang: 'ja', javaScript: js });
    await open(page, t, `/requests/${requestId}`);
    await submit(page, '[data-testid=reading-comfort] form', ja.t('languages.comfort.on'));
    expect(page.url()).toContain(`/requests/${requestId}`);
    expect(await page.locator('main ruby').count()).toBeGreaterThan(0);
    await submit(page, '[data-testid=reading-comfort] form', ja.t('languages.comfort.off'));
    expect(await page.locator('main ruby').count()).toBe(0);
  });

  it('the board shows the title with readings in やさしい日本語', async () => {
    const page = await newPage({ lang: 'ja-easy' });
    await open(page, t, '/requests?q=ぼうさい');
    const card = page.locator(`[data-request-id="${requestId}"]`);
    expect(await card.locator('h3 rt').allTextContents()).toEqual(['ぼうさい', 'くんれん', 'うけつけ']);
    // screen readers get the title once, as written: the readings are for the eyes (Playwright's
    // name computation puts a space around each <ruby>, hence \s*)
    const plainTitle = /^防災\s*訓練\s*の\s*受付$/;
    expect(await card.getByRole('link', { name: plainTitle }).count()).toBe(1);
    await open(page, t, `/requests/${requestId}`);
    expect(await page.locator('main h1 rt[aria-hidden="true"]').count()).toBe(3);
    expect(await page.getByRole('heading', { level: 1, name: plainTitle }).count()).toBe(1);
  });
});

describe('text size', () => {
  it.each(['ja', 'en', 'ja-easy'] as const)('is chosen and remembered in %s, without JavaScript too', async (lang) => {
    const i18n = texts(lang);
    const page = await newPage({ lang, javaScript: lang !== 'ja-easy' });
    await open(page, t, '/requests');
    const size = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    expect(await size()).toBe('18px');
    await submit(page, '[data-testid=reading-comfort] form', i18n.t('languages.comfort.size.xlarge'));
    expect(await page.locator('html').getAttribute('data-text-size')).toBe('xlarge');
    expect(await size()).toBe('24px');
    await open(page, t, `/requests/${requestId}`);
    expect(await size()).toBe('24px');
    // no sideways scrolling on a phone at the largest size
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    // axe runs in the page: only where JavaScript runs
    if (lang !== 'ja-easy') await expectNoViolations(page, `request page at extra large text (${lang})`);
  });
});
