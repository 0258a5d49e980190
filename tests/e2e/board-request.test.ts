import { schema } from '@board/db';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { t, useBrowserApp } from './kit/boot.ts';
import { open, submitForm, textWithoutReadings } from './kit/pages.ts';
import { demo, newPage } from './kit/people.ts';
import { applicationsOf } from './kit/rows.ts';
import { createVolunteer, insertRequest } from './kit/scene.ts';
import { texts } from './kit/texts.ts';

/**
 * The request page (/requests/[id]): what the public sees, raising a hand, withdrawing, reporting.
 * One name for each state of a request or a hand, on every page that shows it: board-state-names.test.ts.
 */

let privateRequest: string;
let htmlRequest: string;

const exactPlace = '千住一丁目会館 2階 和室（裏口から）';
const body = [
  '夏祭りの受付を手伝ってください。',
  '<script>window.__injected = true; alert("x")</script>',
  '詳しくは https://example.org/matsuri?day=1 を見てください。',
  '<b>太字にはなりません</b> <img src=x onerror="window.__injected=true">',
].join('\n');

useBrowserApp();
beforeAll(async () => {
  privateRequest = await insertRequest(t, {
    title: '集会所の椅子並べ',
    category: 'manual_labour',
    slots: 3,
    exactPlace,
    area: '千住一丁目',
  });
  htmlRequest = await insertRequest(t, { title: '本文にHTMLとURLがある依頼', body, category: 'event_running' });
}, 120_000);

describe('what the public sees', () => {
  it.each(['ja', 'ja-easy'] as const)(
    'in %s: everything public, but not the exact place nor the contact; a sign-in link that comes back',
    async (lang) => {
      const i18n = texts(lang);
      const page = await newPage({ lang, javaScript: false });
      const response = await open(page, t, `/requests/${privateRequest}`);
      expect(response?.status()).toBe(200);
      expect(await textWithoutReadings(page.locator('h1'))).toBe('集会所の椅子並べ');
      const html = await page.content();
      expect(html).not.toContain(exactPlace);
      expect(html).not.toContain('officer.senju@demo.example');
      expect(await page.getByTestId('private-hidden').innerText()).toBe(i18n.t('board.private.hidden'));
      expect(await textWithoutReadings(page.getByTestId('request-facts'))).toContain('千住一丁目');
      expect(await page.locator('main').innerText()).toContain(i18n.t('board.availability.open', { count: 3 }));

      const signIn = page.getByTestId('apply-signin');
      expect(await signIn.getAttribute('href')).toBe(
        `/signin?returnTo=${encodeURIComponent(`/requests/${privateRequest}`)}`,
      );
      expect(await page.locator('form[data-form="apply"]').count()).toBe(0);
      // reporting needs an account
      expect(await page.locator('[data-flag]').count()).toBe(0);
    },
  );

  it('finished work is off the board but its page stays readable and says so in words', async () => {
    const [done] = await t.database.handle.db
      .select({ id: schema.helpRequests.id })
      .from(schema.helpRequests)
      .where(eq(schema.helpRequests.status, 'completed'));
    const page = await newPage({ lang: 'ja', javaScript: false });
    expect((await open(page, t, `/requests/${done!.id}`))?.status()).toBe(200);
    expect(await page.locator('main').innerText()).toContain(texts('ja').t('status.request.completed'));
    expect(await page.locator('form[data-form="apply"]').count()).toBe(0);
  });

  it('an unknown or malformed id is "not found"', async () => {
    const page = await newPage();
    expect((await open(page, t, '/requests/00000000-0000-4000-8000-000000000000'))?.status()).toBe(404);
    expect((await open(page, t, '/requests/not-an-id'))?.status()).toBe(404);
  });

  it.each([true, false])(
    'the body is plain text: line breaks kept, URLs linked, HTML shown as characters (JavaScript %s)',
    async (javaScript) => {
      const page = await newPage({ javaScript });
      let dialogs = 0;
      page.on('dialog', (dialog) => {
        dialogs += 1;
        void dialog.dismiss();
      });
      await open(page, t, `/requests/${htmlRequest}`);
      const text = page.locator('section[aria-labelledby="body-heading"] [data-testid="plain-text"]');
      expect(await text.innerText()).toBe(body);
      expect(await text.locator('script, b, img').count()).toBe(0);
      const link = text.locator('a');
      expect(await link.count()).toBe(1);
      expect(await link.getAttribute('href')).toBe('https://example.org/matsuri?day=1');
      expect(await link.getAttribute('rel')).toBe('noopener nofollow ugc');
      expect(await link.innerText()).toBe('https://example.org/matsuri?day=1');
      expect(await page.evaluate(() => (globalThis as { __injected?: boolean }).__injected ?? false)).toBe(false);
      expect(dialogs).toBe(0);
    },
  );
});

describe('raising a hand', () => {
  it.each([
    { javaScript: true, lang: 'ja' as const },
    { javaScript: false, lang: 'en' as const },
  ])(
    'a verified volunteer raises a hand, sees it on their page and withdraws it ($lang, JavaScript $javaScript)',
    async ({ javaScript, lang }) => {
      const i18n = texts(lang);
      const volunteer = await createVolunteer(t, { verified: true });
      const page = await newPage({ as: volunteer.email, lang, javaScript });
      await open(page, t, `/requests/${privateRequest}`);

      // an empty message: a translated message beside the field, nothing written
      await submitForm(page, 'apply');
      expect(await page.locator('#apply-message-error').innerText()).toContain(i18n.t('errors.field.MESSAGE_REQUIRED'));
      expect(await page.locator('#apply-message').getAttribute('aria-invalid')).toBe('true');
      expect(await handsBy(volunteer.id)).toEqual([]);

      await page.fill('#apply-message', '土曜の午前なら行けます。椅子並べは得意です。');
      await submitForm(page, 'apply');
      await page.getByTestId('my-application').waitFor();
      expect(await page.getByTestId('form-message').innerText()).toContain(i18n.t('board.apply.doneTitle'));
      expect(await page.getByTestId('my-application').getAttribute('data-application-status')).toBe('pending');
      expect(await page.getByTestId('my-application').innerText()).toContain(i18n.t('status.application.pending'));
      const rows = await handsBy(volunteer.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ status: 'pending', message: '土曜の午前なら行けます。椅子並べは得意です。' });
      // still no private details while only pending
      expect(await page.content()).not.toContain(exactPlace);

      // their page lists it as waiting for an answer
      await open(page, t, '/me/applications');
      const item = page.locator(`section[data-group="pending"] article[data-application-id="${rows[0]!.id}"]`);
      expect(await item.locator('h3').innerText()).toBe('集会所の椅子並べ');
      expect(await item.innerText()).toContain(i18n.t('status.application.pending'));

      // withdraw it there
      await submitForm(page, 'withdraw', item);
      await page.locator(`section[data-group="past"] article[data-application-id="${rows[0]!.id}"]`).waitFor();
      expect(await page.getByTestId('form-message').innerText()).toContain(i18n.t('board.apply.withdrawnTitle'));
      const [after] = await handsBy(volunteer.id);
      expect(after!.status).toBe('withdrawn');

      // the request page offers to raise a hand again
      await open(page, t, `/requests/${privateRequest}`);
      expect(await page.locator('form[data-form="apply"]').count()).toBe(1);
    },
  );

  it('withdrawing from the request page itself, without JavaScript', async () => {
    const i18n = texts('ja');
    const volunteer = await createVolunteer(t, { verified: true });
    const page = await newPage({ as: volunteer.email, javaScript: false });
    await open(page, t, `/requests/${privateRequest}`);
    await page.fill('#apply-message', 'お手伝いします');
    await submitForm(page, 'apply');
    await submitForm(page, 'withdraw');
    expect(await page.getByTestId('form-message').innerText()).toContain(i18n.t('board.apply.withdrawnTitle'));
    const rows = await handsBy(volunteer.id);
    expect(rows.map((r) => r.status)).toEqual(['withdrawn']);
  });

  it('a volunteer whose email is not confirmed cannot, is told why, and can get a new link', async () => {
    const i18n = texts('ja-easy');
    const volunteer = await createVolunteer(t, { verified: false });
    const page = await newPage({ as: volunteer.email, lang: 'ja-easy', javaScript: false });
    await open(page, t, `/requests/${privateRequest}`);
    expect(await page.getByTestId('apply-unverified').innerText()).toBe(i18n.t('board.apply.unverifiedBody'));
    expect(await page.locator('form[data-form="apply"]').count()).toBe(0);

    await submitForm(page, 'confirm-email');
    expect(await page.locator('main').innerText()).toContain(
      i18n.t('board.apply.confirmSent', { email: volunteer.email }),
    );
    await expect.poll(() => t.mail.some((m) => m.to === volunteer.email)).toBe(true);
    expect(await handsBy(volunteer.id)).toEqual([]);
  });

  it('a filled request takes no more hands and says why', async () => {
    const i18n = texts('ja');
    const filled = await insertRequest(t, { title: '満員の依頼', status: 'filled', slots: 1, matchedCount: 1 });
    const volunteer = await createVolunteer(t, { verified: true });
    const page = await newPage({ as: volunteer.email });
    await open(page, t, `/requests/${filled}`);
    expect(await page.getByTestId('apply-closed').innerText()).toBe(i18n.t('board.apply.closedFilled'));
    expect(await page.locator('main').innerText()).toContain(i18n.t('status.request.filled'));
  });
});

describe('officers and staff of the request', () => {
  it.each([
    { who: demo.officerSenju, href: `/association/requests/` },
    { who: demo.staffAdachi, href: `/staff/moderation/` },
  ])('$who gets a link to their management page and sees the private details', async ({ who, href }) => {
    const page = await newPage({ as: who });
    await open(page, t, `/requests/${privateRequest}`);
    expect(await page.locator('a[data-manage-link]').getAttribute('href')).toBe(`${href}${privateRequest}`);
    expect(await page.getByTestId('private-details').innerText()).toContain(exactPlace);
    expect(await page.locator('form[data-form="apply"]').count()).toBe(0);
  });
});

describe('reporting a request', () => {
  it.each([false, true])(
    'a signed-in person reports it with a reason; an empty reason is refused (JavaScript %s)',
    async (javaScript) => {
      const i18n = texts('ja');
      const reporter = await createVolunteer(t, { verified: true });
      const page = await newPage({ as: reporter.email, javaScript });
      await open(page, t, `/requests/${htmlRequest}`);
      const box = page.locator('[data-flag="flag-request"]');
      await box.locator('summary').click();
      await submitForm(page, 'flag', box);
      expect(await page.locator('#flag-request-reason-error').innerText()).toContain(
        i18n.t('errors.field.REASON_REQUIRED'),
      );
      expect(await flagsBy(reporter.id)).toEqual([]);

      await page.fill('#flag-request-reason', 'スクリプトのような文字が書かれていて不安です。');
      await submitForm(page, 'flag', box);
      expect(await box.innerText()).toContain(i18n.t('board.flag.done'));
      expect(await flagsBy(reporter.id)).toEqual([
        expect.objectContaining({ targetType: 'request', targetId: htmlRequest, status: 'open' }),
      ]);
    },
  );
});

/** The hands `volunteerId` raised on the request of this file whose exact place is private. */
async function handsBy(volunteerId: string) {
  return (await applicationsOf(t, privateRequest)).filter((a) => a.volunteerId === volunteerId);
}

async function flagsBy(userId: string) {
  return t.database.handle.db.select().from(schema.flags).where(eq(schema.flags.reporterId, userId));
}
