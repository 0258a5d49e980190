/**
 * Bad input on every form of the officer's pages: the translated message beside the field, the
 * control marked aria-invalid and described by it, the summary focused, what was typed kept, and
 * nothing written (row counts). In Japanese with JavaScript, in やさしい日本語 without it.
 * Also: accepting when the last slot was just taken says "already filled" in plain words.
 */
import type { HelpRequestDetail } from '@board/shared';
import { describe, expect, it } from 'vitest';
import { t, useBrowserApp } from './kit/boot.ts';
import { expectSummary, fieldError, open, submit } from './kit/pages.ts';
import { demo, visitAs } from './kit/people.ts';
import { requestRow, rowCounts } from './kit/rows.ts';
import { api, applyAs, dayFromNow, requestBody, requestThroughApi } from './kit/scene.ts';
import { languageRuns, texts } from './kit/texts.ts';

useBrowserApp();

const runs = languageRuns({ ja: true, 'ja-easy': false });

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A published request of 千住一丁目町会 with one pending hand from each volunteer given. */
async function publishedWithHands(slots: number, volunteers: string[]) {
  const id = await requestThroughApi(t, 'approved', { slots });
  const applications: string[] = [];
  for (const volunteer of volunteers) {
    applications.push(await applyAs(t, volunteer, id, 'お手伝いできます。'));
  }
  return { id, applications };
}

describe.each(runs)('officer forms in $lang (JavaScript: $javaScript)', ({ lang, javaScript }) => {
  const i18n = texts(lang);

  it('new request: empty title, 0 people and a deadline after the start are explained; nothing is written', async () => {
    const { context, page } = await visitAs('/association/requests/new', { as: demo.officerSenju, lang, javaScript });
    const before = await rowCounts(t);

    await page.locator('#request-title').fill('   ');
    await page.locator('#request-body').fill('本文はあります。');
    await page.locator('#request-category').selectOption('other');
    await page.locator('#request-slots').fill('0');
    await page.locator('#request-startDate').fill(dayFromNow(10));
    await page.locator('#request-startDate-time').fill('10:00');
    await page.locator('#request-deadlineDate').fill(dayFromNow(12));
    await submit(page, page.getByRole('button', { name: i18n.t('association.transition.submit'), exact: true }));

    const summary = await expectSummary(page);
    expect(await page.title()).toMatch(new RegExp(`^${escape(i18n.t('form.errorPrefix'))}`));
    expect(await fieldError(page, 'request-title')).toContain(i18n.t('errors.field.TITLE_REQUIRED'));
    expect(await fieldError(page, 'request-slots')).toContain(i18n.t('errors.field.SLOTS_RANGE'));
    expect(await fieldError(page, 'request-deadlineDate')).toContain(i18n.t('errors.field.DEADLINE_AFTER_START'));
    // the deadline's time box is marked too
    expect(await page.locator('#request-deadlineDate-time').getAttribute('aria-invalid')).toBe('true');
    expect(await summary.innerText()).toContain(
      i18n.t('errors.summary.item', {
        label: i18n.t('association.form.title'),
        message: i18n.t('errors.field.TITLE_REQUIRED'),
      }),
    );
    // what was typed comes back
    expect(await page.locator('#request-body').inputValue()).toBe('本文はあります。');
    expect(await page.locator('#request-slots').inputValue()).toBe('0');
    expect(await page.locator('#request-deadlineDate').inputValue()).toBe(dayFromNow(12));
    expect(await rowCounts(t)).toEqual(before);
    await context.close();
  });

  it('new request: a date without its time and a range without its end are named in plain words', async () => {
    const { context, page } = await visitAs('/association/requests/new', { as: demo.officerSenju, lang, javaScript });
    const before = await rowCounts(t);
    await page.locator('#request-title').fill('チラシ配り');
    await page.locator('#request-body').fill('本文');
    await page.locator('#request-category').selectOption('other');
    await page.locator('#request-slots').fill('2');
    await page.getByLabel(i18n.t('association.form.whenRange'), { exact: true }).check();
    await page.locator('#request-startDate').fill(dayFromNow(10));
    await submit(page, page.getByRole('button', { name: i18n.t('association.transition.submit'), exact: true }));
    await expectSummary(page);
    expect(await fieldError(page, 'request-startDate')).toContain(i18n.t('errors.field.TIME_REQUIRED'));
    expect(await fieldError(page, 'request-endDate')).toContain(i18n.t('errors.field.DATE_REQUIRED'));
    expect(await rowCounts(t)).toEqual(before);
    await context.close();
  });

  it('editing: the same problems on a draft are explained and the draft is unchanged', async () => {
    const draft = await api<HelpRequestDetail>(t, demo.officerSenju, 'POST', '/api/requests', requestBody());
    const stored = await requestRow(t, draft.id);
    const { context, page } = await visitAs(`/association/requests/${draft.id}/edit`, {
      as: demo.officerSenju,
      lang,
      javaScript,
    });
    expect(await page.locator('#request-title').inputValue()).toBe(draft.title);
    await page.locator('#request-title').fill('');
    await page.locator('#request-slots').fill('0');
    await page.locator('#request-deadlineDate').fill(dayFromNow(40));
    await submit(page, page.getByRole('button', { name: i18n.t('association.transition.submit'), exact: true }));
    await expectSummary(page);
    expect(await fieldError(page, 'request-title')).toContain(i18n.t('errors.field.TITLE_REQUIRED'));
    expect(await fieldError(page, 'request-slots')).toContain(i18n.t('errors.field.SLOTS_RANGE'));
    expect(await fieldError(page, 'request-deadlineDate')).toContain(i18n.t('errors.field.DEADLINE_AFTER_START'));
    expect(await requestRow(t, draft.id)).toEqual(stored);
    await context.close();
  });

  it('a request no longer editable shows why, without a form', async () => {
    const { id } = await publishedWithHands(1, []);
    const { context, page } = await visitAs(`/association/requests/${id}/edit`, {
      as: demo.officerSenju,
      lang,
      javaScript,
    });
    expect(await page.locator('form[data-form=request]').count()).toBe(0);
    expect(await page.locator('main').innerText()).toContain(i18n.t('association.edit.notEditable'));
    await context.close();
  });

  it('accepting when every place was just taken says "already filled"; nothing changes; then only "decline" is offered', async () => {
    const { id, applications } = await publishedWithHands(1, [demo.volunteer1, demo.volunteer2]);
    const { context, page } = await visitAs(`/association/requests/${id}`, { as: demo.officerSenju, lang, javaScript });
    // another officer's click wins the last place while this page is open
    await api(t, demo.officerSenju, 'POST', `/api/applications/${applications[0]}/accept`, {});
    const before = await rowCounts(t);
    const second = page.locator(`article[data-applicant="${applications[1]}"]`);
    await submit(
      page,
      second.getByRole('button', { name: new RegExp(`^${escape(i18n.t('association.applicant.accept'))}`) }),
    );
    await expect.poll(() => page.locator('main').innerText()).toContain(i18n.t('association.applicant.filledTitle'));
    expect(await page.locator('main').innerText()).toContain(i18n.t('association.applicant.filledBody'));
    expect(
      await page.locator(`article[data-applicant="${applications[1]}"]`).getAttribute('data-application-status'),
    ).toBe('pending');
    expect((await requestRow(t, id)).matchedCount).toBe(1);
    expect(await rowCounts(t)).toEqual(before);
    // opened again, the full request offers the waiting hand only "decline", and says why
    await open(page, t, `/association/requests/${id}`);
    const card = page.locator(`article[data-applicant="${applications[1]}"]`);
    expect(await card.innerText()).toContain(i18n.t('association.applicant.filledTitle'));
    const buttonNamed = (key: 'association.applicant.accept' | 'association.applicant.decline') =>
      card.getByRole('button', { name: new RegExp(`^${escape(i18n.t(key))}`) });
    expect(await buttonNamed('association.applicant.accept').count()).toBe(0);
    expect(await buttonNamed('association.applicant.decline').count()).toBe(1);
    await context.close();
  });

  it('thanks: an empty note, or a comment without a score, is explained; nothing is written', async () => {
    const { id, applications } = await publishedWithHands(1, [demo.volunteer2]);
    const applicationId = applications[0]!;
    await api(t, demo.officerSenju, 'POST', `/api/applications/${applicationId}/accept`, {});
    await api(t, demo.officerSenju, 'POST', `/api/applications/${applicationId}/complete`);
    const { context, page } = await visitAs(`/association/requests/${id}`, { as: demo.officerSenju, lang, javaScript });
    const before = await rowCounts(t);
    const applicant = page.locator(`article[data-applicant="${applicationId}"]`);
    await submit(page, applicant.locator('form[data-form=thanks] button[type=submit]'));
    await expectSummary(page);
    expect(await fieldError(page, `thanks-${applicationId}-note`)).toContain(i18n.t('errors.field.NOTE_REQUIRED'));

    await page.locator(`#thanks-${applicationId}-note`).fill('ありがとうございました。');
    await page.locator(`#thanks-${applicationId}-comment`).fill('評価なしのコメント');
    await submit(page, applicant.locator('form[data-form=thanks] button[type=submit]'));
    await expect
      .poll(() => page.locator(`#thanks-${applicationId}-score-error`).innerText())
      .toContain(i18n.t('errors.field.SCORE_FOR_COMMENT'));
    expect(await page.locator(`#thanks-${applicationId}-note`).inputValue()).toBe('ありがとうございました。');
    expect(await rowCounts(t)).toEqual(before);
    await context.close();
  });
});
