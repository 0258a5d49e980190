/**
 * The staff's forms: bad input explained beside the field with nothing written (ask for changes,
 * reject or close without a reason; settings without any category), and the flag queue's
 * decisions. In Japanese with JavaScript, in やさしい日本語 without it.
 */
import { describe, expect, it } from 'vitest';
import { t, useBrowserApp } from './kit/boot.ts';
import { expectSummary, fieldError, open, submit } from './kit/pages.ts';
import { demo, newPerson, visitAs } from './kit/people.ts';
import { municipalitySettings, requestRow, rowCounts } from './kit/rows.ts';
import { api, flagAs, requestThroughApi } from './kit/scene.ts';
import { languageRuns, texts } from './kit/texts.ts';

useBrowserApp();

const runs = languageRuns({ ja: true, 'ja-easy': false });

async function pendingRequest(title = '審査用の依頼'): Promise<string> {
  return requestThroughApi(t, 'sent', { title });
}

describe.each(runs)('staff forms in $lang (JavaScript: $javaScript)', ({ lang, javaScript }) => {
  const i18n = texts(lang);

  it.each(['requestChanges', 'reject'] as const)(
    '%s without a reason: the reason is asked for beside the box; the request stays waiting',
    async (decision) => {
      const id = await pendingRequest();
      const { context, page } = await visitAs(`/staff/moderation/${id}`, { as: demo.staffAdachi, lang, javaScript });
      const before = await rowCounts(t);
      const mails = t.mail.length;
      await page.locator(`#${decision}-reason`).fill('   ');
      await submit(page, page.getByRole('button', { name: i18n.t(`moderation.decision.${decision}.submit`) }));
      await expectSummary(page);
      expect(await fieldError(page, `${decision}-reason`)).toContain(i18n.t('errors.field.REASON_REQUIRED'));
      expect(page.url()).toContain(`/staff/moderation/${id}`);
      expect((await requestRow(t, id)).status).toBe('pending_review');
      expect(await rowCounts(t)).toEqual(before);
      expect(t.mail.length).toBe(mails);
      await context.close();
    },
  );

  it("the officer's contact shows only after a reason is given, and the look-up is recorded", async () => {
    const id = await pendingRequest('連絡先を確かめたい依頼');
    const { context, page } = await visitAs(`/staff/moderation/${id}`, { as: demo.staffAdachi, lang, javaScript });
    expect(await page.content()).not.toContain('officer.senju@demo.example');
    const showContact = page.getByRole('button', { name: i18n.t('moderation.contact.submit') });

    const before = await rowCounts(t);
    await submit(page, showContact);
    await expectSummary(page);
    expect(await fieldError(page, 'contact-reason')).toContain(i18n.t('errors.field.REASON_REQUIRED'));
    expect(await page.content()).not.toContain('officer.senju@demo.example');
    expect(await rowCounts(t)).toEqual(before);

    await page.locator('#contact-reason').fill('募集内容を電話で確かめるため');
    await submit(page, showContact);
    const shown = page.getByTestId('officer-contact');
    await shown.waitFor();
    expect(await shown.innerText()).toContain('officer.senju@demo.example');
    expect(await shown.locator('a[href="mailto:officer.senju@demo.example"]').count()).toBe(1);
    expect((await rowCounts(t)).auditLog).toBe(before.auditLog + 1);
    await context.close();
  });

  it('closing a published request without a reason is refused the same way', async () => {
    const id = await requestThroughApi(t, 'approved', { title: '公開中の依頼' });
    const { context, page } = await visitAs(`/staff/moderation/${id}`, { as: demo.staffAdachi, lang, javaScript });
    // only the decision the lifecycle allows from "published" is offered
    expect(
      await page.locator('[data-decision]').evaluateAll((els) => els.map((e) => e.getAttribute('data-decision'))),
    ).toEqual(['close']);
    const before = await rowCounts(t);
    await submit(page, page.getByRole('button', { name: i18n.t('moderation.decision.close.submit') }));
    expect(await fieldError(page, 'close-reason')).toContain(i18n.t('errors.field.REASON_REQUIRED'));
    expect((await requestRow(t, id)).status).toBe('published');
    expect(await rowCounts(t)).toEqual(before);
    await context.close();
  });

  it('settings: unticking every category is explained; the settings stay as they were', async () => {
    const stored = await municipalitySettings(t, '13121');
    const { context, page } = await visitAs('/staff/settings', { as: demo.staffAdachi, lang, javaScript });
    for (const box of await page.locator('input[name=enabledCategories]').all()) await box.uncheck();
    await submit(page, page.getByRole('button', { name: i18n.t('moderation.settings.submit') }));
    await expectSummary(page);
    const error = await page.locator('#settings-categories-error').innerText();
    expect(error).toContain(i18n.t('errors.field.CATEGORIES_REQUIRED'));
    expect(await page.locator('#settings-categories input').first().getAttribute('aria-invalid')).toBe('true');
    expect(await municipalitySettings(t, '13121')).toEqual(stored);
    await context.close();
  });
});

describe('settings and flags work', () => {
  const i18n = texts('ja');

  it('staff narrow the categories and turn moderation off; the officer’s form follows; then back', async () => {
    const staff = await newPerson({ as: demo.staffAdachi, lang: 'ja', javaScript: false });
    await open(staff.page, t, '/staff/settings');
    await staff.page.getByLabel(i18n.t('moderation.settings.moderationOff'), { exact: true }).check();
    await staff.page
      .locator('#settings-categories')
      .getByLabel(i18n.t('account.category.other'), { exact: true })
      .uncheck();
    await staff.page.locator('#settings-contactDesk').fill('足立区 地域調整課 03-0000-0000');
    await submit(staff.page, staff.page.getByRole('button', { name: i18n.t('moderation.settings.submit') }));
    expect(await staff.page.locator('[data-notice=success]').innerText()).toContain(
      i18n.t('moderation.settings.saved'),
    );
    const saved = await api<{ moderationRequired: boolean; enabledCategories: string[]; contactDesk: string }>(
      t,
      demo.staffAdachi,
      'GET',
      '/api/municipalities/13121/settings',
    );
    expect(saved.moderationRequired).toBe(false);
    expect(saved.enabledCategories).not.toContain('other');
    expect(saved.contactDesk).toBe('足立区 地域調整課 03-0000-0000');

    // the officer no longer sees "other", and the draft's button publishes at once
    const officer = await newPerson({ as: demo.officerSenju, lang: 'ja', javaScript: false });
    await open(officer.page, t, '/association/requests/new');
    expect(await officer.page.locator('#request-category option[value=other]').count()).toBe(0);
    const draft = await requestThroughApi(t, 'draft');
    await open(officer.page, t, `/association/requests/${draft}`);
    await submit(
      officer.page,
      officer.page
        .locator('[data-section=actions]')
        .getByRole('button', { name: i18n.t('association.transition.submitAndPublish') }),
    );
    expect(officer.page.url()).toMatch(/done=published$/);
    expect((await requestRow(t, draft)).status).toBe('published');

    await api(t, demo.staffAdachi, 'PATCH', '/api/municipalities/13121/settings', {
      moderationRequired: true,
      enabledCategories: saved.enabledCategories.concat('other'),
    });
    await Promise.all([staff.context.close(), officer.context.close()]);
  });

  it('flags: open first; staff hide a flagged request with a note; foundation staff only read', async () => {
    const id = await requestThroughApi(t, 'approved', { title: '通報される依頼' });
    await flagAs(t, demo.volunteer1, id, '連絡先が本文に書かれています');

    const foundation = await newPerson({ as: demo.foundation, lang: 'ja', javaScript: true });
    await open(foundation.page, t, '/staff/flags');
    const seen = foundation.page.locator('li[data-flag]').filter({ hasText: '通報される依頼' });
    expect(await seen.count()).toBe(1);
    expect(await seen.locator('form').count()).toBe(0);

    const staff = await newPerson({ as: demo.staffAdachi, lang: 'ja', javaScript: true });
    await open(staff.page, t, '/staff/flags');
    expect(await staff.page.locator('[data-testid=open-flags]').innerText()).toMatch(/[1-9]/);
    const flag = staff.page.locator('li[data-flag]').filter({ hasText: '通報される依頼' });
    expect(await flag.getAttribute('data-flag-status')).toBe('open');
    expect(await flag.innerText()).toContain('連絡先が本文に書かれています');
    await flag.locator('textarea[name=note]').fill('本文から電話番号を消すよう伝えます');
    await submit(staff.page, flag.getByRole('button', { name: i18n.t('moderation.flags.hide.request') }));
    // hiding asks first, keeping the note; nothing is hidden yet
    const confirm = flag.getByRole('group', { name: i18n.t('moderation.flags.confirm.heading.request') });
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain('本文から電話番号を消すよう伝えます');
    expect((await requestRow(t, id)).hiddenAt).toBeNull();
    await submit(staff.page, confirm.getByRole('button', { name: i18n.t('moderation.flags.confirm.yes') }));
    await expect.poll(() => flag.getAttribute('data-flag-status')).toBe('hidden');
    expect((await requestRow(t, id)).hiddenAt).not.toBeNull();
    expect(await flag.innerText()).toContain('本文から電話番号を消すよう伝えます');
    await Promise.all([foundation.context.close(), staff.context.close()]);
  });
});
