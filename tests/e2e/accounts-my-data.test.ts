import { readFile } from 'node:fs/promises';
import { schema } from '@board/db';
import { MyDataExport } from '@board/shared';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations } from '../src/harness/browser.ts';
import { t, useBrowserApp } from './kit/boot.ts';
import { expectFieldError, open, submit } from './kit/pages.ts';
import {
  demo,
  demoPassword,
  expectNoSidewaysScrollAt,
  freshEmail,
  itHasNoViolationsAt,
  newPage,
  newPersonContext,
  userIdOf,
  visitAs,
} from './kit/people.ts';
import { accountRow } from './kit/rows.ts';
import { texts } from './kit/texts.ts';

/** "My page" (/me and its parts) in a real browser: my data, deleting the account, old links; axe; phones. */

useBrowserApp();

/** The overview and its parts (a volunteer has them all). */
const myPages = ['/me', '/me/profile', '/me/skills', '/me/availability', '/me/calendar', '/me/data'];

describe('download my data', () => {
  it('the button downloads a JSON file with everything kept, and the download is logged', async () => {
    const { page } = await visitAs('/me/data', { as: demo.volunteer1 });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-form="export"] button').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^machi-udekiki-my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const data = MyDataExport.parse(JSON.parse(await readFile((await download.path())!, 'utf8')));
    expect(data.account.email).toBe(demo.volunteer1);
    expect(data.roles.map((r) => r.role)).toEqual(['volunteer']);
    // still on /me/data
    expect(new URL(page.url()).pathname).toBe('/me/data');

    const userId = await userIdOf(t, demo.volunteer1);
    const logged = await t.database.handle.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.actorId, userId), eq(schema.auditLog.action, 'me.export')));
    expect(logged.length).toBeGreaterThanOrEqual(1);
  });

  it('the download route answers JSON as an attachment, never cached; signed out it goes to sign in', async () => {
    const { context } = await visitAs('/me/data', { as: demo.volunteer2 });
    const response = await context.request.post(`${t.baseUrl}/me/export`, {
      headers: { origin: t.baseUrl },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/json');
    expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="machi-udekiki-my-data-/);
    expect(response.headers()['cache-control']).toBe('no-store');
    const data = MyDataExport.parse(await response.json());
    expect(data.account.displayName).toBe('Alex Morgan');

    const anonymous = await newPersonContext({ lang: null });
    const refused = await anonymous.request.post(`${t.baseUrl}/me/export`, {
      headers: { origin: t.baseUrl },
      maxRedirects: 0,
    });
    expect(refused.status()).toBe(303);
    expect(refused.headers().location).toBe('/signin?returnTo=%2Fme%2Fdata');
  });
});

describe('deleting the account', () => {
  it.each([true, false])(
    'explains what stays, asks to confirm, then anonymises (JavaScript %s)',
    async (javaScript) => {
      // a person of their own for each run: deleting is for good
      const email = javaScript ? demo.volunteer5 : demo.volunteer4;
      const { page } = await visitAs('/me', { as: email, javaScript });
      await Promise.all([page.waitForURL(/\/me\/data$/), page.locator('main a[href="/me/data"]').click()]);
      await Promise.all([page.waitForURL(/\/me\/delete$/), page.locator('main a[href="/me/delete"]').click()]);
      await expect.poll(() => page.locator('main').innerText()).toContain('退会したユーザー');

      // not ticked: nothing happens
      await page.fill('#delete-password', demoPassword);
      await submit(page, '[data-form="delete"]');
      await expectFieldError(page, 'delete-confirm', '退会するには、チェックを入れてください。');
      // wrong password: nothing happens
      await page.fill('#delete-password', 'not-the-password');
      await page.check('#delete-confirm');
      await submit(page, '[data-form="delete"]');
      await expectFieldError(page, 'delete-password', 'パスワードが違います。');
      expect((await accountRow(t, email)).deletedAt).toBeNull();

      const userId = await userIdOf(t, email);
      await page.fill('#delete-password', demoPassword);
      await page.check('#delete-confirm');
      await submit(page, '[data-form="delete"]');
      await expect.poll(() => new URL(page.url()).pathname, { timeout: 10_000 }).toBe('/me/deleted');
      expect(await page.locator('h1').innerText()).toBe('退会しました');

      const [row] = await t.database.handle.db.select().from(schema.users).where(eq(schema.users.id, userId));
      expect(row).toMatchObject({ email: null, displayName: '退会したユーザー', phone: null });
      expect(row!.deletedAt).not.toBeNull();
      // signed out: /me now asks to sign in
      await open(page, t, `/me`);
      expect(new URL(page.url()).pathname).toBe('/signin');
    },
  );
});

describe('accessibility (axe, WCAG 2.2 AA)', () => {
  itHasNoViolationsAt(
    [
      { path: '/me', as: demo.volunteer1 },
      { path: '/me', as: demo.officerOkubo },
      { path: '/me', as: demo.foundation },
      { path: '/me/profile', as: demo.foundation },
      { path: '/me/skills', as: demo.volunteer1 },
      { path: '/me/availability', as: demo.volunteer1 },
      { path: '/me/calendar', as: demo.officerOkubo },
      { path: '/me/data', as: demo.volunteer1 },
      { path: '/me/delete', as: demo.volunteer1 },
      { path: '/me/deleted', as: undefined },
    ],
    { status: 200 },
  );

  it.each(['ja', 'ja-easy'] as const)('the forms showing their errors have no violations (%s)', async (lang) => {
    const { page } = await visitAs('/me/skills', { as: demo.officerOkubo, lang });
    await page.fill('#profile-bio', 'x'.repeat(1200));
    await submit(page, '[data-form="profile"]');
    await expect.poll(() => page.locator('#profile-bio-error').count(), { timeout: 10_000 }).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await open(page, t, '/me/profile');
    await page.fill('#profile-phone', '??');
    await submit(page, '[data-form="profile"]');
    await expect.poll(() => page.locator('#profile-phone-error').count(), { timeout: 10_000 }).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.fill('#email-newEmail', 'bad');
    await page.fill('#email-password', demoPassword);
    await submit(page, '[data-form="email"]');
    await expect.poll(() => page.locator('#email-newEmail-error').count(), { timeout: 10_000 }).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    const del = await visitAs('/me/delete', { as: demo.officerOkubo, lang });
    await submit(del.page, '[data-form="delete"]');
    await expect.poll(() => del.page.locator('#delete-confirm-error').count(), { timeout: 10_000 }).toBe(1);
    expect(await accessibilityViolations(del.page)).toEqual([]);
  });

  it('every part of /me fits a 320px wide phone without sideways scrolling', async () => {
    await expectNoSidewaysScrollAt(myPages, {
      as: demo.officerOkubo,
      lang: null,
      // the municipalities not on the board yet, unfolded (the widest part of the skills form)
      unfold: async (page, path) => {
        if (path === '/me/availability') await page.locator('details.more > summary').click();
      },
    });
  });

  // the single page was 16,333 px; the aim is ~4,000 a part. The volunteer profile's parts run
  // longer for someone whose far-away municipalities are unfolded (volunteer1: about 5,000).
  it.each(['en', 'ja', 'ja-easy'] as const)(
    'no part of /me is longer than 6,000 px on a 390px phone (%s)',
    async (lang) => {
      const page = await newPage({ as: demo.volunteer1, lang, viewport: { width: 390, height: 844 } });
      for (const path of myPages) {
        await open(page, t, path);
        expect(await page.evaluate(() => document.documentElement.scrollHeight), path).toBeLessThanOrEqual(6000);
      }
    },
  );
});

describe('the parts of my page', () => {
  it('each part the overview lists leads back to it', async () => {
    const { page, context } = await visitAs('/me', { as: demo.volunteer1, lang: 'ja-easy' });
    const parts = await page
      .getByRole('navigation', { name: texts('ja-easy').t('account.me.parts') })
      .locator('a')
      .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(parts).toContain('/me/applications');
    for (const path of parts) {
      await open(page, t, path);
      const back = page.getByRole('link', { name: texts('ja-easy').t('account.me.back') });
      expect(await back.evaluateAll((links) => links.map((a) => a.getAttribute('href'))), path).toEqual(['/me']);
    }
    await context.close();
  });
});

describe('links to the single page /me was', () => {
  it('an old anchor lands on the link to the part that holds it now', async () => {
    const { page } = await visitAs('/me#calendar-heading', { as: demo.volunteer1, lang: 'en' });
    const part = page.locator('main li', { has: page.locator('#calendar-heading') });
    expect(await part.locator('a').getAttribute('href')).toBe('/me/calendar');
    expect(
      await page
        .locator('main li', { has: page.locator('#email-heading') })
        .locator('a')
        .getAttribute('href'),
    ).toBe('/me/profile');
  });
});

describe('an account without a password', () => {
  it('is offered an emailed link instead of a password form, and deletes with the tick box alone', async () => {
    const email = freshEmail('link-only');
    const [person] = await t.database.handle.db
      .insert(schema.users)
      .values({ email, emailVerifiedAt: new Date(), displayName: 'リンク 花子' })
      .returning({ id: schema.users.id });
    const { page } = await visitAs('/me/profile', { as: email, lang: 'ja', javaScript: false });
    expect(await page.getByTestId('no-password').count()).toBe(1);
    expect(await page.locator('form[data-form="password"]').count()).toBe(0);
    expect(await page.locator('a[href="/reset-password"]').count()).toBe(1);

    await open(page, t, `/me/delete`);
    expect(await page.locator('#delete-password').count()).toBe(0);
    await page.locator('#delete-confirm').check();
    await Promise.all([
      page.waitForURL('**/me/deleted'),
      page.locator('form[data-form="delete"] button[type="submit"]').click(),
    ]);
    const [row] = await t.database.handle.db.select().from(schema.users).where(eq(schema.users.id, person!.id));
    expect(row?.deletedAt).not.toBeNull();
  });
});
