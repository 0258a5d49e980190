import { startTestApp } from '../src/harness/test-app.ts';
import { schema } from '@board/db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { t, useBrowserApp } from './kit/boot.ts';
import { lastMailId, linkIn, mailTo } from './kit/mail.ts';
import { formAnswer, open, openHeaderMenu, submit } from './kit/pages.ts';
import { demoPassword, freshEmail, newPerson, signInFromLink, signInOnPage, visitAs } from './kit/people.ts';
import { texts } from './kit/texts.ts';

// mail kept by the app, as in the demo: these pages show /dev/mail
useBrowserApp({ mail: 'memory' });

async function signUpByApi(email: string, password: string, displayName: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-up',
    payload: { email, password, displayName, language: 'ja' },
  });
  expect(res.statusCode).toBe(202);
  return mailTo(t, email, (s) => s.includes('メールアドレスの確認'));
}

describe('sign-in by emailed link', () => {
  it.each([
    { lang: 'ja-easy', javaScriptEnabled: true },
    { lang: 'en', javaScriptEnabled: false },
  ] as const)(
    'works end to end in $lang (JavaScript: $javaScriptEnabled), once',
    async ({ lang, javaScriptEnabled }) => {
      const i18n = texts(lang);
      const email = 'volunteer2@demo.example';
      const { context, page } = await visitAs(`/signin`, { lang, javaScript: javaScriptEnabled });
      await page.locator('#signin-link-email').fill(email);
      const after = lastMailId(t);
      await submit(page, page.getByRole('button', { name: i18n.t('auth.signin.linkSubmit') }));
      expect(await formAnswer(page, 'form-message')).toContain(i18n.t('auth.sent.link', { email }));

      // this account had mail before (the other language's run): only a new one will do
      const mail = await mailTo(t, email, undefined, after);
      const link = linkIn(mail.text, '/signin/link', t);

      // opening the link signs nobody in until the button is pressed
      await open(page, t, link.local);
      expect(await page.locator('[data-testid=signed-in]').count()).toBe(0);
      await submit(page, page.getByRole('button', { name: i18n.t('auth.linkSignin.submit') }));
      await page.waitForURL(`${t.baseUrl}/`);
      await page.locator('[data-testid=signed-in]').waitFor();
      const [user] = await t.database.handle.db.select().from(schema.users).where(eq(schema.users.email, email));
      await openHeaderMenu(page, 'signed-in');
      expect(await page.locator('header').innerText()).toContain(
        i18n.t('auth.header.signedInAs', { name: user!.displayName }),
      );

      // the link is spent: a second use explains itself
      await open(page, t, link.local);
      await submit(page, page.getByRole('button', { name: i18n.t('auth.linkSignin.submit') }));
      expect(await formAnswer(page, 'error-summary')).toContain(i18n.t('errors.code.TOKEN_INVALID'));
      await context.close();
    },
  );
});

describe('password reset', () => {
  it('works end to end: request, mail, new password, sign in with it', async () => {
    const i18n = texts('ja');
    const email = freshEmail('reset');
    const oldPassword = 'the old password 1';
    await signUpByApi(email, oldPassword, '田中 さくら');
    const { context, page } = await visitAs(`/signin`, { lang: 'ja' });
    await page.getByRole('link', { name: i18n.t('auth.signin.forgot') }).click();
    await page.waitForURL(`${t.baseUrl}/reset-password`);
    await page.locator('#reset-email').fill(email);
    await submit(page, page.getByRole('button', { name: i18n.t('auth.reset.requestSubmit') }));
    expect(await formAnswer(page, 'form-message')).toContain(i18n.t('auth.sent.reset', { email }));

    const mail = await mailTo(t, email, (s) => s.includes('パスワード'));
    const link = linkIn(mail.text, '/reset-password', t);
    await open(page, t, link.local);
    expect(await page.locator('#reset-password').getAttribute('autocomplete')).toBe('new-password');
    await page.locator('#reset-password').fill('my brand new password');
    await submit(page, page.getByRole('button', { name: i18n.t('auth.reset.newSubmit') }));
    expect(await formAnswer(page, 'form-message')).toContain(i18n.t('auth.reset.doneBody'));

    // the old password no longer works; the new one does
    const old = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email, password: oldPassword },
      remoteAddress: '10.7.7.7',
    });
    expect(old.statusCode).toBe(401);
    await signInFromLink(page, t, 'ja', email, 'my brand new password');
    await page.locator('[data-testid=signed-in]').waitFor();
    await openHeaderMenu(page, 'signed-in');
    expect(await page.locator('header').innerText()).toContain('田中 さくら');

    // the link is spent
    await open(page, t, link.local);
    await page.locator('#reset-password').fill('yet another password');
    await submit(page, page.getByRole('button', { name: i18n.t('auth.reset.newSubmit') }));
    expect(await formAnswer(page, 'error-summary')).toContain(i18n.t('errors.code.TOKEN_INVALID'));
    expect(await page.getByRole('link', { name: i18n.t('auth.reset.requestAgain') }).isVisible()).toBe(true);
    await context.close();
  });
});

describe('links that cannot be used', () => {
  it.each(['ja', 'en'] as const)('are explained in %s, without a token or with a bad one', async (lang) => {
    const i18n = texts(lang);
    const { context, page } = await newPerson({ lang });

    for (const path of ['/verify-email', '/signin/link']) {
      await open(page, t, `${path}`);
      expect(await formAnswer(page, 'error-summary')).toContain(i18n.t('auth.token.missing'));
    }

    await open(page, t, `/verify-email?token=${'x'.repeat(43)}`);
    await submit(page, page.getByRole('button', { name: i18n.t('auth.verify.submit') }));
    await page.locator('[data-testid=error-summary]').waitFor();
    expect(await page.locator('#main').innerText()).toContain(i18n.t('errors.code.TOKEN_INVALID'));
    expect(await page.locator('#main').innerText()).toContain(i18n.t('auth.verify.invalidHelp'));

    // malformed (too short for a token) reads the same to a person
    await open(page, t, `/signin/link?token=short`);
    await submit(page, page.getByRole('button', { name: i18n.t('auth.linkSignin.submit') }));
    expect(await formAnswer(page, 'error-summary')).toContain(i18n.t('errors.code.TOKEN_INVALID'));
    await context.close();
  });
});

describe('the header for a signed-in person', () => {
  it.each([false, true])(
    'reminds them to confirm the address until they do (JavaScript: %s)',
    async (javaScriptEnabled) => {
      const i18n = texts('ja');
      const email = freshEmail(`unverified-${javaScriptEnabled}`);
      const password = 'not yet confirmed 1';
      const mail = await signUpByApi(email, password, '未確認 さん');
      const { context, page } = await newPerson({ lang: 'ja', javaScript: javaScriptEnabled });
      await signInOnPage(page, t, 'ja', email, password);
      const notice = page.locator('[data-testid=unverified-notice]');
      expect(await notice.innerText()).toContain(i18n.t('auth.header.unverified', { email }));

      await open(page, t, linkIn(mail.text, '/verify-email', t).local);
      await submit(page, page.getByRole('button', { name: i18n.t('auth.verify.submit') }));
      await page.locator('[data-testid=form-message]').waitFor();
      // the very page that confirmed it stops asking, and offers the board rather than sign-in
      await expect.poll(() => notice.count(), { timeout: 10_000 }).toBe(0);
      expect(
        await page
          .locator('#main')
          .getByRole('link', { name: i18n.t('auth.verify.toBoard') })
          .count(),
      ).toBe(1);
      await context.close();
    },
  );

  it('takes an officer to their requests, offers "new request" in the header, and shows the hats on their page', async () => {
    const i18n = texts('ja');
    const { context, page } = await newPerson({ lang: 'ja' });
    await signInOnPage(page, t, 'ja', 'officer.okubo@demo.example', demoPassword);
    await page.waitForURL(`${t.baseUrl}/association/requests`);
    const header = page.locator('header');
    expect(await header.getByRole('link', { name: i18n.t('auth.header.newRequest') }).getAttribute('href')).toBe(
      '/association/requests/new',
    );
    expect(await header.getByRole('link', { name: i18n.t('auth.header.officer') }).getAttribute('href')).toBe('/staff');
    await open(page, t, '/me');
    const hats = await page.locator('[data-roles] li').allInnerTexts();
    expect(hats).toHaveLength(2);
    expect(hats.join('\n')).toContain('大久保二丁目町会');
    expect(hats.join('\n')).toContain(i18n.t('account.role.volunteer'));

    // already signed in: the sign-in page moves on
    await open(page, t, `/signin?returnTo=%2Fdev%2Fmail`);
    await page.waitForURL(`${t.baseUrl}/dev/mail`);

    // /signout by GET only asks
    await open(page, t, `/signout`);
    expect(await page.locator('h1').innerText()).toBe(i18n.t('auth.signout.title'));
    await page.locator('[data-testid=signed-in]').waitFor();
    await submit(page, page.locator('#main').getByRole('button', { name: i18n.t('auth.signout.submit') }));
    await page.waitForURL(`${t.baseUrl}/`);
    await expect.poll(() => page.locator('[data-testid=signed-in]').count(), { timeout: 10_000 }).toBe(0);
    await open(page, t, `/signout`);
    await page.waitForURL(`${t.baseUrl}/`);
    await context.close();
  });

  it('municipal staff land on their pages, which name their ward', async () => {
    const i18n = texts('en');
    const { context, page } = await newPerson({ lang: 'en' });
    await signInOnPage(page, t, 'en', 'staff.adachi@demo.example', demoPassword);
    // straight to their pages, which name the ward they work for
    await page.waitForURL(`${t.baseUrl}/staff`);
    expect(await page.locator('[data-roles]').innerText()).toContain('Adachi');
    expect(
      await page
        .locator('header')
        .getByRole('link', { name: i18n.t('auth.header.newRequest') })
        .count(),
    ).toBe(0);
    await context.close();
  });
});

describe('coming back after signing in', () => {
  it('returns to the page the header link came from, and never off the site', async () => {
    const i18n = texts('ja');
    const { context, page } = await visitAs(`/dev/mail`, { lang: 'ja', javaScript: false });
    await page
      .locator('header')
      .getByRole('link', { name: i18n.t('nav.signin') })
      .click();
    expect(new URL(page.url()).searchParams.get('returnTo')).toBe('/dev/mail');
    await page.locator('#signin-email').fill('volunteer1@demo.example');
    await page.locator('#signin-password').fill(demoPassword);
    await submit(page, page.getByRole('button', { name: i18n.t('auth.signin.submit'), exact: true }));
    await page.waitForURL(`${t.baseUrl}/dev/mail`);
    await context.close();

    const { context: other, page: page2 } = await newPerson({ lang: null });
    await open(page2, t, `/signin?returnTo=${encodeURIComponent('//evil.example/')}`);
    expect(await page2.locator('#main input[name=returnTo]').count()).toBe(0);
    // and a forged field is not followed either
    await page2.locator('#signin-email').evaluate((input: HTMLInputElement) => {
      const forged = Object.assign(document.createElement('input'), { type: 'hidden', name: 'returnTo' });
      forged.value = '//evil.example/';
      input.form?.append(forged);
    });
    await page2.locator('#signin-email').fill('volunteer1@demo.example');
    await page2.locator('#signin-password').fill(demoPassword);
    await submit(page2, page2.getByRole('button', { name: texts('ja').t('auth.signin.submit'), exact: true }));
    await page2.waitForURL(`${t.baseUrl}/`);
    await other.close();
  });
});

describe('/dev/mail where mail really leaves', () => {
  it('is a 404 when the API does not offer captured mail', async () => {
    const sending = await startTestApp({
      serveWeb: true,
      listen: true,
      demo: false,
      env: { SMTP_URL: 'smtp://127.0.0.1:9' },
    });
    try {
      const res = await fetch(`${sending.baseUrl}/dev/mail`);
      expect(res.status).toBe(404);
      // the page's one heading, without the hydration markers Svelte writes around its parts
      const heading = (await res.text())
        .match(/<h1[^>]*>([\s\S]*?)<\/h1>/)?.[1]
        ?.replace(/<!--[\s\S]*?-->/g, '')
        .trim();
      expect(heading).toBe(texts('ja').t('error.title.notFound'));
      expect(heading).not.toBe(texts('ja').t('auth.devMail.title'));
    } finally {
      await sending.close();
    }
  });
});
