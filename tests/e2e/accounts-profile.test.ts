import { schema } from '@board/db';
import { and, eq, ne } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { t, useBrowserApp } from './kit/boot.ts';
import { expectFieldError, open, submit } from './kit/pages.ts';
import { demo, demoPassword, freshEmail, userIdOf, visitAs } from './kit/people.ts';
import { accountRow } from './kit/rows.ts';

/** "My page" (/me/profile, /me/skills, /me/availability) in a real browser: profile, volunteer fields, language, and bad input refused. */

useBrowserApp();

async function profileOf(email: string) {
  const [row] = await t.database.handle.db
    .select()
    .from(schema.volunteerProfiles)
    .where(eq(schema.volunteerProfiles.userId, await userIdOf(t, email)));
  return row ?? null;
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
  ja: { title: '腕ききとしてのプロフィール', saved: 'プロフィールを保存しました。' },
  en: { title: 'Your volunteer profile', saved: 'Your profile has been saved.' },
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

      const { page } = await visitAs('/me/skills', { as: who, lang, javaScript });
      expect(await page.locator('h1').innerText()).toBe(text.title);
      const far = await inactiveMunicipality();

      await page.check('#profile-interestCategories-design_flyers');
      await page.check('#profile-interestCategories-photo_video');
      await page.uncheck('#profile-interestCategories-other');
      await page.fill('#profile-bio', `チラシ作りが得意です（${lang}）。`);
      await page.uncheck('#profile-showThanks');
      await submit(page, '[data-form="profile"]');
      await page.getByText(text.saved).waitFor();

      // where and when are the profile's other part
      await open(page, t, '/me/availability');
      await page.check('#profile-municipalityCodes-13121');
      await page.check('#profile-municipalityCodes-13104');
      // municipalities not on the board yet sit behind "more" (a <details>, works without JavaScript)
      const farFold = page.locator('details.more', { has: page.locator(`#profile-municipalities-city-${far}`) });
      // it opens by itself when one of them is already chosen (volunteer1 has 葛飾区, not on the
      // board yet): a click then would fold it shut
      if ((await farFold.getAttribute('open')) === null) await farFold.locator('> summary').click();
      await page.check(`#profile-municipalities-city-${far}`);
      await page.fill('#profile-availability', '土日の午前');
      await page.check('#profile-languages-vi');
      await page.check('#profile-onlineOk');
      await submit(page, '[data-form="profile"]');
      await page.getByText(text.saved).waitFor();

      // the contact details are on the profile part
      await open(page, t, '/me/profile');
      await page.fill('#profile-phone', '０３－１２３４－５６７８'); // typed in full width
      await submit(page, '[data-form="profile"]');
      await page.getByText(text.saved).waitFor();
      const profile = await profileOf(who);
      expect(profile).toMatchObject({
        interestCategories: expect.arrayContaining(['design_flyers', 'photo_video']),
        municipalityCodes: expect.arrayContaining(['13121', '13104', far]),
        availability: '土日の午前',
        onlineOk: true,
        bio: `チラシ作りが得意です（${lang}）。`,
        showThanks: false,
      });
      expect(profile!.languages).toContain('vi');
      expect((await accountRow(t, who)).phone).toBe('03-1234-5678');

      // a fresh visit shows what was saved
      expect(await page.inputValue('#profile-phone')).toBe('03-1234-5678');
      await open(page, t, `/me/skills`);
      expect(await page.isChecked('#profile-interestCategories-design_flyers')).toBe(true);
      expect(await page.inputValue('#profile-bio')).toBe(`チラシ作りが得意です（${lang}）。`);
      expect(await page.isChecked('#profile-showThanks')).toBe(false);
      await open(page, t, `/me/availability`);
      expect(await page.isChecked(`#profile-municipalities-city-${far}`)).toBe(true);
      expect(await page.locator('details.more').first().getAttribute('open')).not.toBeNull();
    },
    60_000,
  );

  it('shows what is still missing, and stops once it is filled in', async () => {
    const { page } = await visitAs('/me/skills', { as: demo.volunteer3, lang: 'ja-easy' });
    // the profile's own hint (the page has other notes since issue 10, e.g. the suggestion consent)
    const hint = page.locator('[data-notice="info"]', { hasText: 'もう すこし かくと' });
    expect(await hint.count()).toBe(1);
    expect(await hint.locator('a[href="#profile-skills"]').count()).toBe(1);
    // the overview says so too, with links into the form
    await open(page, t, '/me');
    const attention = page.getByTestId('my-page-attention');
    expect(await attention.locator('a[href="/me/skills#profile-skills"]').count()).toBe(1);

    await open(page, t, '/me/skills');
    await page.locator('#profile-skills details').first().locator('summary').click();
    await page.locator('#profile-skills select').first().selectOption('can');
    await page.fill('#profile-bio', 'てつだいます。');
    await submit(page, '[data-form="profile"]');
    await page.getByText('プロフィールを ほぞんしました。').waitFor();
    await open(page, t, '/me/availability');
    await page.check('#profile-municipalityCodes-13121');
    await page.check('#profile-availabilitySlots-sat-morning');
    await submit(page, '[data-form="profile"]');
    await page.getByText('プロフィールを ほぞんしました。').waitFor();
    expect(await hint.count()).toBe(0);
    await open(page, t, '/me');
    expect(await page.getByTestId('my-page-attention').count()).toBe(0);
  });

  it('someone who is not a volunteer has no volunteer fields', async () => {
    const { page } = await visitAs('/me', { as: demo.staffAdachi });
    expect(await page.locator('main a[href="/me/skills"]').count()).toBe(0);
    expect(await page.locator('main a[href="/me/calendar"]').count()).toBe(1);
    expect(await page.locator('[data-roles]').innerText()).toContain('足立区の職員');
    expect(await page.locator('main a[href="/staff"]').count()).toBe(1);
    await open(page, t, '/me/skills');
    expect(new URL(page.url()).pathname).toBe('/me');
  });

  it.each([
    { javaScript: true, who: demo.staffShinjuku },
    { javaScript: false, who: demo.officerSenju },
  ])(
    'choosing another language saves it and shows the whole page in it (JavaScript $javaScript)',
    async ({ javaScript, who }) => {
      const { page } = await visitAs('/me/profile', { as: who, javaScript });
      await page.check('#profile-language input[value="en"]');
      await submit(page, '[data-form="profile"]');
      await page.getByText('Your profile has been saved.').waitFor();
      await expect.poll(() => page.getAttribute('html', 'lang'), { timeout: 10_000 }).toBe('en');
      expect(await page.locator('h1').innerText()).toBe('Name, language and sign-in');
      expect((await accountRow(t, who)).language).toBe('en');
      expect((await page.context().cookies()).find((c) => c.name === 'lang')?.value).toBe('en');
    },
  );

  it('someone not signed in is sent to sign in, and back to /me afterwards', async () => {
    for (const path of ['/me', '/me/calendar', '/me/delete']) {
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
    const { page } = await visitAs('/me/skills', { as: demo.volunteer5, lang, javaScript });
    const before = await profileOf(demo.volunteer5);
    const long = 'あ'.repeat(1001);
    await page.fill('#profile-bio', long);
    await page.check('#profile-interestCategories-it_digital');
    await submit(page, '[data-form="profile"]');
    await expectFieldError(page, 'profile-bio', message);
    // what was typed stays, ticks included
    expect(await page.inputValue('#profile-bio')).toBe(long);
    expect(await page.isChecked('#profile-interestCategories-it_digital')).toBe(true);
    expect(await profileOf(demo.volunteer5)).toEqual(before);
  });

  it('a phone number that is not one, and an empty name', async () => {
    const { page } = await visitAs('/me/profile', { as: demo.volunteer5 });
    const before = await accountRow(t, demo.volunteer5);
    await page.fill('#profile-phone', 'でんわ');
    await page.fill('#profile-displayName', ' ');
    await submit(page, '[data-form="profile"]');
    await expectFieldError(page, 'profile-phone', '電話番号は数字とハイフンで入力してください');
    await expectFieldError(page, 'profile-displayName', '表示名を入力してください。');
    expect(await accountRow(t, demo.volunteer5)).toEqual(before);
  });

  it('a notification address that is not an email address', async () => {
    const { page } = await visitAs('/me/profile', { as: demo.volunteer5, lang: 'en' });
    await page.fill('#profile-notificationEmail', 'sakura at example');
    await submit(page, '[data-form="profile"]');
    await expectFieldError(page, 'profile-notificationEmail', 'This is not a valid email address');
    expect((await accountRow(t, demo.volunteer5)).notificationEmail).toBeNull();
  });

  it('changing the password: wrong current password, too short a new one, then done', async () => {
    const { page } = await visitAs('/me/profile', { as: demo.volunteer3 });
    const before = (await accountRow(t, demo.volunteer3)).passwordHash;
    await page.fill('#password-currentPassword', 'not-my-password');
    await page.fill('#password-newPassword', 'a-long-new-password');
    await submit(page, '[data-form="password"]');
    await expectFieldError(page, 'password-currentPassword', 'パスワードが違います。');
    await page.fill('#password-currentPassword', demoPassword);
    await page.fill('#password-newPassword', 'short');
    await submit(page, '[data-form="password"]');
    await expectFieldError(page, 'password-newPassword', 'パスワードは10文字以上にしてください。');
    expect((await accountRow(t, demo.volunteer3)).passwordHash).toBe(before);

    await page.fill('#password-currentPassword', demoPassword);
    await page.fill('#password-newPassword', 'a-long-new-password');
    await submit(page, '[data-form="password"]');
    await page.getByText('パスワードを変えました。').waitFor();
    expect((await accountRow(t, demo.volunteer3)).passwordHash).not.toBe(before);
  });

  it('changing the email: a bad address, then a link is mailed to the new one', async () => {
    const { page } = await visitAs('/me/profile', { as: demo.volunteer2, lang: 'en' });
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
    await expect.poll(() => t.mail.some((m) => m.to === next), { timeout: 10_000 }).toBe(true);
    // the address changes only once the link is opened
    expect((await accountRow(t, demo.volunteer2)).email).toBe(demo.volunteer2);
  });
});
