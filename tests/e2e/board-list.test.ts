import { beforeAll, describe, expect, it } from 'vitest';
import { t, useBrowserApp } from './kit/boot.ts';
import { cardIds, cardTitles, open } from './kit/pages.ts';
import { expectNoSidewaysScrollAt, newPage } from './kit/people.ts';
import { demoTitles, insertRequest } from './kit/scene.ts';
import { langs, texts } from './kit/texts.ts';

/**
 * The board (/requests) in a real browser: listing, filters, search, sort, pages, shareable URLs.
 * The home page that leads to it: board-home.test.ts.
 */

/** requests made for paging: 25 of category "other" in 新宿区, published a month ago */
const pagedIds: string[] = [];

useBrowserApp();
beforeAll(async () => {
  const monthAgo = Date.now() - 30 * 86_400_000;
  for (let i = 0; i < 25; i++) {
    pagedIds.push(
      await insertRequest(t, {
        association: i % 2 === 0 ? 'okubo' : 'yotsuya',
        title: `ページ送りの確認 ${String(i + 1).padStart(2, '0')}`,
        category: 'other',
        publishedAt: new Date(monthAgo + i * 60_000),
        deadline: new Date(Date.now() + (40 + i) * 86_400_000),
      }),
    );
  }
}, 120_000);

describe('the board lists published requests for anyone', () => {
  it.each(langs)('in %s, signed out: the demo requests, with badges in words', async (lang) => {
    const i18n = texts(lang);
    const page = await newPage({ lang });
    const response = await open(page, t, '/requests');
    expect(response?.status()).toBe(200);
    expect(await page.locator('h1').innerText()).toBe(i18n.t('board.title'));
    const titles = await cardTitles(page);
    for (const title of [demoTitles.flyer, demoTitles.photo, demoTitles.garbage]) expect(titles).toContain(title);
    // drafts and requests in review never show
    expect(titles).not.toContain('町会のLINEグループを作りたい');
    expect(titles).not.toContain('町会の会計帳簿をパソコンで');

    const photo = page.locator('article[data-request-id]', { hasText: demoTitles.photo });
    expect(await photo.innerText()).toContain(i18n.t('board.availability.open', { count: 2 }));
    expect(await photo.innerText()).toContain(i18n.t('account.category.photo_video'));
    // finished work leaves the board (its page stays readable by link)
    expect(titles).not.toContain(demoTitles.smartphone);
    // more than one page: a "next page" link
    expect(await page.locator('a[data-page="next"]').innerText()).toBe(i18n.t('board.pages.next'));
  });

  it('the header and the home page lead to the board', async () => {
    const page = await newPage({ lang: 'ja' });
    await open(page, t, '/');
    const link = page.locator('main a[href="/requests"]').first();
    await Promise.all([page.waitForURL(/\/requests$/), link.click()]);
    await expect.poll(() => page.locator('h1').innerText()).toBe(texts('ja').t('board.title'));
    expect(await page.locator('header a[href="/requests"]').count()).toBe(1);
  });
});

describe('filters, search and sort', () => {
  it.each([true, false])(
    'municipality and category through the form, and the URL reproduces it (JavaScript %s)',
    async (javaScript) => {
      const page = await newPage({ javaScript });
      await open(page, t, '/requests');
      // on a phone the filters fold behind one button; the wards and cities fold inside it
      await page.locator('[data-fold="filters"] > summary').click();
      await page.locator('[data-fold="filters"] details.disclosure summary').first().click();
      await page.check('input[name="municipalities"][value="13121"]');
      await page.selectOption('#filter-category', 'photo_video');
      await Promise.all([
        page.waitForURL((url) => url.searchParams.get('category') === 'photo_video'),
        page.locator('form[data-form="filters"] button[type="submit"]').click(),
      ]);
      await page.waitForLoadState('networkidle');
      // the address is tidy: blanks of the form are dropped
      const url = new URL(page.url());
      expect(url.search).toBe('?category=photo_video&municipalities=13121');
      expect(await cardTitles(page)).toEqual([demoTitles.photo]);
      expect(await page.locator('#filter-category').inputValue()).toBe('photo_video');
      expect(await page.isChecked('input[name="municipalities"][value="13121"]')).toBe(true);
      // one municipality: its Atom feed is offered to feed readers and people
      const alternate = page.locator('link[rel="alternate"][type="application/atom+xml"]');
      expect(await alternate.getAttribute('href')).toBe('/api/municipalities/13121/feed.atom');
      expect(await page.locator('a[data-feed="13121"]').count()).toBe(1);
      const feed = await page.request.get(`${t.baseUrl}/api/municipalities/13121/feed.atom`);
      expect(feed.headers()['content-type']).toContain('application/atom+xml');

      // the same URL in a fresh browser without JavaScript gives the same page
      const other = await newPage({ javaScript: false, lang: 'en' });
      await open(other, t, `/requests${url.search}`);
      expect(await cardTitles(other)).toEqual([demoTitles.photo]);
      expect(await other.locator('#filter-category').inputValue()).toBe('photo_video');
    },
  );

  it.each([
    // katakana チラシ is found by hiragana ちらし; nothing else mentions flyers
    { q: 'ちらし', title: demoTitles.flyer, absent: [demoTitles.photo, demoTitles.garbage], javaScript: true },
    // a two-character word; the flyer's body also mentions 写真, the garbage rules do not
    { q: '写真', title: demoTitles.photo, absent: [demoTitles.garbage], javaScript: false },
  ])('search 「$q」 finds 「$title」 (JavaScript $javaScript)', async ({ q, title, absent, javaScript }) => {
    const page = await newPage({ javaScript });
    await open(page, t, '/requests');
    await page.fill('#filter-q', q);
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('q') === q),
      page.locator('form[data-form="filters"] button[type="submit"]').click(),
    ]);
    await page.waitForLoadState('networkidle');
    expect(await cardTitles(page)).toContain(title);
    for (const other of absent) expect(await cardTitles(page)).not.toContain(other);
    expect(await page.locator('#filter-q').inputValue()).toBe(q);
  });

  it('no results: says so with a hint and a way back', async () => {
    const i18n = texts('ja-easy');
    const page = await newPage({ lang: 'ja-easy', javaScript: false });
    await open(page, t, `/requests?q=${encodeURIComponent('存在しないことばの組み合わせ')}`);
    expect(await cardIds(page)).toEqual([]);
    expect(await page.locator('main').innerText()).toContain(i18n.t('board.results.none'));
    expect(await page.locator('main').innerText()).toContain(i18n.t('board.results.noneHintFiltered'));
  });

  it('a bad date range is explained beside the field', async () => {
    const i18n = texts('en');
    const page = await newPage({ lang: 'en', javaScript: false });
    await open(page, t, '/requests?from=2026-08-10&to=2026-08-01');
    expect(await page.locator('#filter-to-error').innerText()).toContain(i18n.t('errors.field.DATE_RANGE_INVALID'));
    expect(await page.locator('[data-testid="error-summary"] a[href="#filter-to"]').count()).toBe(1);
  });

  it.each([true, false])('the sort switch orders by deadline and back (JavaScript %s)', async (javaScript) => {
    const page = await newPage({ javaScript });
    await open(page, t, '/requests?includeFull=1');
    expect(await page.locator('a[data-sort="newest"]').getAttribute('aria-current')).toBe('true');
    const newest = await cardTitles(page);
    // newest first: the demo requests (published three days ago) before the month-old ones
    expect(newest.indexOf(demoTitles.flyer)).toBeLessThan(newest.indexOf('ページ送りの確認 25'));

    await Promise.all([page.waitForURL(/sort=deadline/), page.locator('a[data-sort="deadline"]').click()]);
    await page.waitForLoadState('networkidle');
    expect(new URL(page.url()).search).toBe('?includeFull=1&sort=deadline');
    expect(await page.locator('a[data-sort="deadline"]').getAttribute('aria-current')).toBe('true');
    const byDeadline = await cardTitles(page);
    // the photo shoot closes in 10 days, the flyer in 21, the translation in 25
    expect(byDeadline.slice(0, 3)).toEqual([demoTitles.photo, demoTitles.flyer, demoTitles.garbage]);
    // the filter stays on through the sort switch; a filter change keeps the sort
    expect(await page.isChecked('#filter-includeFull')).toBe(true);
    await page.fill('#filter-q', '防災');
    await Promise.all([page.waitForURL(/q=/), page.locator('form[data-form="filters"] button[type="submit"]').click()]);
    await page.waitForLoadState('networkidle');
    expect(new URL(page.url()).searchParams.get('sort')).toBe('deadline');

    await Promise.all([
      page.waitForURL((u) => !u.search.includes('sort')),
      page.locator('a[data-sort="newest"]').click(),
    ]);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('a[data-sort="newest"]').getAttribute('aria-current')).toBe('true');
  });

  it.each([true, false])('the next-page link walks all pages without gaps (JavaScript %s)', async (javaScript) => {
    const i18n = texts('ja');
    const page = await newPage({ javaScript });
    await open(page, t, '/requests?category=other');
    const first = await cardIds(page);
    expect(first).toHaveLength(20);
    // the count is of every page; the page says what it shows
    expect(await page.getByTestId('result-count').innerText()).toBe(i18n.t('board.results.count', { count: 25 }));
    expect(await page.getByTestId('result-page').innerText()).toBe(i18n.t('board.results.countMore', { count: 20 }));
    expect(await page.locator('a[data-page="first"]').count()).toBe(0);

    await Promise.all([page.waitForURL(/cursor=/), page.locator('a[data-page="next"]').click()]);
    await page.waitForLoadState('networkidle');
    const secondUrl = page.url();
    const second = await cardIds(page);
    expect(second).toHaveLength(5);
    expect(new Set([...first, ...second])).toEqual(new Set(pagedIds));
    expect(await page.locator('a[data-page="next"]').count()).toBe(0);
    expect(new URL(secondUrl).searchParams.get('category')).toBe('other');

    // the second page is a URL too
    const other = await newPage({ javaScript: false });
    await open(other, t, new URL(secondUrl).pathname + new URL(secondUrl).search);
    expect(await cardIds(other)).toEqual(second);

    await Promise.all([
      page.waitForURL((u) => !u.search.includes('cursor')),
      page.locator('a[data-page="first"]').click(),
    ]);
    await page.waitForLoadState('networkidle');
    expect(await cardIds(page)).toEqual(first);
  });

  it('every filter at once round-trips through the URL, with JavaScript off', async () => {
    const search =
      '?q=%E3%83%81%E3%83%A9%E3%82%B7&category=design_flyers&municipalities=13104&municipalities=13121&skills=Canva&onlineOnly=1&includeFull=1&sort=deadline';
    const page = await newPage({ javaScript: false });
    await open(page, t, `/requests${search}`);
    expect(new URL(page.url()).search).toBe(search);
    expect(await cardTitles(page)).toEqual([demoTitles.flyer]);
    // the form shows the same state, so submitting it again gives the same URL
    expect(await page.locator('#filter-q').inputValue()).toBe('チラシ');
    expect(await page.locator('#filter-skills').inputValue()).toBe('Canva');
    expect(await page.isChecked('#filter-onlineOnly')).toBe(true);
    await Promise.all([
      page.waitForLoadState('load'),
      page.locator('form[data-form="filters"] button[type="submit"]').click(),
    ]);
    expect(new URL(page.url()).search).toBe(search);
    expect(await cardTitles(page)).toEqual([demoTitles.flyer]);
  });
});

describe('the board on a small phone', () => {
  it.each(langs)('fits 320px without sideways scrolling (%s)', async (lang) => {
    await expectNoSidewaysScrollAt(['/requests'], { lang });
  });
});
