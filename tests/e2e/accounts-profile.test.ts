import { readFile } from 'node:fs/promises';
import { schema } from '@board/db';
import { MyDataExport } from '@board/shared';
import { and, eq, ne } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  demo,
  demoPassword,
  expectFieldError,
  freshEmail,
  newPersonContext,
  open,
  signIn,
  submit,
  t,
  useBrowserApp,
  userIdOf,
  visitAs,
} from './kit/index.ts';

/** "My page" (/me) in a real browser: profile, volunteer fields, password, email, my data, deleting. */

useBrowserApp();

async function profileOf(email: string) {
  const [row] = await t.database.handle.db
    .select()
    .from(schema.volunteerProfiles)
    .where(eq(schema.volunteerProfiles.userId, await userIdOf(t, email)));
  return row ?? null;
}

async function accountOf(email: string) {
  const [row] = await t.database.handle.db
    .select()
    .from(schema.users)
    .where(eq(schema.users.id, await userIdOf(t, email)));
  return row!;
}

/** A municipality not (yet) on the board, to choose from the "more" list. */
async function inactiveMunicipality(): Promise<string> {
  const [row] = await t.database.handle.db
    .select({ code: schema.municipalities.code })
    .from(schema.municipalities)
    .where(and(ne(schema.municipalities.status, 'active'), eq(schema.municipalities.kind, 'city')))
    .limit(1);
  return row!.code;
}

const profileText = {
  ja: { title: 'わたしのページ', saved: 'プロフィールを保存しました。' },
  en: { title: 'My page', saved: 'Your profile has been saved.' },
} as const;

describe('a volunteer edits their profile', () => {
  it.each([
    { lang: 'ja' as const, javaScript: true, who: demo.volunteer1 },
    { lang: 'en' as const, javaScript: true, who: demo.volunteer2 },
    { lang: 'ja' as const, javaScript: false, who: demo.volunteer4 },
  ])(
    'skills, areas, bio and more are saved ($lang, JavaScript $javaScript)',
    async ({ lang, javaScript, who }) => {
      const text = profileText[lang];
      const { page } = await visitAs('/me', { as: who, lang, javaScript });
      expect(await page.locator('h1').innerText()).toBe(text.title);
      const far = await inactiveMunicipality();

      await page.check('#profile-skills-design_flyers');
      await page.check('#profile-skills-photo_video');
      await page.uncheck('#profile-skills-other');
      await page.check('#profile-municipalityCodes-13121');
      await page.check('#profile-municipalityCodes-13104');
      // municipalities not on the board yet sit behind "more" (a <details>, works without JavaScript)
      await page.locator('details.more > summary').click();
      await page.check(`#profile-municipalities-city-${far}`);
      await page.fill('#profile-availability', '土日の午前');
      await page.check('#profile-languages-vi');
      await page.check('#profile-onlineOk');
      await page.fill('#profile-bio', `チラシ作りが得意です（${lang}）。`);
      await page.uncheck('#profile-showThanks');
      await page.fill('#profile-phone', '０３－１２３４－５６７８'); // typed in full width
      await submit(page, '[data-form="profile"]');

      await page.getByText(text.saved).waitFor();
      const profile = await profileOf(who);
      expect(profile).toMatchObject({
        skills: expect.arrayContaining(['design_flyers', 'photo_video']),
        municipalityCodes: expect.arrayContaining(['13121', '13104', far]),
        availability: '土日の午前',
        onlineOk: true,
        bio: `チラシ作りが得意です（${lang}）。`,
        showThanks: false,
      });
      expect(profile!.languages).toContain('vi');
      expect((await accountOf(who)).phone).toBe('03-1234-5678');

      // a fresh visit shows what was saved
      await open(page, t, `/me`);
      expect(await page.isChecked('#profile-skills-design_flyers')).toBe(true);
      expect(await page.isChecked(`#profile-municipalities-city-${far}`)).toBe(true);
      expect(await page.locator('details.more').getAttribute('open')).not.toBeNull();
      expect(await page.inputValue('#profile-bio')).toBe(`チラシ作りが得意です（${lang}）。`);
      expect(await page.inputValue('#profile-phone')).toBe('03-1234-5678');
      expect(await page.isChecked('#profile-showThanks')).toBe(false);
    },
    60_000,
  );

  it('shows what is still missing, and stops once it is filled in', async () => {
    const { page } = await visitAs('/me', { as: demo.volunteer3, lang: 'ja-easy' });
    const hint = page.locator('[data-notice="info"]');
    expect(await hint.innerText()).toContain('もう すこし かくと');
    expect(await hint.locator('a[href="#profile-skills"]').count()).toBe(1);
  });

  it('someone who is not a volunteer has no volunteer fields', async () => {
    const { page } = await visitAs('/me', { as: demo.staffAdachi });
    expect(await page.locator('#profile-skills').count()).toBe(0);
    expect(await page.locator('[data-roles]').innerText()).toContain('足立区の職員');
    expect(await page.locator('main a[href="/staff"]').count()).toBe(1);
  });

  it.each([
    { javaScript: true, who: demo.staffShinjuku },
    { javaScript: false, who: demo.officerSenju },
  ])(
    'choosing another language saves it and shows the whole page in it (JavaScript $javaScript)',
    async ({ javaScript, who }) => {
      const { page } = await visitAs('/me', { as: who, javaScript });
      await page.check('#profile-language input[value="en"]');
      await submit(page, '[data-form="profile"]');
      await page.getByText('Your profile has been saved.').waitFor();
      await expect.poll(() => page.getAttribute('html', 'lang'), { timeout: 10_000 }).toBe('en');
      expect(await page.locator('h1').innerText()).toBe('My page');
      expect((await accountOf(who)).language).toBe('en');
      expect((await page.context().cookies()).find((c) => c.name === 'lang')?.value).toBe('en');
    },
  );

  it('someone not signed in is sent to sign in, and back to /me afterwards', async () => {
    for (const path of ['/me', '/me/delete']) {
      const { page } = await visitAs(path);
      const url = new URL(page.url());
      expect(url.pathname).toBe('/signin');
      expect(url.searchParams.get('returnTo')).toBe(path);
    }
  });
});

describe('bad input on the profile forms is refused beside the field, and nothing is saved', () => {
  it.each([
    { lang: 'ja' as const, javaScript: true, message: '長すぎます。短くしてください。' },
    { lang: 'en' as const, javaScript: false, message: 'This is too long. Please shorten it.' },
    { lang: 'ja-easy' as const, javaScript: true, message: 'ながすぎます。' },
  ])('a bio that is too long ($lang, JavaScript $javaScript)', async ({ lang, javaScript, message }) => {
    const { page } = await visitAs('/me', { as: demo.volunteer5, lang, javaScript });
    const before = await profileOf(demo.volunteer5);
    const long = 'あ'.repeat(1001);
    await page.fill('#profile-bio', long);
    await page.check('#profile-skills-it_digital');
    await submit(page, '[data-form="profile"]');
    await expectFieldError(page, 'profile-bio', message);
    // what was typed stays, ticks included
    expect(await page.inputValue('#profile-bio')).toBe(long);
    expect(await page.isChecked('#profile-skills-it_digital')).toBe(true);
    expect(await profileOf(demo.volunteer5)).toEqual(before);
  });

  it('a phone number that is not one, and an empty name', async () => {
    const { page } = await visitAs('/me', { as: demo.volunteer5 });
    const before = await accountOf(demo.volunteer5);
    await page.fill('#profile-phone', 'でんわ');
    await page.fill('#profile-displayName', ' ');
    await submit(page, '[data-form="profile"]');
    await expectFieldError(page, 'profile-phone', '電話番号は数字とハイフンで入力してください');
    await expectFieldError(page, 'profile-displayName', '表示名を入力してください。');
    expect(await accountOf(demo.volunteer5)).toEqual(before);
  });

  it('a notification address that is not an email address', async () => {
    const { page } = await visitAs('/me', { as: demo.volunteer5, lang: 'en' });
    await page.fill('#profile-notificationEmail', 'sakura at example');
    await submit(page, '[data-form="profile"]');
    await expectFieldError(page, 'profile-notificationEmail', 'This is not a valid email address');
    expect((await accountOf(demo.volunteer5)).notificationEmail).toBeNull();
  });

  it('changing the password: wrong current password, too short a new one, then done', async () => {
    const { page } = await visitAs('/me', { as: demo.volunteer3 });
    const before = (await accountOf(demo.volunteer3)).passwordHash;
    await page.fill('#password-currentPassword', 'not-my-password');
    await page.fill('#password-newPassword', 'a-long-new-password');
    await submit(page, '[data-form="password"]');
    await expectFieldError(page, 'password-currentPassword', 'パスワードが違います。');
    await page.fill('#password-currentPassword', demoPassword);
    await page.fill('#password-newPassword', 'short');
    await submit(page, '[data-form="password"]');
    await expectFieldError(page, 'password-newPassword', 'パスワードは10文字以上にしてください。');
    expect((await accountOf(demo.volunteer3)).passwordHash).toBe(before);

    await page.fill('#password-currentPassword', demoPassword);
    await page.fill('#password-newPassword', 'a-long-new-password');
    await submit(page, '[data-form="password"]');
    await page.getByText('パスワードを変えました。').waitFor();
    expect((await accountOf(demo.volunteer3)).passwordHash).not.toBe(before);
  });

  it('changing the email: a bad address, then a link is mailed to the new one', async () => {
    const { page } = await visitAs('/me', { as: demo.volunteer2, lang: 'en' });
    await page.fill('#email-newEmail', 'alex@');
    await page.fill('#email-password', demoPassword);
    await submit(page, '[data-form="email"]');
    await expectFieldError(page, 'email-newEmail', 'This is not a valid email address');
    const next = freshEmail('alex');
    await page.fill('#email-newEmail', next);
    await page.fill('#email-password', 'wrong-password');
    await submit(page, '[data-form="email"]');
    await expectFieldError(page, 'email-password', 'The password is not correct.');
    await page.fill('#email-newEmail', next);
    await page.fill('#email-password', demoPassword);
    await submit(page, '[data-form="email"]');
    await page.getByText(`We sent a confirmation email to ${next}.`).waitFor();
    await expect.poll(() => t.app.mailer.captured.some((m) => m.to === next), { timeout: 10_000 }).toBe(true);
    // the address changes only once the link is opened
    expect((await accountOf(demo.volunteer2)).email).toBe(demo.volunteer2);
  });
});

describe('download my data', () => {
  it('the button downloads a JSON file with everything kept, and the download is logged', async () => {
    const { page } = await visitAs('/me', { as: demo.volunteer1 });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-form="export"] button').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^machi-udekiki-my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const data = MyDataExport.parse(JSON.parse(await readFile((await download.path())!, 'utf8')));
    expect(data.account.email).toBe(demo.volunteer1);
    expect(data.roles.map((r) => r.role)).toEqual(['volunteer']);
    // still on /me
    expect(new URL(page.url()).pathname).toBe('/me');

    const userId = await userIdOf(t, demo.volunteer1);
    const logged = await t.database.handle.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.actorId, userId), eq(schema.auditLog.action, 'me.export')));
    expect(logged.length).toBeGreaterThanOrEqual(1);
  });

  it('the download route answers JSON as an attachment, never cached; signed out it goes to sign in', async () => {
    const { context } = await visitAs('/me', { as: demo.volunteer2 });
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
    expect(refused.headers().location).toBe('/signin?returnTo=%2Fme');
  });
});

describe('deleting the account', () => {
  it.each([true, false])(
    'explains what stays, asks to confirm, then anonymises (JavaScript %s)',
    async (javaScript) => {
      // a person of their own for each run: deleting is for good
      const email = javaScript ? demo.volunteer5 : demo.volunteer4;
      const { page } = await visitAs('/me', { as: email, javaScript });
      await Promise.all([page.waitForURL(/\/me\/delete$/), page.locator('main a[href="/me/delete"]').click()]);
      expect(await page.locator('main').innerText()).toContain('退会したユーザー');

      // not ticked: nothing happens
      await page.fill('#delete-password', demoPassword);
      await submit(page, '[data-form="delete"]');
      await expectFieldError(page, 'delete-confirm', '退会するには、チェックを入れてください。');
      // wrong password: nothing happens
      await page.fill('#delete-password', 'not-the-password');
      await page.check('#delete-confirm');
      await submit(page, '[data-form="delete"]');
      await expectFieldError(page, 'delete-password', 'パスワードが違います。');
      expect((await accountOf(email)).deletedAt).toBeNull();

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
  for (const lang of ['ja', 'ja-easy', 'en'] as const) {
    it.each([
      { path: '/me', as: demo.volunteer1 },
      { path: '/me', as: demo.officerOkubo },
      { path: '/me', as: demo.foundation },
      { path: '/me/delete', as: demo.volunteer1 },
      { path: '/me/deleted', as: undefined },
    ])(`$path as $as has no violations (${lang})`, async ({ path, as }) => {
      const { page, status } = await visitAs(path, { as, lang });
      expect(status).toBe(200);
      expect(await accessibilityViolations(page)).toEqual([]);
    });
  }

  it.each(['ja', 'ja-easy'] as const)('the forms showing their errors have no violations (%s)', async (lang) => {
    const { page } = await visitAs('/me', { as: demo.officerOkubo, lang });
    await page.fill('#profile-bio', 'x'.repeat(1200));
    await page.fill('#profile-phone', '??');
    await submit(page, '[data-form="profile"]');
    await expect.poll(() => page.locator('#profile-bio-error').count(), { timeout: 10_000 }).toBe(1);
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

  it('/me fits a 320px wide phone without sideways scrolling', async () => {
    const context = await newPersonContext({ lang: null, viewport: { width: 320, height: 640 } });
    await signIn(t, context, demo.officerOkubo);
    const page = await context.newPage();
    await open(page, t, `/me`);
    await page.locator('details.more > summary').click();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

describe('an account without a password', () => {
  it('is offered an emailed link instead of a password form, and deletes with the tick box alone', async () => {
    const email = freshEmail('link-only');
    const [person] = await t.database.handle.db
      .insert(schema.users)
      .values({ email, emailVerifiedAt: new Date(), displayName: 'リンク 花子' })
      .returning({ id: schema.users.id });
    const { page } = await visitAs('/me', { as: email, lang: 'ja', javaScript: false });
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
