import { schema } from '@board/db';
import { refreshFigures } from '@board/server/modules/figures/refresh';
import { eq } from 'drizzle-orm';
import { tokyoMonthOf } from '@board/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { quickPeriods } from '../../web/src/lib/figures/periods.ts';
import {
  demo,
  expectNoViolations,
  expectSummary,
  insertRequest,
  langs,
  newPerson,
  open,
  sidewaysScroll,
  t,
  texts,
  useBrowserApp,
  visitAs,
} from './kit/index.ts';

/**
 * The figures page of ward clerks and the foundation, and the public open data (issue 12): the
 * period form is a plain GET form, the charts are SVG drawn by the server, each with its table;
 * downloads are links. Without JavaScript, on a phone, axe-clean, in ja, en and やさしい日本語.
 */

useBrowserApp();

const phone = { viewport: { width: 390, height: 844 } };

/** Requests posted and published in June 2021 (足立区: 6; 新宿区: 2), then the rollups refreshed. */
beforeAll(async () => {
  const at = new Date('2021-06-10T01:00:00Z');
  const codes = ['13121', '13121', '13121', '13121', '13121', '13121', '13104', '13104'];
  for (const [i, code] of codes.entries()) {
    const id = await insertRequest(t, {
      title: `図表の依頼 ${i}`,
      municipalityCode: code,
      category: 'it_digital',
      publishedAt: at,
    });
    await t.database.handle.db.update(schema.helpRequests).set({ createdAt: at }).where(eq(schema.helpRequests.id, id));
  }
  await refreshFigures(t.app);
}, 120_000);

describe.each(langs)('figures in %s without JavaScript, at 390 px', (lang) => {
  const i18n = texts(lang);

  it('the clerk sees their ward: period facts, charts with tables, downloads', async () => {
    const { page, context } = await newPerson({ as: demo.staffAdachi, lang, javaScript: false, ...phone });
    const res = await open(page, t, '/staff/figures?from=2021-05&to=2021-06');
    expect(res?.status()).toBe(200);
    expect(await page.locator('h1').innerText()).toBe(i18n.t('figures.title'));
    expect(await page.locator('[data-fact="figures.posted"] dd').innerText()).toBe('6');
    expect(await page.locator('[data-fact="figures.published"] dd').innerText()).toBe('6');
    expect(await page.locator('[data-chart] svg[role="img"]').count()).toBe(5);
    expect(await page.locator('[data-chart="requests"] rect').count()).toBeGreaterThan(0);
    const juneRow = page.locator('[data-table="requests"] tbody tr').nth(1);
    expect(await juneRow.locator('td').first().innerText()).toBe('6');
    // a municipality filter only for the foundation
    expect(await page.locator('select[name="municipality"]').count()).toBe(0);
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    await expectNoViolations(page, `figures ${lang}`);

    const download = async (format: string) =>
      new URL(String(await page.locator(`[data-download="${format}"]`).getAttribute('href')), page.url()).href;
    const csv = await context.request.get(await download('csv'), { maxRedirects: 0 });
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(await csv.text()).toContain('2021-06');
    const json = await context.request.get(await download('json'));
    expect(JSON.parse(await json.text())).toMatchObject({ municipalityCode: '13121', period: { posted: 6 } });
    await context.close();
  });

  it('last fiscal year in one click, and the quick choice marks the period shown', async () => {
    const lastFiscalYear = quickPeriods(tokyoMonthOf(new Date())).find((p) => p.key === 'lastFiscalYear')!;
    const { page, context } = await visitAs('/staff/figures', {
      as: demo.staffAdachi,
      lang,
      javaScript: false,
      ...phone,
    });
    expect(await page.locator('[data-period]').count()).toBe(4);
    await page.locator('[data-period="lastFiscalYear"]').click();
    await page.waitForURL(`**/staff/figures?from=${lastFiscalYear.from}&to=${lastFiscalYear.to}`);
    expect(await page.locator('[data-period="lastFiscalYear"]').getAttribute('aria-current')).toBe('true');
    expect(await page.locator('[data-period="thisQuarter"]').getAttribute('aria-current')).toBeNull();
    // the figures shown are that period's
    const api = await context.request.get(
      `${t.baseUrl}/api/statistics?from=${lastFiscalYear.from}&to=${lastFiscalYear.to}`,
    );
    const { period } = JSON.parse(await api.text()) as { period: { posted: number; published: number } };
    expect(await page.locator('[data-fact="figures.posted"] dd').innerText()).toBe(String(period.posted));
    expect(await page.locator('[data-fact="figures.published"] dd').innerText()).toBe(String(period.published));
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    await expectNoViolations(page, `figures, quick periods ${lang}`);
    await context.close();
  });

  it('a wrong month gets a translated error and the form again', async () => {
    const { page, context } = await visitAs('/staff/figures?from=2021-13&to=2021-06', {
      as: demo.staffAdachi,
      lang,
      javaScript: false,
      ...phone,
    });
    await expectSummary(page);
    expect(await page.locator('main').innerText()).toContain(i18n.t('errors.field.MONTH_INVALID'));
    await expectNoViolations(page, `figures error ${lang}`);
    await context.close();
  });

  it('open data: anyone, licence stated, small cells withheld', async () => {
    const { page, context } = await newPerson({ lang, javaScript: false, ...phone });
    const res = await open(page, t, '/open-data?from=2021-06&to=2021-06');
    expect(res?.status()).toBe(200);
    expect(await page.locator('[data-licence]').innerText()).toContain('CC BY 4.0');
    const rows = page.locator('[data-table="open-data"] tbody tr');
    const adachi = rows.filter({ hasText: lang === 'en' ? 'Adachi' : '足立区' });
    expect(await adachi.locator('td').nth(1).innerText()).toBe('6');
    const shinjuku = rows.filter({ hasText: lang === 'en' ? 'Shinjuku' : '新宿区' });
    expect(await shinjuku.locator('td').nth(1).innerText()).toBe(i18n.t('figures.openData.suppressed'));
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    await expectNoViolations(page, `open data ${lang}`);
    await context.close();
  });
});

describe('figures: who sees what', () => {
  it('the foundation picks a municipality or all Tokyo; a volunteer is refused', async () => {
    const { page, context } = await visitAs('/staff/figures?from=2021-06&to=2021-06', {
      as: demo.foundation,
      lang: 'ja',
    });
    expect(await page.locator('[data-fact="figures.posted"] dd').innerText()).toBe('8');
    await page.locator('select[name="municipality"]').selectOption('13104');
    await page.locator('form[data-form="figures-filter"] button[type="submit"]').click();
    await page.waitForURL(/municipality=13104/);
    expect(await page.locator('[data-fact="figures.posted"] dd').innerText()).toBe('2');
    // a quick period keeps the municipality chosen
    await page.locator('[data-period="lastQuarter"]').click();
    await page.waitForURL(/municipality=13104&from=\d{4}-\d{2}&to=\d{4}-\d{2}$/);
    // a client-side move: the page renders its new data just after the address changes
    await expect.poll(() => page.locator('[data-period="lastQuarter"]').getAttribute('aria-current')).toBe('true');
    expect(await page.locator('select[name="municipality"]').inputValue()).toBe('13104');
    await expectNoViolations(page, 'figures with JavaScript');
    await context.close();
    expect((await visitAs('/staff/figures', { as: demo.volunteer1, javaScript: false })).status).toBe(403);
  });
});
