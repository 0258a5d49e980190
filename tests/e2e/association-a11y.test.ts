/**
 * axe (WCAG 2.2 A/AA) finds nothing on the officer's pages, in Japanese and in やさしい日本語:
 * the list, the form (blank and after a refused save), the request page in its many states
 * (draft just saved, the withdraw confirmation, applicants pending and matched, the thanks form),
 * the edit page with the staff's reason, and the page a volunteer gets instead (403).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { t, useBrowserApp } from './kit/boot.ts';
import { expectAccessibleAt, expectNoViolations, open, settle, submit } from './kit/pages.ts';
import { demo, newPerson, visitAs } from './kit/people.ts';
import { api, applyAs, requestThroughApi } from './kit/scene.ts';
import { texts } from './kit/texts.ts';

let draft: string;
let changes: string;
let busy: string;
useBrowserApp();
beforeAll(async () => {
  draft = await requestThroughApi(t, 'draft', {
    title: '下書きの依頼',
    body: '詳しくは https://example.jp/about を見てください。\n2行目です。',
  });

  changes = await requestThroughApi(t, 'sent', { title: '直しを頼まれた依頼' });
  await api(t, demo.staffAdachi, 'POST', `/api/requests/${changes}/request-changes`, {
    reason: '集合時間を書いてください。',
  });

  busy = await requestThroughApi(t, 'approved', { title: '人が集まった依頼', slots: 3 });
  const hands: string[] = [];
  for (const v of [demo.volunteer1, demo.volunteer2, demo.volunteer3]) {
    hands.push(await applyAs(t, v, busy, 'できます。'));
  }
  await api(t, demo.officerSenju, 'POST', `/api/applications/${hands[0]}/accept`, { note: 'お願いします' });
  await api(t, demo.officerSenju, 'POST', `/api/applications/${hands[0]}/complete`);
  await api(t, demo.officerSenju, 'POST', `/api/applications/${hands[1]}/decline`, {});
}, 120_000);

describe.each(['ja', 'ja-easy'] as const)('officer pages in %s', (lang) => {
  const i18n = texts(lang);

  it('the list, the new form (blank and refused), and the edit page with a reason', async () => {
    const { context, page } = await newPerson({ as: demo.officerSenju, lang });
    await expectAccessibleAt(page, '/association/requests', 'list');
    await expectAccessibleAt(page, '/association/requests?status=changes_requested', 'list filtered');

    await expectAccessibleAt(page, '/association/requests/new', 'new');
    await submit(page, page.getByRole('button', { name: i18n.t('association.transition.submit'), exact: true }));
    await page.locator('[data-testid=error-summary]').waitFor();
    await expectNoViolations(page, 'new, refused');

    await expectAccessibleAt(page, `/association/requests/${changes}/edit`, 'edit');
    await context.close();
  }, 120_000);

  it('the request page: a saved draft, the delete and withdraw confirmations, applicants and the thanks form', async () => {
    const { context, page } = await newPerson({ as: demo.officerSenju, lang });
    await expectAccessibleAt(page, `/association/requests/${draft}?done=saved`, 'draft');
    await open(page, t, `/association/requests/${draft}?confirm=delete`);
    expect(await page.locator('#delete-confirm').count()).toBe(1);
    await expectNoViolations(page, 'delete confirmation');
    await open(page, t, `/association/requests/${changes}?confirm=withdraw`);
    expect(await page.locator('#withdraw-confirm').count()).toBe(1);
    await expectNoViolations(page, 'withdraw confirmation');
    await open(page, t, `/association/requests/${busy}`);
    expect(await page.locator('form[data-form=thanks]').count()).toBe(1);
    expect(await page.locator('form[data-form=decide]').count()).toBe(1);
    await page.locator('details.past summary').click();
    await expectNoViolations(page, 'applicants');
    await context.close();
  }, 120_000);

  it('a volunteer’s 403 page', async () => {
    const { context, page } = await newPerson({ as: demo.volunteer1, lang });
    await expectAccessibleAt(page, '/association/requests', '403');
    await context.close();
  });
});

describe('withdraw and copy', () => {
  const i18n = texts('ja');

  it.each([true, false])('withdraw asks first; copy opens a similar draft for editing (JavaScript: %s)', async (js) => {
    // a draft is deleted rather than withdrawn: send it first
    const id = await requestThroughApi(t, 'sent', { title: '取り下げる依頼' });
    const { context, page } = await visitAs(`/association/requests/${id}`, {
      as: demo.officerSenju,
      lang: 'ja',
      javaScript: js,
    });
    await Promise.all([
      page.waitForURL(/confirm=withdraw/),
      page.getByRole('link', { name: i18n.t('association.transition.withdraw') }).click(),
    ]);
    await settle(page);
    expect(await page.locator('#withdraw-confirm').innerText()).toContain(i18n.t('association.withdraw.heading'));
    await submit(page, page.getByRole('button', { name: i18n.t('association.withdraw.confirm') }));
    await page.waitForURL(/done=withdrawn$/);
    expect(await page.locator('[data-testid=request-state]').innerText()).toContain(i18n.t('status.request.withdrawn'));

    await submit(page, page.getByRole('button', { name: i18n.t('association.detail.copy') }));
    await page.waitForURL(/\/association\/requests\/[0-9a-f-]{36}\/edit\?done=copied$/);
    expect(page.url()).not.toContain(id);
    expect(await page.locator('#request-title').inputValue()).toBe('取り下げる依頼');
    expect(await page.locator('main').innerText()).toContain(i18n.t('association.edit.copied'));
    await context.close();
  });
});
