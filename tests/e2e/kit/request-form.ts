/**
 * The officer's new-request form, the way the journeys fill it once its title, body, category and
 * skills are in.
 */
import type { Page } from 'playwright-core';
import type { Translator } from '../../../web/src/lib/i18n/translator.ts';
import { submit } from './pages.ts';
import { dayFromNow } from './scene.ts';

/**
 * The rest of the form for one person on a fixed day 30 days on at 10:00, at `exactPlace` in
 * 千住一丁目, two hours, hands until 20 days on; saved as a draft. Answers the draft's id once its
 * page has opened.
 */
export async function saveDraftForOne(page: Page, i18n: Translator, exactPlace: string): Promise<string> {
  await page.locator('#request-slots').fill('1');
  await page.getByLabel(i18n.t('association.form.whenAt'), { exact: true }).check();
  await page.locator('#request-startDate').fill(dayFromNow(30));
  await page.locator('#request-startDate-time').fill('10:00');
  await page.locator('#request-area').fill('千住一丁目');
  await page.locator('#request-exactPlace').fill(exactPlace);
  await page.locator('#request-estimatedHours').fill('2');
  await page.locator('#request-deadlineDate').fill(dayFromNow(20));
  await submit(page, page.getByRole('button', { name: i18n.t('association.form.saveDraft') }));
  await page.waitForURL(/\/association\/requests\/[0-9a-f-]{36}\?done=saved$/);
  return /requests\/([0-9a-f-]{36})/.exec(page.url())![1]!;
}

/** On a draft's page: sends it for review with the button under its preview, and waits for the answer. */
export async function sendFromPreview(page: Page, i18n: Translator): Promise<void> {
  await submit(
    page,
    page.locator('[data-section=send]').getByRole('button', { name: i18n.t('association.transition.submit') }),
  );
  await page.waitForURL(/\?done=submitted$/);
}
