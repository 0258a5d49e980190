import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  matchThroughApi,
  demo,
  expectFieldError,
  expectNoViolations,
  expectSummary,
  insertRequest,
  newPerson,
  open,
  phone,
  t,
  texts,
  sidewaysScroll,
  useBrowserApp,
  visitAs,
  waitForHydration,
  type Lang,
  languageRuns,
} from './kit/index.ts';

/**
 * Match review and every request of the municipality (issue 12): a ward clerk filters the
 * matches (the filters fold on a phone, the table stacks at 390 px), opens one match's timeline,
 * lists every request in any state, downloads both as CSV; the foundation also picks a
 * municipality. In ja, en and やさしい日本語, with and without JavaScript, axe-clean.
 */

useBrowserApp();

const runs = languageRuns({ ja: true, en: false, 'ja-easy': true });

const titleOf = (lang: Lang) => `マッチ確認の依頼（${lang}）`;
const matchIds: Partial<Record<Lang, string>> = {};

beforeAll(async () => {
  for (const { lang } of runs) {
    const requestId = await insertRequest(t, { title: titleOf(lang), category: 'design_flyers' });
    const id = await matchThroughApi(t, 'confirmed', requestId, demo.volunteer1);
    await api(t, demo.officerSenju, 'POST', `/api/applications/${id}/thanks`, {
      note: 'ありがとうございました',
      rating: { score: 5, comment: '丁寧な仕事でした' },
    });
    matchIds[lang] = id;
  }
}, 120_000);

describe.each(runs)('match review in $lang (JavaScript: $javaScript)', ({ lang, javaScript }) => {
  const i18n = texts(lang);

  it('filters the matches on a phone, opens a timeline, downloads the CSV', async () => {
    const { page, context } = await visitAs('/staff', {
      as: demo.staffAdachi,
      lang,
      javaScript,
      acceptDownloads: true,
      viewport: phone,
    });
    const link = page.getByRole('link', { name: i18n.t('oversight.dashboard.matches') });
    expect(await link.getAttribute('href')).toBe('/staff/matches');
    expect(
      await page
        .getByRole('navigation', { name: i18n.t('staff.nav.label') })
        .getByRole('link', { name: i18n.t('oversight.nav.matches') })
        .count(),
    ).toBe(1);

    await open(page, t, '/staff/matches');
    // staff see their own municipality only: no municipality filter
    expect(await page.locator('#match-filter-municipality').count()).toBe(0);
    const filters = page.locator('details').filter({ hasText: i18n.t('oversight.matches.filterOpen') });
    expect(await filters.getAttribute('open')).toBeNull();
    await expectNoViolations(page, `matches ${lang}`);
    await filters.locator('summary').click();
    await page.locator('#match-filter-status').selectOption('confirmed');
    await page.locator('#match-filter-category').selectOption('design_flyers');
    await Promise.all([
      page.waitForURL(/status=confirmed/),
      page.getByRole('button', { name: i18n.t('oversight.filter.submit') }).click(),
    ]);
    await waitForHydration(page);
    const row = page.locator(`tr[data-match="${matchIds[lang]}"]`);
    expect(await row.getAttribute('data-status')).toBe('confirmed');
    expect(await page.locator('tr[data-match]:not([data-status="confirmed"])').count()).toBe(0);
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    await expectNoViolations(page, `matches filtered ${lang}`);

    // the CSV of the same filters: a file with a byte-order mark, holding the match
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: i18n.t('oversight.csv.download') }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^machi-udekiki-matches-\d{4}-\d{2}-\d{2}\.csv$/);
    const file = await readFile((await download.path())!);
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.toString('utf8')).toContain(matchIds[lang]!);

    // the timeline: an ordered list, oldest first, with the private rating
    await Promise.all([page.waitForURL(`**/staff/matches/${matchIds[lang]}`), row.getByRole('link').click()]);
    await waitForHydration(page);
    expect(await page.locator('h1').innerText()).toBe(titleOf(lang));
    const steps = await page
      .locator('ol[data-testid="timeline"] > li')
      .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-step')));
    expect(steps.slice(0, 2)).toEqual(['posted', 'published']);
    expect(steps).toEqual(
      expect.arrayContaining(['hand', 'accepted', 'done', 'confirmed', 'thanks_to_volunteer', 'rated_by_association']),
    );
    expect(steps.indexOf('accepted')).toBeLessThan(steps.indexOf('done'));
    expect(steps.indexOf('done')).toBeLessThan(steps.indexOf('confirmed'));
    expect(await page.locator('ol[data-testid="timeline"] li[data-step="hand"]').innerText()).toContain(
      i18n.t('oversight.step.handThis'),
    );
    expect(await page.getByTestId('ratings').innerText()).toContain('丁寧な仕事でした');
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    await expectNoViolations(page, `match ${lang}`);
    await context.close();
  });

  it('lists every request of the municipality in any state, and explains a bad date', async () => {
    const { page, context } = await newPerson({ as: demo.staffAdachi, lang, javaScript });
    const draft = await insertRequest(t, { title: `下書きの依頼（${lang}）`, status: 'draft' });
    await open(page, t, '/staff/requests?status=draft');
    expect(await page.locator(`tr[data-request="${draft}"]`).count()).toBe(1);
    expect(await page.locator('tr[data-request]:not([data-status="draft"])').count()).toBe(0);
    // another ward's requests never show, even published
    await open(page, t, '/staff/requests');
    expect(await page.locator('tbody').innerText()).not.toContain('大久保');
    await expectNoViolations(page, `requests ${lang}`);

    await open(page, t, '/staff/requests?from=2026-03-02&to=2026-03-01');
    await expectSummary(page);
    await expectFieldError(page, 'request-filter-to', i18n.t('errors.field.DATE_RANGE_INVALID'));
    expect(await page.locator('tbody tr').count()).toBe(0);
    await expectNoViolations(page, `requests bad date ${lang}`);
    await context.close();
  });
});

describe('who sees the pages', () => {
  it('the foundation picks a municipality; a volunteer is turned away', async () => {
    const { page, context } = await visitAs('/staff/matches?municipality=13104', { as: demo.foundation, lang: 'ja' });
    expect(await page.locator('#match-filter-municipality').inputValue()).toBe('13104');
    expect(await page.locator(`tr[data-match="${matchIds.ja}"]`).count()).toBe(0);
    await open(page, t, '/staff/matches?municipality=13121');
    expect(await page.locator(`tr[data-match="${matchIds.ja}"]`).count()).toBe(1);
    await context.close();

    expect((await visitAs('/staff/matches', { as: demo.volunteer1 })).status).toBe(403);
  });
});
