/**
 * axe (WCAG 2.2 A/AA) finds nothing on the staff's pages, in Japanese and in やさしい日本語:
 * the queue (municipal and foundation staff), a request to decide (also after a refused
 * decision), the foundation's read-only view, the flag queue and the settings.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { t, useBrowserApp } from './kit/boot.ts';
import { expectAccessibleAt, expectNoViolations, open, submit } from './kit/pages.ts';
import { demo, newPerson } from './kit/people.ts';
import { api, applyAs, flagAs, requestThroughApi } from './kit/scene.ts';
import { texts } from './kit/texts.ts';

let pending: string;
useBrowserApp();
beforeAll(async () => {
  pending = await requestThroughApi(t, 'sent');
  // a published request with a flag on it and a flagged message in its match
  const published = await requestThroughApi(t, 'approved', { title: '通報のある依頼' });
  await flagAs(t, demo.volunteer2, published, '内容が不確かです');
  const hand = await applyAs(t, demo.volunteer1, published, 'はい');
  await api(t, demo.officerSenju, 'POST', `/api/applications/${hand}/accept`, {});
  const message = await api<{ id: string }>(t, demo.volunteer1, 'POST', `/api/applications/${hand}/messages`, {
    body: '失礼な言葉',
  });
  await api(t, demo.officerSenju, 'POST', '/api/flags', {
    targetType: 'message',
    targetId: message.id,
    reason: '言葉づかい',
  });
}, 120_000);

describe.each(['ja', 'ja-easy'] as const)('staff pages in %s', (lang) => {
  const i18n = texts(lang);

  it('municipal staff: queue, a request to decide (and a refused decision), flags, settings', async () => {
    const { context, page } = await newPerson({ as: demo.staffAdachi, lang });
    await expectAccessibleAt(page, '/staff/moderation', 'queue');
    await expectAccessibleAt(page, `/staff/moderation/${pending}`, 'decide');
    await submit(page, page.getByRole('button', { name: i18n.t('moderation.decision.reject.submit') }));
    await page.locator('[data-testid=error-summary]').waitFor();
    await expectNoViolations(page, 'decide, refused');
    await open(page, t, '/staff/flags');
    expect(await page.locator('li[data-flag]').count()).toBeGreaterThanOrEqual(2);
    await expectNoViolations(page, 'flags');
    await expectAccessibleAt(page, '/staff/settings', 'settings');
    await context.close();
  }, 120_000);

  it('foundation staff: the queue with its filter, the read-only request, the flags', async () => {
    const { context, page } = await newPerson({ as: demo.foundation, lang });
    await expectAccessibleAt(page, '/staff/moderation', 'queue (foundation)');
    await expectAccessibleAt(page, `/staff/moderation/${pending}`, 'read-only');
    await expectAccessibleAt(page, '/staff/flags', 'flags (foundation)');
    await context.close();
  }, 120_000);
});
