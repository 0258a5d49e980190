import { describe, expect, it } from 'vitest';
import { t, useBrowserApp } from './kit/boot.ts';
import { mailTo } from './kit/mail.ts';
import { expectAccessibleAt, expectNoViolations, open, sidewaysScroll, submit } from './kit/pages.ts';
import { demoPassword, freshEmail, narrowPhone, newPerson, signInOnPage } from './kit/people.ts';
import { texts } from './kit/texts.ts';

// mail kept by the app, as in the demo: these pages show /dev/mail
useBrowserApp({ mail: 'memory' });

const fakeToken = 'x'.repeat(43);

describe.each(['ja', 'ja-easy', 'en'] as const)('axe finds nothing on the account pages in %s', (lang) => {
  const i18n = texts(lang);

  it('sign-up: empty, with errors, and "check your email"', async () => {
    const { context, page } = await newPerson({ lang });
    await expectAccessibleAt(page, `/signup`, 'sign-up');
    await page.locator('#signup-email').fill('bad');
    await submit(page, page.getByRole('button', { name: i18n.t('auth.signup.submit'), exact: true }));
    await page.locator('[data-testid=error-summary]').waitFor();
    await expectNoViolations(page, 'sign-up with errors');
    await page.locator('#signup-email').fill(freshEmail(`a11y-${lang}`));
    await page.locator('#signup-password').fill('long enough password');
    await page.locator('#signup-name').fill('アクセシビリティ');
    await submit(page, page.getByRole('button', { name: i18n.t('auth.signup.submit'), exact: true }));
    await page.locator('[data-testid=form-message]').waitFor();
    await expectNoViolations(page, 'sign-up sent');
    await context.close();
  });

  it('sign-in: empty, with errors, and link sent', async () => {
    const { context, page } = await newPerson({ lang });
    await expectAccessibleAt(page, `/signin`, 'sign-in');
    await submit(page, page.getByRole('button', { name: i18n.t('auth.signin.submit'), exact: true }));
    await page.locator('[data-testid=error-summary]').waitFor();
    await expectNoViolations(page, 'sign-in with errors');
    await page.locator('#signin-link-email').fill('volunteer3@demo.example');
    await submit(page, page.getByRole('button', { name: i18n.t('auth.signin.linkSubmit') }));
    await page.locator('[data-testid=form-message]').waitFor();
    await expectNoViolations(page, 'sign-in link sent');
    await context.close();
  });

  it('pages opened from emailed links: button, missing token, spent token', async () => {
    const { context, page } = await newPerson({ lang });
    for (const path of ['/verify-email', '/signin/link']) {
      await expectAccessibleAt(page, `${path}?token=${fakeToken}`, path);
      await expectAccessibleAt(page, `${path}`, `${path} without token`);
    }
    await open(page, t, `/verify-email?token=${fakeToken}`);
    await submit(page, page.getByRole('button', { name: i18n.t('auth.verify.submit') }));
    await page.locator('[data-testid=error-summary]').waitFor();
    await expectNoViolations(page, 'verify-email spent');
    await context.close();
  });

  it('password reset: request, sent, new password with an error, spent link', async () => {
    const { context, page } = await newPerson({ lang });
    await expectAccessibleAt(page, `/reset-password`, 'reset request');
    await page.locator('#reset-email').fill('volunteer5@demo.example');
    await submit(page, page.getByRole('button', { name: i18n.t('auth.reset.requestSubmit') }));
    await page.locator('[data-testid=form-message]').waitFor();
    await expectNoViolations(page, 'reset sent');
    await expectAccessibleAt(page, `/reset-password?token=${fakeToken}`, 'new password');
    await page.locator('#reset-password').fill('short');
    await submit(page, page.getByRole('button', { name: i18n.t('auth.reset.newSubmit') }));
    await page.locator('[data-testid=error-summary]').waitFor();
    await expectNoViolations(page, 'new password with error');
    await page.locator('#reset-password').fill('long enough password');
    await submit(page, page.getByRole('button', { name: i18n.t('auth.reset.newSubmit') }));
    await page.getByRole('link', { name: i18n.t('auth.reset.requestAgain') }).waitFor();
    await expectNoViolations(page, 'reset link spent');
    await context.close();
  });

  it('signed in and not yet confirmed: header with hats and reminder, sign-out page, demo mail', async () => {
    const email = freshEmail(`a11y-signed-in-${lang}`);
    const password = 'a11y signed in password';
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: { email, password, displayName: 'テスト 太郎', language: lang },
    });
    await mailTo(t, email);
    const { context, page } = await newPerson({ lang });
    await signInOnPage(page, t, lang, email, password);
    await page.locator('[data-testid=unverified-notice]').waitFor();
    await expectNoViolations(page, 'home, signed in');
    await expectAccessibleAt(page, `/signout`, 'sign-out');
    await open(page, t, `/dev/mail`);
    await page.locator('article').first().waitFor();
    await expectNoViolations(page, 'dev mail');
    await context.close();
  });
});

describe('small screens', () => {
  it('the signed-in header of an officer fits 320px without sideways scrolling, and so do the forms', async () => {
    const { context, page } = await newPerson({ lang: 'ja', viewport: narrowPhone });
    for (const path of ['/signup', '/signin', '/reset-password', `/verify-email?token=${fakeToken}`]) {
      await open(page, t, `${path}`);
      expect(await sidewaysScroll(page), path).toBeLessThanOrEqual(0);
    }
    await signInOnPage(page, t, 'ja', 'officer.okubo@demo.example', demoPassword);
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    await expectNoViolations(page, 'officer header at 320px');
    // every control shown in the header is a large target (the wide screens' bell is not shown here)
    for (const box of await page.locator('header a, header button').evaluateAll((els) =>
      els
        .filter((el) => el.getClientRects().length > 0)
        .map((el) => {
          const r = el.getBoundingClientRect();
          return { text: el.textContent?.trim(), width: r.width, height: r.height };
        }),
    )) {
      expect(box.height, box.text).toBeGreaterThanOrEqual(44);
      expect(box.width, box.text).toBeGreaterThanOrEqual(44);
    }
    await context.close();
  });
});
