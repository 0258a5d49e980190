/**
 * Pages hide what a person cannot do, and refuse what is not theirs: volunteers get 403 on the
 * officer's and the staff's pages; 新宿区's staff never see 足立区's queue; foundation staff read
 * the queue without any decision button; officers see only their own association's requests.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { t, useBrowserApp } from './kit/boot.ts';
import { open } from './kit/pages.ts';
import { demo, newPerson, visitAs } from './kit/people.ts';
import { requestIdByTitle } from './kit/rows.ts';
import { requestThroughApi } from './kit/scene.ts';
import { texts } from './kit/texts.ts';

/** 足立区's demo request waiting for review (町会のLINEグループを作りたい) */
let adachiPending: string;
/** a draft of 千住一丁目町会 */
let senjuDraft: string;
useBrowserApp();
beforeAll(async () => {
  adachiPending = await requestIdByTitle(t, '町会のLINEグループを作りたい');
  senjuDraft = await requestThroughApi(t, 'draft');
}, 120_000);

const i18n = texts('ja');

describe('what each person may open', () => {
  it('a volunteer gets 403 on the officer’s and the staff’s pages, with a plain explanation', async () => {
    const { context, page } = await newPerson({ as: demo.volunteer1, lang: 'ja' });
    for (const path of [
      '/association/requests',
      '/association/requests/new',
      `/association/requests/${senjuDraft}`,
      '/staff/moderation',
      `/staff/moderation/${adachiPending}`,
      '/staff/flags',
      '/staff/settings',
    ]) {
      const response = await open(page, t, path);
      expect(response?.status(), path).toBe(403);
    }
    await open(page, t, '/association/requests');
    expect(await page.locator('h1').innerText()).toBe(i18n.t('association.forbidden.title'));
    await context.close();
  });

  it('signed out, the pages send people to sign in and come back', async () => {
    const { context, page } = await visitAs('/association/requests', { lang: 'ja' });
    expect(page.url()).toContain('/signin?returnTo=%2Fassociation%2Frequests');
    await open(page, t, '/staff/moderation');
    expect(page.url()).toContain('/signin?returnTo=%2Fstaff%2Fmoderation');
    await context.close();
  });

  it('staff of 新宿区 (13104) do not see 足立区 (13121) requests in their queue, nor open them', async () => {
    const { context, page } = await visitAs('/staff/moderation', { as: demo.staffShinjuku, lang: 'ja' });
    expect(await page.locator(`tr[data-request="${adachiPending}"]`).count()).toBe(0);
    expect(await page.locator('main').innerText()).not.toContain('町会のLINEグループを作りたい');
    const response = await open(page, t, `/staff/moderation/${adachiPending}`);
    expect(response?.status()).toBe(404);
    // nor a published one of 足立区, although anyone may read it on the board
    const published = await requestIdByTitle(t, '夏祭りのチラシを作ってください');
    expect((await open(page, t, `/staff/moderation/${published}`))?.status()).toBe(404);
    // and no 足立区 settings
    await open(page, t, '/staff/settings');
    expect(await page.locator('input[name=municipalityCode]').getAttribute('value')).toBe('13104');
    await context.close();
  });

  it('staff of 足立区 see the item and every decision the lifecycle allows', async () => {
    const { context, page } = await visitAs('/staff/moderation', { as: demo.staffAdachi, lang: 'ja' });
    expect(await page.locator(`tr[data-request="${adachiPending}"]`).count()).toBe(1);
    await open(page, t, `/staff/moderation/${adachiPending}`);
    expect(
      await page.locator('[data-decision]').evaluateAll((els) => els.map((e) => e.getAttribute('data-decision'))),
    ).toEqual(['approve', 'requestChanges', 'reject']);
    // staff are not officers
    expect((await open(page, t, '/association/requests'))?.status()).toBe(403);
    await context.close();
  });

  it('foundation staff see every queue but no decision button, and are told why', async () => {
    const { context, page } = await visitAs('/staff/moderation', { as: demo.foundation, lang: 'ja' });
    expect(await page.locator(`tr[data-request="${adachiPending}"]`).count()).toBe(1);
    expect(await page.locator('#filter-municipality').count()).toBe(1);
    await open(page, t, `/staff/moderation/${adachiPending}`);
    expect(await page.locator('[data-decision]').count()).toBe(0);
    // no decision forms; the one form is looking up the officer's contact with a logged reason
    expect(await page.locator('main form[method=POST]:not([data-form=revealContact])').count()).toBe(0);
    expect(await page.locator('main form[data-form=revealContact]').count()).toBe(1);
    expect(await page.locator('main').innerText()).toContain(i18n.t('moderation.detail.readOnly'));
    expect(await page.locator('[data-testid=request-preview]').innerText()).toContain('町会のLINEグループを作りたい');
    await context.close();
  });

  it('an officer sees only their own association’s requests, and only the buttons the lifecycle gives them', async () => {
    const okubo = await newPerson({ as: demo.officerOkubo, lang: 'ja' });
    await open(okubo.page, t, '/association/requests');
    expect(await okubo.page.locator(`li[data-request="${senjuDraft}"]`).count()).toBe(0);
    expect((await open(okubo.page, t, `/association/requests/${senjuDraft}`))?.status()).toBe(404);
    expect((await open(okubo.page, t, `/association/requests/${senjuDraft}/edit`))?.status()).toBe(404);
    await okubo.context.close();

    const senju = await newPerson({ as: demo.officerSenju, lang: 'ja' });
    await open(senju.page, t, `/association/requests/${adachiPending}`);
    // waiting for review: no submit, no edit; withdraw and copy remain
    const actions = senju.page.locator('[data-section=actions]');
    expect(await actions.getByRole('button', { name: i18n.t('association.transition.submit') }).count()).toBe(0);
    expect(await actions.getByRole('link', { name: i18n.t('association.detail.edit') }).count()).toBe(0);
    expect(await actions.getByRole('link', { name: i18n.t('association.transition.withdraw') }).count()).toBe(1);
    expect(await actions.getByRole('button', { name: i18n.t('association.detail.copy') }).count()).toBe(1);
    await senju.context.close();
  });
});
