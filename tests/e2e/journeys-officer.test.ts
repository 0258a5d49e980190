/**
 * Issue 15, the officer's request page: volunteers waiting for an answer come first and are
 * counted in the status box; "the help is finished" is offered from the work day on, as a second
 * choice that asks first; a fix saved after staff asked for changes says plainly it is not sent.
 */
import { schema } from '@board/db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { t, useBrowserApp } from './kit/boot.ts';
import { open, submit } from './kit/pages.ts';
import { demo, phone, visitAs } from './kit/people.ts';
import { api, applyAs, createVolunteer, insertRequest } from './kit/scene.ts';
import { texts } from './kit/texts.ts';

useBrowserApp();

const day = 86_400_000;

/** A volunteer with a confirmed address raises a hand for the request. */
async function raiseHand(requestId: string): Promise<string> {
  const volunteer = await createVolunteer(t, { verified: true });
  return applyAs(t, volunteer.email, requestId, 'お手伝いできます。');
}

describe('an officer with a volunteer waiting', () => {
  it.each(['ja', 'en', 'ja-easy'] as const)(
    'sees the count and the applicants before the preview (%s)',
    async (lang) => {
      const i18n = texts(lang);
      const requestId = await insertRequest(t, {
        title: `待っている人 ${lang}`,
        slots: 2,
        startsAt: new Date(Date.now() + 10 * day),
      });
      await raiseHand(requestId);
      const { context, page } = await visitAs(`/association/requests/${requestId}`, {
        as: demo.officerSenju,
        lang,
        viewport: phone,
      });
      expect(await page.locator('[data-testid=waiting]').innerText()).toContain(
        i18n.t('association.detail.waiting', { count: 1 }),
      );
      const top = (selector: string) => page.locator(selector).evaluate((el) => el.getBoundingClientRect().top);
      expect(await top('[data-section=applicants]')).toBeLessThan(await top('[data-section=preview]'));
      await context.close();
    },
  );
});

describe('marking the help finished', () => {
  it('is not offered before the work day, and says from when it is', async () => {
    const i18n = texts('ja');
    const startsAt = new Date(Date.now() + 10 * day);
    const requestId = await insertRequest(t, { title: 'まだ先のお手伝い', startsAt });
    const applicationId = await raiseHand(requestId);
    await api(t, demo.officerSenju, 'POST', `/api/applications/${applicationId}/accept`, {});
    const { context, page } = await visitAs(`/association/requests/${requestId}`, {
      as: demo.officerSenju,
      viewport: phone,
    });
    expect(await page.locator('[data-action=complete]').count()).toBe(0);
    expect(await page.locator('[data-testid=complete-later]').innerText()).toContain(
      i18n.t('association.match.completeFrom', {
        // the work day as the page writes it: 2026年12月12日, Tokyo time
        date: new Intl.DateTimeFormat('ja-JP', {
          timeZone: 'Asia/Tokyo',
          year: 'numeric',
          month: 'long',
          day: 'numeric',
        }).format(startsAt),
      }),
    );
    await context.close();
  });

  it.each([true, false])('asks before recording it, from the work day on (JavaScript %s)', async (javaScript) => {
    const i18n = texts('ja');
    const requestId = await insertRequest(t, {
      title: `終わったお手伝い ${javaScript}`,
      startsAt: new Date(Date.now() - day),
    });
    const applicationId = await raiseHand(requestId);
    await api(t, demo.officerSenju, 'POST', `/api/applications/${applicationId}/accept`, {});
    const { context, page } = await visitAs(`/association/requests/${requestId}`, {
      as: demo.officerSenju,
      javaScript,
      viewport: phone,
    });
    const button = page.locator('[data-action=complete]');
    expect(await button.getAttribute('class')).toContain('button--secondary');
    await button.click();
    await page.getByRole('button', { name: i18n.t('association.match.confirmYes') }).waitFor();
    // nothing recorded yet: a question with two answers
    const [before] = await t.database.handle.db
      .select({ completedAt: schema.applications.completedAt })
      .from(schema.applications)
      .where(eq(schema.applications.id, applicationId));
    expect(before!.completedAt).toBeNull();
    await submit(page, page.getByRole('button', { name: i18n.t('association.match.confirmYes') }));
    await page.locator('[data-testid=completed]').waitFor();
    const [after] = await t.database.handle.db
      .select({ completedAt: schema.applications.completedAt })
      .from(schema.applications)
      .where(eq(schema.applications.id, applicationId));
    expect(after!.completedAt).not.toBeNull();
    await context.close();
  });
});

describe('a request staff sent back', () => {
  it.each(['ja', 'en', 'ja-easy'] as const)(
    'offers "fix and send" and says a saved fix is not sent yet (%s)',
    async (lang) => {
      const i18n = texts(lang);
      const requestId = await insertRequest(t, { title: `直してほしい依頼 ${lang}`, status: 'changes_requested' });
      await t.database.handle.db
        .update(schema.helpRequests)
        .set({ statusReason: '日時をはっきり書いてください。' })
        .where(eq(schema.helpRequests.id, requestId));
      const { context, page } = await visitAs(`/association/requests/${requestId}`, { as: demo.officerSenju, lang });
      expect(
        await page
          .locator('[data-section=actions]')
          .getByRole('link', { name: i18n.t('association.detail.fixAndResubmit') })
          .count(),
      ).toBe(1);
      await open(page, t, `/association/requests/${requestId}?done=saved`);
      const main = await page.locator('#main').innerText();
      expect(main).toContain(i18n.t('association.detail.done.fixSaved'));
      expect(main).not.toContain(i18n.t('association.detail.done.saved'));
      await context.close();
    },
  );
});
