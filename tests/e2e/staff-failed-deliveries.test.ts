import { beforeAll, describe, expect, it } from 'vitest';
import { demo, expectNoViolations, languageRuns, open, t, texts, useBrowserApp, visitAs } from './kit/index.ts';

/**
 * The list of mail the board gave up on (issue 11): the ward clerk sees their municipality's, the
 * foundation all, with the address masked; a volunteer is refused; axe finds nothing in ja, en and
 * やさしい日本語, and without JavaScript the page is the same (it only reads).
 */

useBrowserApp();

const runs = languageRuns({ ja: true, en: true, 'ja-easy': true });

beforeAll(async () => {
  const boss = t.app.jobs.boss;
  const letters = [
    { to: 'tanaka@example.test', subject: '足立区：依頼が公開されました', municipalityCode: '13121' },
    { to: 'suzuki@example.test', subject: '新宿区：依頼が公開されました', municipalityCode: '13104' },
  ];
  // queued for later (no worker takes them), then failed for good as the mail server refused them
  const ids = await boss.insert(
    'mail',
    letters.map((data) => ({
      data: { ...data, text: '本文' },
      retryLimit: 0,
      startAfter: new Date(Date.now() + 3_600_000),
    })),
    { returnId: true },
  );
  await boss.fail('mail', ids!, { message: '550 5.1.1 mailbox unavailable' });
}, 60_000);

describe.each(runs)('undelivered mail in $lang (JavaScript: $javaScript)', ({ lang, javaScript }) => {
  const i18n = texts(lang);

  it('ward staff see their own municipality’s, masked, linked from the staff menu; axe finds nothing', async () => {
    const { page, context } = await visitAs('/staff', { as: demo.staffAdachi, lang, javaScript });
    const link = page.locator('nav a[href="/staff/failed-deliveries"]');
    expect(await link.allInnerTexts()).toEqual([i18n.t('staff.nav.failedDeliveries')]);
    await open(page, t, '/staff/failed-deliveries');
    expect(await page.locator('h1').first().innerText()).toContain(i18n.t('staff.failedDeliveries.title'));
    const rows = page.locator('table[data-table="failed-deliveries"] tbody tr');
    expect(await rows.count()).toBe(1);
    const row = await rows.first().innerText();
    expect(row).toContain('足立区：依頼が公開されました');
    expect(row).toContain('ta…@example.test');
    expect(row).toContain('550 5.1.1 mailbox unavailable');
    expect(await page.content()).not.toContain('tanaka@example.test');
    expect(await page.content()).not.toContain('新宿区：依頼が公開されました');
    await expectNoViolations(page, `failed deliveries, ${lang}`);
    await context.close();
  });
});

describe('without JavaScript, and who else', () => {
  it('the page is the same without JavaScript (it only reads)', async () => {
    const { page, context } = await visitAs('/staff/failed-deliveries', {
      as: demo.staffAdachi,
      lang: 'en',
      javaScript: false,
    });
    const rows = page.locator('table[data-table="failed-deliveries"] tbody tr');
    expect(await rows.allInnerTexts()).toEqual([expect.stringContaining('ta…@example.test')]);
    await context.close();
  });

  it('the foundation sees every municipality’s', async () => {
    const { page, context } = await visitAs('/staff/failed-deliveries', { as: demo.foundation, lang: 'ja' });
    expect(await page.locator('table[data-table="failed-deliveries"] tbody tr').count()).toBe(2);
    await context.close();
  });

  it('a volunteer is not let in', async () => {
    const { page, status } = await visitAs('/staff/failed-deliveries', { as: demo.volunteer1, lang: 'en' });
    expect(status).toBe(403);
    expect(await page.content()).not.toContain('mailbox unavailable');
  });
});
