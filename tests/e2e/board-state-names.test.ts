import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { t, useBrowserApp } from './kit/boot.ts';
import { open } from './kit/pages.ts';
import { demo, newPage } from './kit/people.ts';
import { applyAs, createVolunteer, insertRequest } from './kit/scene.ts';
import { langs, texts } from './kit/texts.ts';

useBrowserApp();

/**
 * One table of state names: a request's or an application's state is called the same on the
 * board, the request page, the volunteer's page and the officer's pages, in every language.
 */
describe('one name for each state', () => {
  let filledId: string;
  let appliedId: string;
  let applicationId: string;
  let volunteer: { id: string; email: string };
  const filledTitle = `状態の名前をそろえる依頼 ${Date.now().toString(36)}`;

  beforeAll(async () => {
    filledId = await insertRequest(t, { title: filledTitle, status: 'filled', slots: 1, matchedCount: 1 });
    appliedId = await insertRequest(t, { title: '手を挙げた人の状態の名前', slots: 2 });
    volunteer = await createVolunteer(t, { verified: true });
    applicationId = await applyAs(t, volunteer.email, appliedId, '手伝えます。');
  }, 120_000);

  async function textOf(page: Page, path: string, selector: string): Promise<string> {
    await open(page, t, path);
    return (await page.locator(selector).first().innerText()).trim();
  }

  describe.each(langs)('in %s', (lang) => {
    const i18n = texts(lang);

    it('a filled request: the same words on the board, its page and the officer’s pages', async () => {
      const label = i18n.t('status.request.filled');
      const visitor = await newPage({ lang, javaScript: false });
      const board = await textOf(
        visitor,
        `/requests?includeFull=1&q=${encodeURIComponent(filledTitle)}`,
        `[data-request-id="${filledId}"] [data-availability]`,
      );
      const page = await textOf(visitor, `/requests/${filledId}`, '[data-availability]');

      const officer = await newPage({ lang, as: demo.officerSenju, javaScript: false });
      const detail = await textOf(officer, `/association/requests/${filledId}`, `.badge[data-status="filled"]`);
      const list = await textOf(officer, '/association/requests', `[data-request="${filledId}"] .badge`);

      // the board's badge carries a mark before the words
      expect([board, page].map((text) => text.replace(/^[●■]\s*/, ''))).toEqual([label, label]);
      expect([detail, list]).toEqual([label, label]);
    });

    it('a raised hand: the same words for the volunteer (request page, their list) and the officer', async () => {
      const label = i18n.t('status.application.pending');
      const mine = await newPage({ lang, as: volunteer.email, javaScript: false });
      const onRequest = await textOf(mine, `/requests/${appliedId}`, '[data-testid="my-application"]');
      const onList = await textOf(mine, '/me/applications', `article[data-application-id="${applicationId}"] .badge`);

      const officer = await newPage({ lang, as: demo.officerSenju, javaScript: false });
      const card = await textOf(
        officer,
        `/association/requests/${appliedId}`,
        `[data-applicant="${applicationId}"] .badge`,
      );

      expect(onRequest).toContain(label);
      expect([onList, card]).toEqual([label, label]);
    });
  });
});
