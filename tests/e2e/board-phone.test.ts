import { schema } from '@board/db';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  cardTitles,
  demoTitles,
  insertRequest,
  langs,
  newPage,
  open,
  phone,
  requestIdByTitle,
  runsJavaScript,
  t,
  texts,
  useBrowserApp,
  type Lang,
} from './kit/index.ts';

/**
 * The board for a volunteer on a phone (issue 15), in numbers: after a search at 390 × 800 px the
 * result count and the first result are on the first screen, in three languages, with and without
 * JavaScript; the filters fold behind one button on a phone and show on a wide screen; only
 * requests still taking hands by default, "show full ones too" as a filter; a language filter and
 * a language chip on each card; English words and kana readings find Japanese requests.
 */

const desktop = { width: 1280, height: 800 };

/** every slot taken: off the board unless full ones are asked for */
const fullTitle = '集会所の椅子運び（人数がそろいました）';

useBrowserApp();
beforeAll(async () => {
  await insertRequest(t, {
    title: fullTitle,
    category: 'manual_labour',
    status: 'filled',
    slots: 2,
    matchedCount: 2,
  });
  // one request that can be done in やさしい日本語 (the demo has English only)
  const easy = await insertRequest(t, { title: 'お祭りの受付（やさしい日本語で大丈夫）', category: 'event_running' });
  await t.database.handle.db
    .update(schema.helpRequests)
    .set({ languages: ['ja', 'ja-easy'] })
    .where(eq(schema.helpRequests.id, easy));
}, 120_000);

/** Top and bottom of an element in the viewport, in CSS px. */
async function box(page: Page, selector: string): Promise<{ top: number; bottom: number; height: number }> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, height: r.height };
    });
}

/** Submits the filter form and waits for the results of the search to be shown. */
async function search(page: Page): Promise<void> {
  const button = page.locator('form[data-form="filters"] button[type="submit"]').first();
  if (runsJavaScript(page)) {
    await Promise.all([page.waitForURL((url) => url.searchParams.size > 0), button.click()]);
    await page.waitForFunction(() => document.activeElement?.id === 'results-heading');
  } else {
    await Promise.all([page.waitForEvent('load'), button.click()]);
  }
  // measured once the page stands still: the landing may scroll smoothly (the site's CSS)
  let last = -1;
  for (let tries = 0; tries < 50; tries++) {
    const y = await page.evaluate(() => window.scrollY);
    if (y === last) return;
    last = y;
    await page.waitForTimeout(150);
  }
  throw new Error('the page kept scrolling');
}

/** The English word, the Japanese word and the kana reading: each finds the photo shoot (写真). */
const words: Record<Lang, string> = { ja: '写真', en: 'photo', 'ja-easy': 'しゃしん' };

describe('after a search at 390 px the count and the first result are on the first screen', () => {
  const combos = langs.flatMap((lang) => [true, false].map((javaScript) => ({ lang, javaScript })));

  it.each(combos)('$lang, JavaScript $javaScript', async ({ lang, javaScript }) => {
    const i18n = texts(lang);
    const page = await newPage({ lang, javaScript, viewport: phone });
    await open(page, t, '/requests');
    // before: the results start below the first screen (so the numbers below can fail)
    expect((await box(page, '[data-testid="result-count"]')).top).toBeGreaterThan(phone.height);
    // the filters are folded: the search words and one button, the category hidden
    expect(await page.locator('#filter-category').isVisible()).toBe(false);
    expect(await page.locator('[data-fold="filters"] > summary').isVisible()).toBe(true);

    await page.fill('#filter-q', words[lang]);
    await search(page);

    expect(new URL(page.url()).searchParams.get('q')).toBe(words[lang]);
    const titles = await cardTitles(page);
    expect(titles).toContain(demoTitles.photo);
    const count = await box(page, '[data-testid="result-count"]');
    const first = await box(page, 'article[data-request-id] h3');
    expect(count.top).toBeGreaterThanOrEqual(0);
    expect(count.bottom).toBeLessThanOrEqual(phone.height);
    expect(first.top).toBeGreaterThan(count.bottom);
    expect(first.bottom).toBeLessThanOrEqual(phone.height);
    expect(await page.getByTestId('result-count').innerText()).toBe(
      i18n.t('board.results.count', { count: titles.length }),
    );
    if (javaScript) {
      // focus is on the results heading, which names the count
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-describedby'))).toBe('result-count');
    } else {
      // the browser landed on the results through the form's fragment
      expect(new URL(page.url()).hash).toBe('#results-heading');
    }
    await page.context().close();
  });
});

describe('the filters fold on a phone and show on a wide screen', () => {
  it.each([true, false])('JavaScript %s', async (javaScript) => {
    const wide = await newPage({ javaScript, viewport: desktop });
    await open(wide, t, '/requests');
    expect(await wide.locator('#filter-category').isVisible()).toBe(true);
    expect(await wide.locator('#filter-language').isVisible()).toBe(true);
    expect(await wide.locator('[data-fold="filters"] > summary').isVisible()).toBe(false);
    await wide.context().close();

    for (const lang of langs) {
      const small = await newPage({ lang, javaScript, viewport: phone });
      await open(small, t, '/requests');
      const summary = await box(small, '[data-fold="filters"] > summary');
      // one button, a large tap target, on the first screen
      expect(summary.height, lang).toBeGreaterThanOrEqual(48);
      expect(summary.bottom, lang).toBeLessThanOrEqual(phone.height);
      await small.locator('[data-fold="filters"] > summary').click();
      expect(await small.locator('#filter-category').isVisible()).toBe(true);
      await small.context().close();
    }
  });
});

describe('only requests still taking hands by default; full ones as a filter', () => {
  it.each([true, false])('JavaScript %s', async (javaScript) => {
    const i18n = texts('en');
    const page = await newPage({ lang: 'en', javaScript, viewport: phone });
    await open(page, t, '/requests?category=manual_labour');
    expect(await cardTitles(page)).not.toContain(fullTitle);
    const before = await page.getByTestId('result-count').innerText();

    await page.locator('[data-fold="filters"] > summary').click();
    await page.getByLabel(i18n.t('board.filters.includeFull')).check();
    await search(page);

    expect(new URL(page.url()).searchParams.get('includeFull')).toBe('1');
    const titles = await cardTitles(page);
    expect(titles).toContain(fullTitle);
    // the count follows the filter
    expect(await page.getByTestId('result-count').innerText()).toBe(
      i18n.t('board.results.count', { count: titles.length }),
    );
    expect(await page.getByTestId('result-count').innerText()).not.toBe(before);
    const full = page.locator('article[data-request-id]', { hasText: fullTitle });
    expect(await full.locator('[data-availability]').getAttribute('data-availability')).toBe('filled');
    // the box stays ticked, and the fold's button says two filters are set (the category too)
    expect(await page.getByLabel(i18n.t('board.filters.includeFull')).isChecked()).toBe(true);
    expect(await page.locator('[data-fold="filters"] > summary').innerText()).toContain(
      i18n.t('board.filters.chosen', { count: 2 }),
    );
    await page.context().close();
  });
});

describe('a language filter, and the language on each card', () => {
  it.each([
    { lang: 'en' as const, code: 'en', finds: demoTitles.garbage, javaScript: true },
    { lang: 'ja-easy' as const, code: 'ja-easy', finds: 'お祭りの受付（やさしい日本語で大丈夫）', javaScript: false },
  ])('$lang: "$code OK" (JavaScript $javaScript)', async ({ lang, code, finds, javaScript }) => {
    const i18n = texts(lang);
    const page = await newPage({ lang, javaScript, viewport: phone });
    await open(page, t, '/requests');
    const label = i18n.t('board.language.ok', {
      language: code === 'en' ? i18n.t('account.spoken.en') : i18n.t('board.language.jaEasy'),
    });
    // the card says it before any filter: the English reader's first question
    const card = page.locator(`article[data-request-id="${await requestIdByTitle(t, finds)}"]`);
    expect(await card.locator(`[data-language="${code}"]`).innerText()).toBe(label);

    await page.locator('[data-fold="filters"] > summary').click();
    await page.selectOption('#filter-language', code);
    await search(page);

    expect(new URL(page.url()).searchParams.get('language')).toBe(code);
    const titles = await cardTitles(page);
    expect(titles).toEqual([finds]);
    expect(await page.getByTestId('result-count').innerText()).toBe(i18n.t('board.results.count', { count: 1 }));
    // the choice stays shown (inside the fold, closed again after a page load without JavaScript)
    const chosen = await page
      .locator('#filter-language')
      .evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.text);
    expect(chosen?.trim()).toBe(label);
    await page.context().close();
  });
});
