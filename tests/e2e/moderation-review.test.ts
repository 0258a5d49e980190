/**
 * The ward clerk's review, measured: at 1,280 px the request and the decisions share the first
 * screen; at 390 px the request comes first and the queue table never scrolls the page sideways;
 * after a decision the oldest request still waiting opens; a resubmitted request shows the reason
 * given last time and marks what changed; a ready-made reason works with and without JavaScript;
 * counts link to the list they count; axe finds nothing (it runs where scripts do). In ja, en
 * (JavaScript) and ja-easy (none).
 */
import type { ModerationQueue } from '@board/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations } from '../src/harness/browser.ts';
import { t, useBrowserApp } from './kit/boot.ts';
import { open, submit } from './kit/pages.ts';
import { demo, newPerson, phone, visitAs } from './kit/people.ts';
import { associationIdOf, requestRow } from './kit/rows.ts';
import { api, requestBody, requestThroughApi } from './kit/scene.ts';
import { languageRuns, texts } from './kit/texts.ts';

useBrowserApp();

const desktop = { width: 1280, height: 800 };
const umedaOfficer = 'officer.umeda@demo.example';

const runs = languageRuns({ ja: true, en: true, 'ja-easy': false });

/** A request sent for review through the API (千住一丁目町会 unless another officer is named). */
async function pendingRequest(title: string, officer: string = demo.officerSenju): Promise<string> {
  return requestThroughApi(t, 'sent', { title }, officer);
}

/** Sent back with `reason`, its title changed by the officer, and sent for review again. */
async function resubmittedRequest(title: string, reason: string): Promise<string> {
  const id = await pendingRequest(title);
  await api(t, demo.staffAdachi, 'POST', `/api/requests/${id}/request-changes`, { reason });
  await api(t, demo.officerSenju, 'PUT', `/api/requests/${id}`, requestBody({ title: `${title}（直しました）` }));
  await api(t, demo.officerSenju, 'POST', `/api/requests/${id}/submit`);
  return id;
}

/** The top of an element, in CSS pixels from the top of the page. */
async function topOf(page: Page, selector: string): Promise<number> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not shown`);
  return box.y + (await page.evaluate(() => window.scrollY));
}

describe.each(runs)('the review in $lang (JavaScript: $javaScript)', ({ lang, javaScript }) => {
  const i18n = texts(lang);

  it('1,280 px: the request and the decisions on the first screen; 390 px: the request first', async () => {
    const id = await pendingRequest(`画面の広さを測る依頼 ${lang}`);
    const { context, page } = await visitAs(`/staff/moderation/${id}`, {
      as: demo.staffAdachi,
      lang,
      javaScript,
      viewport: desktop,
    });
    for (const part of ['[data-testid=request-preview] h3', '[data-testid=request-preview] .plain-text']) {
      expect(await topOf(page, part), part).toBeLessThan(desktop.height - 40);
    }
    // the panel beside the request, its first decision's button on the same screen
    const panel = await topOf(page, '[data-section=decisions]');
    expect(panel).toBeLessThan(await topOf(page, '[data-testid=request-preview] .plain-text'));
    expect(await topOf(page, '[data-decision=approve] button')).toBeLessThan(desktop.height - 40);

    await page.setViewportSize(phone);
    expect(await topOf(page, '[data-testid=request-preview]')).toBeLessThan(
      await topOf(page, '[data-section=decisions]'),
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await context.close();
  }, 120_000);

  it('a resubmitted request shows the last reason and what changed, in the queue and on its page', async () => {
    const reason = `日時をはっきり書いてください（${lang}）。`;
    const id = await resubmittedRequest(`直して出し直した依頼 ${lang}`, reason);
    const { context, page } = await visitAs('/staff/moderation', {
      as: demo.staffAdachi,
      lang,
      javaScript,
      viewport: phone,
    });
    const row = page.locator(`tr[data-request="${id}"]`);
    expect(await row.locator('[data-testid=resubmitted]').innerText()).toBe(i18n.t('moderation.queue.resubmitted'));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    if (javaScript) expect(await accessibilityViolations(page), 'queue').toEqual([]);

    await open(page, t, `/staff/moderation/${id}`);
    expect(await page.getByTestId('previous-reason').innerText()).toContain(reason);
    const changed = await page.getByTestId('changed-fields').locator('li').allInnerTexts();
    expect(changed).toEqual([i18n.t('moderation.field.title')]);
    expect(await page.locator('[data-changed=title]').count()).toBe(1);
    expect(await page.locator('[data-changed=body]').count()).toBe(0);
    await page.setViewportSize(desktop);
    if (javaScript) expect(await accessibilityViolations(page), 'review').toEqual([]);
    await context.close();
  }, 120_000);

  it('a ready-made reason is sent as chosen, and can be edited first where JavaScript runs', async () => {
    const id = await pendingRequest(`決まった理由で返す依頼 ${lang}`);
    const preset = i18n.t('moderation.presets.privateInPublic');
    const { context, page } = await visitAs(`/staff/moderation/${id}`, {
      as: demo.staffAdachi,
      lang,
      javaScript,
      viewport: desktop,
    });
    await page.getByRole('radio', { name: preset }).check();
    const box = page.locator('#requestChanges-reason');
    let expected = preset;
    if (javaScript) {
      // the choice fills the box, where it can still be changed
      expect(await box.inputValue()).toBe(preset);
      await box.fill(`${preset}\n追記：会館の住所も消してください。`);
      expected = `${preset}\n追記：会館の住所も消してください。`;
    } else {
      expect(await box.inputValue()).toBe('');
    }
    await submit(page, page.getByRole('button', { name: i18n.t('moderation.decision.requestChanges.submit') }));
    const row = await requestRow(t, id);
    expect(row.status).toBe('changes_requested');
    expect(row.statusReason).toBe(expected);
    await context.close();
  }, 120_000);

  it('after a decision the oldest request still waiting opens; with the queue filtered, of that association', async () => {
    const umeda = await associationIdOf(t, '梅田四丁目自治会');
    const first = await pendingRequest(`梅田の一件目 ${lang}`, umedaOfficer);
    const second = await pendingRequest(`梅田の二件目 ${lang}`, umedaOfficer);
    const { context, page } = await visitAs(`/staff/moderation?association=${umeda}`, {
      as: demo.staffAdachi,
      lang,
      javaScript,
      viewport: desktop,
    });
    const listed = await page.locator('tr[data-request]').evaluateAll((rows) => rows.map((r) => r.dataset.request));
    expect(listed.indexOf(first)).toBeGreaterThanOrEqual(0);
    expect(listed.indexOf(first)).toBeLessThan(listed.indexOf(second));
    // every row is 梅田's
    expect(await page.locator('tr[data-request] td').first().innerText()).toContain('梅田四丁目自治会');

    await open(page, t, `/staff/moderation/${listed[0]}?association=${umeda}`);
    await submit(page, page.getByRole('button', { name: i18n.t('moderation.decision.approve.submit') }));
    const oldest = await api<ModerationQueue>(
      t,
      demo.staffAdachi,
      'GET',
      `/api/moderation/queue?associationId=${umeda}&limit=1`,
    );
    expect(oldest.items[0]?.id).toBeDefined();
    expect(page.url()).toContain(`/staff/moderation/${oldest.items[0]!.id}?`);
    expect(await page.locator('[data-notice=success]').innerText()).toContain(i18n.t('moderation.decided.approve'));

    // decide the rest of 梅田's: the last decision lands on the queue, which says it is done and links back
    let guard = 10;
    while (/\/staff\/moderation\/[0-9a-f-]{36}/.test(page.url()) && guard-- > 0) {
      await submit(page, page.getByRole('button', { name: i18n.t('moderation.decision.approve.submit') }));
    }
    expect(page.url()).toMatch(/\/staff\/moderation\?decided=approve/);
    expect(await page.getByTestId('queue-empty').innerText()).toBe(i18n.t('moderation.queue.empty'));
    expect(await page.locator('main').innerText()).toContain(i18n.t('moderation.decided.queueDone'));
    expect(await page.locator('[data-testid=queue-empty-next] a[href="/staff"]').count()).toBe(1);
    expect((await requestRow(t, second)).status).toBe('published');
    await context.close();
  }, 180_000);

  it('the counts link to the lists they count', async () => {
    const id = await pendingRequest(`数から開く依頼 ${lang}`);
    await api(t, demo.staffAdachi, 'POST', `/api/requests/${id}/request-changes`, { reason: '日時を書いてください。' });
    const { context, page } = await newPerson({ as: demo.staffAdachi, lang, javaScript, viewport: phone });
    // on the staff page: the count is a link to the list it counts
    await open(page, t, '/staff');
    const fromHub = page.locator('[data-section=moderation] [data-testid=moderation-counts] li').nth(1);
    expect(Number(await fromHub.locator('strong').innerText())).toBeGreaterThan(0);
    await Promise.all([
      page.waitForURL(/\/staff\/moderation\?status=changes_requested$/),
      fromHub.locator('a').click(),
    ]);
    expect(await page.locator(`tr[data-request="${id}"]`).count()).toBe(1);

    await open(page, t, '/staff/moderation');
    const count = page.locator('[data-count=changesRequested] a');
    const shown = Number((await count.locator('.counts__number').innerText()).trim());
    await Promise.all([page.waitForURL(/status=changes_requested/), count.click()]);
    expect(await page.locator('tr[data-request]').count()).toBe(shown);
    expect(await page.locator(`tr[data-request="${id}"]`).count()).toBe(1);
    expect(await page.locator('[data-count=changesRequested] a').getAttribute('aria-current')).toBe('page');
    if (javaScript) expect(await accessibilityViolations(page), 'returned list').toEqual([]);
    await context.close();
  }, 120_000);
});

it('axe finds nothing in やさしい日本語 either (run with JavaScript: axe is a script)', async () => {
  const id = await resubmittedRequest('やさしい日本語で見る依頼', 'いつ するかを かいて ください。');
  const { context, page } = await newPerson({ as: demo.staffAdachi, lang: 'ja-easy', viewport: desktop });
  for (const path of ['/staff/moderation', `/staff/moderation/${id}`, '/staff/moderation?status=changes_requested']) {
    await open(page, t, path);
    expect(await accessibilityViolations(page), path).toEqual([]);
  }
  await page.setViewportSize(phone);
  await open(page, t, '/staff/moderation');
  expect(await accessibilityViolations(page), 'queue at 390 px').toEqual([]);
  await context.close();
}, 120_000);
