/**
 * Bringing a municipality to life and posting for an association (issue 12), in each language,
 * with and without JavaScript, axe-checked: foundation staff activate an onboarding municipality
 * (a reason is asked for first), pause an active one after a "really?" step and resume it; the
 * ward's staff post a request for an association from a phone call, which goes on the board marked
 * as posted by the ward, with the ward's desk as its contact.
 */
import { schema } from '@board/db';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  dayFromNow,
  demo,
  expectAccessibleAt,
  expectNoViolations,
  expectSummary,
  fieldError,
  newPerson,
  open,
  phone,
  requestRow,
  rowCounts,
  submit,
  t,
  texts,
  useBrowserApp,
  visitAs,
  type Lang,
} from './kit/index.ts';

useBrowserApp();

/** axe runs in the pages with JavaScript (it is injected as a script); やさしい日本語's pages get their own axe test below */
const runs = [
  { lang: 'ja', javaScript: true, activate: '13103', pause: '13101' },
  { lang: 'en', javaScript: true, activate: '13106', pause: '13102' },
  { lang: 'ja-easy', javaScript: false, activate: '13107', pause: '13105' },
] as const satisfies readonly { lang: Lang; javaScript: boolean; activate: string; pause: string }[];

/** 足立区 as the pages name it in each language */
const adachi: Record<Lang, string> = { ja: '足立区', en: 'Adachi City (足立区)', 'ja-easy': '足立区（あだちく）' };

async function statusOf(code: string) {
  const [row] = await t.database.handle.db
    .select({ status: schema.municipalities.status })
    .from(schema.municipalities)
    .where(eq(schema.municipalities.code, code));
  return row!.status;
}

/** axe (WCAG 2.2 A/AA) on the page as drawn now, where the page runs JavaScript */
async function axeClean(page: Page, javaScript: boolean, label: string) {
  if (javaScript) await expectNoViolations(page, label);
}

async function press(page: Page, name: string) {
  await submit(page, page.getByRole('button', { name, exact: true }));
}

describe.each(runs)('in $lang (JavaScript: $javaScript)', ({ lang, javaScript, activate, pause }) => {
  const i18n = texts(lang);

  it('foundation: the list by status; activate asks for a reason, then the municipality is on the board', async () => {
    const { context, page } = await visitAs('/staff/municipalities', { as: demo.foundation, lang, javaScript });
    await axeClean(page, javaScript, 'municipalities list');
    const onboarding = page.locator('[data-status-group=onboarding]');
    await Promise.all([
      page.waitForURL(`**/staff/municipalities/${activate}`),
      onboarding.locator(`[data-municipality="${activate}"] a`).click(),
    ]);
    expect(await page.locator('[data-section=status]').innerText()).toContain(i18n.t('towns.status.onboarding'));

    const before = await rowCounts(t);
    await press(page, i18n.t('towns.change.activate'));
    await expectSummary(page);
    expect(await fieldError(page, 'status-reason')).toContain(i18n.t('errors.field.REASON_REQUIRED'));
    expect(await statusOf(activate)).toBe('onboarding');
    expect(await rowCounts(t)).toEqual(before);
    await axeClean(page, javaScript, 'activate without a reason');

    await page.locator('#status-reason').fill('協定を結んだため');
    await press(page, i18n.t('towns.change.activate'));
    await page.locator('[data-notice=success]').waitFor();
    expect(await statusOf(activate)).toBe('active');
    expect(await page.locator('[data-section=status]').innerText()).toContain(i18n.t('towns.status.active'));
    // now the municipality can be chosen on the public board's filter
    await open(page, t, '/requests');
    expect(
      await page.locator(`input[name=municipalities][value="${activate}"], option[value="${activate}"]`).count(),
    ).toBeGreaterThan(0);
    await context.close();
  }, 120_000);

  it('foundation: pause asks "really?" first; cancel changes nothing; confirmed, it is paused; resume brings it back', async () => {
    const { context, page } = await visitAs(`/staff/municipalities/${pause}`, {
      as: demo.foundation,
      lang,
      javaScript,
    });
    await page.locator('#status-reason').fill('担当者の交代');
    await press(page, i18n.t('towns.change.pause'));
    const confirm = page.locator('[data-form=pause-confirm]');
    await confirm.waitFor();
    expect(await page.locator('[aria-labelledby=pause-confirm-heading]').innerText()).toContain(
      i18n.t('towns.pause.confirmBody'),
    );
    expect(await statusOf(pause)).toBe('active');
    await axeClean(page, javaScript, 'pause confirmation');
    await Promise.all([
      page.waitForURL(`**/staff/municipalities/${pause}`),
      confirm.getByRole('link', { name: i18n.t('towns.pause.cancel') }).click(),
    ]);
    expect(await statusOf(pause)).toBe('active');

    await page.locator('#status-reason').fill('担当者の交代');
    await press(page, i18n.t('towns.change.pause'));
    await submit(
      page,
      page.locator('[data-form=pause-confirm]').getByRole('button', { name: i18n.t('towns.change.pause') }),
    );
    await page.locator('[data-notice=success]').waitFor();
    expect(await statusOf(pause)).toBe('paused');
    expect(await page.locator('[data-section=status]').innerText()).toContain(i18n.t('towns.status.paused'));

    await page.locator('#status-reason').fill('新しい担当者が決まった');
    await press(page, i18n.t('towns.change.resume'));
    await page.locator('[data-notice=success]').waitFor();
    expect(await statusOf(pause)).toBe('active');
    await context.close();
  }, 120_000);

  it('staff post for an association: asked what is missing, then published, marked, with the desk as contact', async () => {
    const { context, page } = await visitAs('/staff/requests/new', {
      as: demo.staffAdachi,
      lang,
      javaScript,
      viewport: phone,
    });
    expect(await page.getByTestId('desk-preview').innerText()).toContain('足立区 地域振興課');
    await axeClean(page, javaScript, 'on-behalf form');

    const before = await rowCounts(t);
    await press(page, i18n.t('towns.onBehalf.submit'));
    await expectSummary(page);
    expect(await fieldError(page, 'request-associationId')).toContain(i18n.t('errors.field.ASSOCIATION_REQUIRED'));
    expect(await page.locator('#request-source-error').innerText()).toContain(i18n.t('errors.field.SOURCE_REQUIRED'));
    expect(await rowCounts(t)).toEqual(before);
    await axeClean(page, javaScript, 'on-behalf form with errors');

    const title = `電話で受けた依頼 ${lang}`;
    await page.locator('#request-associationId').selectOption({ label: '千住一丁目町会' });
    await page.getByLabel(i18n.t('towns.source.phone'), { exact: true }).check();
    await page.locator('#request-title').fill(title);
    await page.locator('#request-body').fill('町会の掲示板の張り替えを手伝ってください。');
    await page.locator('#request-category').selectOption('manual_labour');
    await page.getByLabel(i18n.t('association.form.whenDay'), { exact: true }).check();
    await page.locator('#request-startDate').fill(dayFromNow(20));
    await page.locator('#request-area').fill('千住一丁目');
    await press(page, i18n.t('towns.onBehalf.submit'));
    await page.waitForURL(/posted=/);
    const link = page.getByTestId('posted-link');
    expect(await link.innerText()).toBe(title);
    const id = /\/requests\/([0-9a-f-]{36})/.exec((await link.getAttribute('href'))!)![1]!;
    expect(await requestRow(t, id)).toMatchObject({ status: 'published', postedByMunicipality: true });
    await context.close();

    // a volunteer reads it: the mark, whom to ask, and the desk; the board's card is marked too
    const visitor = await newPerson({ as: demo.volunteer1, lang, javaScript });
    await open(visitor.page, t, `/requests/${id}`);
    const mark = visitor.page.getByTestId('on-behalf');
    expect(await mark.innerText()).toContain(i18n.t('towns.mark', { municipality: adachi[lang] }));
    expect(await mark.innerText()).toContain('電話 03-0000-3121');
    await axeClean(visitor.page, javaScript, 'request posted on behalf');
    await open(visitor.page, t, `/requests?q=${encodeURIComponent(title)}`);
    const card = visitor.page.locator(`article[data-request-id="${id}"]`);
    expect(await card.getByTestId('on-behalf-mark').innerText()).toBe(
      i18n.t('towns.mark', { municipality: adachi[lang] }),
    );
    await visitor.context.close();
  }, 120_000);
});

describe('in やさしい日本語 with JavaScript: axe finds nothing', () => {
  it('on the municipalities list and page, the pause question and the staff form', async () => {
    const { context, page } = await newPerson({ as: demo.foundation, lang: 'ja-easy' });
    await expectAccessibleAt(page, '/staff/municipalities', 'municipalities list');
    await expectAccessibleAt(page, '/staff/municipalities/13109', 'municipality page');
    await page.locator('#status-reason').fill('点検');
    await press(page, texts('ja-easy').t('towns.change.pause'));
    await page.locator('[data-form=pause-confirm]').waitFor();
    await expectNoViolations(page, 'pause question');
    expect(await statusOf('13109')).toBe('active');
    await context.close();
    const staff = await newPerson({ as: demo.staffShinjuku, lang: 'ja-easy' });
    await expectAccessibleAt(staff.page, '/staff/requests/new', 'on-behalf form');
    await press(staff.page, texts('ja-easy').t('towns.onBehalf.submit'));
    await expectSummary(staff.page);
    await expectNoViolations(staff.page, 'on-behalf form with errors');
    await staff.context.close();
  }, 120_000);
});
