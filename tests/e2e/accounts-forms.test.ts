import { describe, expect, it } from 'vitest';
import { t, useBrowserApp } from './kit/boot.ts';
import { linkIn, mailTo } from './kit/mail.ts';
import { expectSummary, fieldError, formAnswer, open, submit } from './kit/pages.ts';
import { demoPassword, freshEmail, visitAs } from './kit/people.ts';
import { countTokens, countUsers } from './kit/rows.ts';
import { languageRuns, texts, type Lang } from './kit/texts.ts';

useBrowserApp();

const runs = languageRuns({ ja: true, en: true, 'ja-easy': false });

async function openPage(lang: Lang, javaScript: boolean, path: string) {
  return visitAs(path, { lang, javaScript });
}

describe.each(runs)('bad input in $lang (JavaScript: $javaScript)', ({ lang, javaScript }) => {
  const i18n = texts(lang);
  const errorPrefix = i18n.t('form.errorPrefix');

  it('sign-up: bad email, short password and empty name are explained beside each field; nothing is written', async () => {
    const { context, page } = await openPage(lang, javaScript, '/signup');
    const users = await countUsers(t);
    const mails = t.mail.length;

    await page.locator('#signup-email').fill('not-an-address');
    await page.locator('#signup-password').fill('short');
    await page.locator('#signup-name').fill('   ');
    await submit(page, page.getByRole('button', { name: i18n.t('auth.signup.submit'), exact: true }));

    const summary = await expectSummary(page, 3);
    expect(await page.title()).toMatch(new RegExp(`^${errorPrefix}`));
    expect(await fieldError(page, 'signup-email')).toContain(i18n.t('errors.field.EMAIL_INVALID'));
    expect(await fieldError(page, 'signup-password')).toContain(i18n.t('errors.field.PASSWORD_TOO_SHORT'));
    expect(await fieldError(page, 'signup-name')).toContain(i18n.t('errors.field.DISPLAY_NAME_REQUIRED'));
    expect(await summary.innerText()).toContain(
      i18n.t('errors.summary.item', {
        label: i18n.t('auth.field.email'),
        message: i18n.t('errors.field.EMAIL_INVALID'),
      }),
    );
    // what was typed comes back, except the password
    expect(await page.locator('#signup-email').inputValue()).toBe('not-an-address');
    if (!javaScript) expect(await page.locator('#signup-password').inputValue()).toBe('');

    expect(await countUsers(t)).toBe(users);
    expect(t.mail.length).toBe(mails);

    if (javaScript) {
      // the summary's links take the keyboard to the field
      await summary.getByRole('link').nth(1).click();
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 10_000 })
        .toBe('signup-password');
    }
    await context.close();
  });

  it('sign-in: empty boxes say so, and nobody is signed in', async () => {
    const { context, page } = await openPage(lang, javaScript, '/signin');
    const users = await countUsers(t);
    await submit(page, page.getByRole('button', { name: i18n.t('auth.signin.submit'), exact: true }));
    await expectSummary(page, 2);
    expect(await fieldError(page, 'signin-email')).toContain(i18n.t('errors.field.required'));
    expect(await fieldError(page, 'signin-password')).toContain(i18n.t('errors.field.required'));
    // the other form on the page is untouched
    expect(await page.locator('#signin-link-email').getAttribute('aria-invalid')).toBeNull();
    expect((await context.cookies()).map((c) => c.name)).not.toContain('board_access');
    expect(await countUsers(t)).toBe(users);
    await context.close();
  });

  it('sign-in: a wrong password gives the translated INVALID_CREDENTIALS message', async () => {
    const { context, page } = await openPage(lang, javaScript, '/signin');
    await page.locator('#signin-email').fill('volunteer1@demo.example');
    await page.locator('#signin-password').fill('not the password at all');
    await submit(page, page.getByRole('button', { name: i18n.t('auth.signin.submit'), exact: true }));
    const summary = await expectSummary(page, 0);
    expect(await summary.innerText()).toContain(i18n.t('errors.code.INVALID_CREDENTIALS'));
    expect(await page.locator('#signin-email').inputValue()).toBe('volunteer1@demo.example');
    expect((await context.cookies()).map((c) => c.name)).not.toContain('board_access');
    await context.close();
  });

  it('sign-in link: an empty or malformed address is explained, and no mail goes out', async () => {
    const { context, page } = await openPage(lang, javaScript, '/signin');
    const mails = t.mail.length;
    const tokens = await countTokens(t);
    const send = page.getByRole('button', { name: i18n.t('auth.signin.linkSubmit') });
    await submit(page, send);
    await expectSummary(page, 1);
    expect(await fieldError(page, 'signin-link-email')).toContain(i18n.t('errors.field.required'));
    await page.locator('#signin-link-email').fill('someone@');
    await submit(page, send);
    await expect
      .poll(() => page.locator('#signin-link-email-error').innerText(), { timeout: 10_000 })
      .toContain(i18n.t('errors.field.EMAIL_INVALID'));
    expect(t.mail.length).toBe(mails);
    expect(await countTokens(t)).toBe(tokens);
    await context.close();
  });

  it('password reset: a malformed address, then a short new password, are explained; the link still works after', async () => {
    const { context, page } = await openPage(lang, javaScript, '/reset-password');
    await page.locator('#reset-email').fill('nobody-at-example.org');
    await submit(page, page.getByRole('button', { name: i18n.t('auth.reset.requestSubmit') }));
    await expectSummary(page, 1);
    expect(await fieldError(page, 'reset-email')).toContain(i18n.t('errors.field.EMAIL_INVALID'));

    // a real reset link for a fresh account
    const email = freshEmail(`reset-bad-${lang}`);
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: { email, password: 'first password 2026', displayName: 'R', language: 'ja' },
    });
    await t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email } });
    const mail = await mailTo(t, email, (s) => s.includes('パスワード'));
    const link = linkIn(mail.text, '/reset-password', t);
    const users = await countUsers(t);
    const tokens = await countTokens(t);

    await open(page, t, link.local);
    await page.locator('#reset-password').fill('2short');
    await submit(page, page.getByRole('button', { name: i18n.t('auth.reset.newSubmit') }));
    await expectSummary(page, 1);
    expect(await fieldError(page, 'reset-password')).toContain(i18n.t('errors.field.PASSWORD_TOO_SHORT'));
    expect(await countUsers(t)).toBe(users);
    expect(await countTokens(t)).toBe(tokens);

    // the token was not spent: the same form (even after a no-JavaScript reload) takes a good password
    await page.locator('#reset-password').fill('a much better password');
    await submit(page, page.getByRole('button', { name: i18n.t('auth.reset.newSubmit') }));
    expect(await formAnswer(page, 'form-message')).toContain(i18n.t('auth.reset.doneTitle'));
    await context.close();
  });
});

describe('too many wrong passwords', () => {
  it('the page says to wait (RATE_LIMITED), translated', async () => {
    const i18n = texts('en');
    const email = 'volunteer4@demo.example';
    // this visitor (the browser's address, as the page server vouches for it) used up its free
    // wrong passwords: it is asked to wait. Strangers elsewhere cannot do this to the account
    // (server/test/limits/password-throttle.test.ts).
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email, password: `wrong ${i}` },
        remoteAddress: '127.0.0.1',
      });
      expect(res.statusCode).toBe(401);
    }
    const { context, page } = await openPage('en', true, '/signin');
    await page.locator('#signin-email').fill(email);
    await page.locator('#signin-password').fill(demoPassword);
    await submit(page, page.getByRole('button', { name: i18n.t('auth.signin.submit'), exact: true }));
    const summary = await expectSummary(page, 0);
    expect(await summary.innerText()).toContain(i18n.t('errors.code.RATE_LIMITED'));
    await context.close();
  });
});
