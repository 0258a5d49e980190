import { describe, expect, it } from 'vitest';
import { t, useBrowserApp } from './kit/boot.ts';
import { pageOf } from './kit/contexts.ts';
import { followMailLinks, linkIn, mailTo } from './kit/mail.ts';
import { formAnswer, open, openHeaderMenu, submit } from './kit/pages.ts';
import { freshEmail, newPersonContext, signInFromLink } from './kit/people.ts';
import { countUsers } from './kit/rows.ts';
import { texts } from './kit/texts.ts';

// mail kept by the app, as in the demo: these pages show /dev/mail
useBrowserApp({ mail: 'memory' });

const journeys = [
  { lang: 'ja', javaScriptEnabled: true, name: '山田 花子', subject: 'メールアドレスの確認をお願いします' },
  { lang: 'en', javaScriptEnabled: true, name: 'Pat Lee', subject: 'Please confirm your email address' },
  { lang: 'ja', javaScriptEnabled: false, name: '鈴木 一郎', subject: 'メールアドレスの確認をお願いします' },
] as const;

describe('a volunteer signs up, confirms the address, signs in and out', () => {
  it.each(journeys)('in $lang (JavaScript: $javaScriptEnabled)', async ({ lang, javaScriptEnabled, name, subject }) => {
    const i18n = texts(lang);
    const email = freshEmail(`journey-${lang}`);
    const password = 'ながい あいことば 2026';
    const context = await newPersonContext({ lang, javaScript: javaScriptEnabled });
    await followMailLinks(context, t);
    const page = await pageOf(context);
    const usersBefore = await countUsers(t);

    // the header offers signing up
    await open(page, t, '/');
    await page.getByRole('link', { name: i18n.t('auth.header.signup') }).click();
    await page.waitForURL(`${t.baseUrl}/signup`);
    expect(await page.title()).toContain(i18n.t('auth.signup.title'));

    // the current language is preselected
    expect(await page.locator(`input[name=language][value=${lang}]`).isChecked()).toBe(true);
    await page.locator('#signup-email').fill(email);
    await page.locator('#signup-password').fill(password);
    if (javaScriptEnabled) {
      // the show-password checkbox appears with JavaScript and shows what was typed
      const show = page.getByLabel(i18n.t('auth.password.show'));
      // it is added once the page's JavaScript has started, which a busy machine may delay
      await show.waitFor({ timeout: 60_000 });
      await show.check();
      expect(await page.locator('#signup-password').getAttribute('type')).toBe('text');
      await show.uncheck();
      expect(await page.locator('#signup-password').getAttribute('type')).toBe('password');
    } else {
      expect(await page.getByLabel(i18n.t('auth.password.show')).count()).toBe(0);
    }
    await page.locator('#signup-name').fill(name);
    await submit(page, page.getByRole('button', { name: i18n.t('auth.signup.submit'), exact: true }));

    // "check your email", focused so it is read out
    expect(await formAnswer(page, 'form-message')).toContain(i18n.t('auth.sent.signup', { email }));
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')), { timeout: 10_000 })
      .toBe('form-message');
    expect(await countUsers(t)).toBe(usersBefore + 1);

    // the verification mail, in the chosen language
    const mail = await mailTo(t, email, (s) => s.includes(subject));
    const link = linkIn(mail.text, '/verify-email', t);

    // the demo mail page shows it, with the link as a real link
    await page.getByRole('link', { name: i18n.t('auth.sent.demoLink') }).click();
    await page.waitForURL(`${t.baseUrl}/dev/mail`);
    const article = page.locator(`article[data-mail-id="${mail.id}"]`);
    expect(await article.locator('h2').innerText()).toBe(mail.subject);
    expect(await article.innerText()).toContain(email);
    const anchor = article.getByRole('link', { name: link.mailUrl });
    expect(await anchor.getAttribute('href')).toBe(link.mailUrl);

    // opening the link only shows a button: nothing is spent yet
    await anchor.click();
    await page.waitForURL(link.local);
    expect(await page.locator('h1').innerText()).toBe(i18n.t('auth.verify.title'));
    // the password chosen at sign-up goes with the link, so it stays (the link alone would drop it)
    await page.getByLabel(i18n.t('auth.verify.password'), { exact: true }).fill(password);
    await submit(page, page.getByRole('button', { name: i18n.t('auth.verify.submit') }));
    expect(await formAnswer(page, 'form-message')).toContain(i18n.t('auth.verify.doneBody', { email }));

    // on to sign in
    await signInFromLink(page, t, lang, email, password);
    await page.waitForURL(`${t.baseUrl}/`);

    // the header knows them: name and their page in the account menu, confirmed (no reminder)
    const header = page.locator('header');
    await page.locator('[data-testid=signed-in]').waitFor();
    await openHeaderMenu(page, 'signed-in');
    expect(await header.innerText()).toContain(i18n.t('auth.header.signedInAs', { name }));
    expect(await header.getByRole('link', { name: i18n.t('auth.header.me') }).getAttribute('href')).toBe('/me');
    expect(await header.getByRole('link', { name: i18n.t('auth.header.newRequest') }).count()).toBe(0);
    expect(await header.getByRole('link', { name: i18n.t('auth.header.staff') }).count()).toBe(0);
    expect(await page.locator('[data-testid=unverified-notice]').count()).toBe(0);
    expect((await context.cookies()).map((c) => c.name)).toEqual(
      expect.arrayContaining(['board_access', 'board_refresh']),
    );

    // and signs out from the header
    await submit(page, header.getByRole('button', { name: i18n.t('auth.header.signout') }));
    await page.waitForURL(`${t.baseUrl}/`);
    await expect.poll(() => page.locator('[data-testid=signed-in]').count(), { timeout: 10_000 }).toBe(0);
    expect(await header.getByRole('link', { name: i18n.t('nav.signin') }).isVisible()).toBe(true);
    expect((await context.cookies()).map((c) => c.name)).not.toContain('board_refresh');
    await context.close();
  });
});
