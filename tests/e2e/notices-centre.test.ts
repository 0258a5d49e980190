import { describe, expect, it } from 'vitest';
import {
  applyAs,
  createVolunteer,
  demo,
  expectNoViolations,
  insertRequest,
  mailTo,
  newPerson,
  open,
  phone,
  submitForm,
  t,
  texts,
  uniqueWord,
  useBrowserApp,
  languageRuns,
  visitAs,
} from './kit/index.ts';

/**
 * The notification centre in the browser (issue 11): the bell with its unread count, the list with
 * "mark read" (one and all), the mail choices in /me and the one-click unsubscribe page, signed out;
 * each in ja, en and やさしい日本語, with and without JavaScript, and axe finds nothing.
 */

useBrowserApp();

/** every language with JavaScript, then every language without */
const runs = [true, false].flatMap((javaScript) =>
  languageRuns({ ja: javaScript, en: javaScript, 'ja-easy': javaScript }),
);

/** A new hand on a new request of 千住一丁目町会: its officer gets a notification; answers the title. */
async function handRaised(): Promise<string> {
  const title = `チラシ作り ${uniqueWord()}`;
  const requestId = await insertRequest(t, { title, association: 'senju' });
  const volunteer = await createVolunteer(t, { verified: true });
  await applyAs(t, volunteer.email, requestId, 'お手伝いします');
  return title;
}

describe.each(runs)('notifications in $lang (JavaScript: $javaScript)', ({ lang, javaScript }) => {
  const i18n = texts(lang);

  it('the bell counts the unread; the list shows the news newest first; mark one, then all, read; axe finds nothing', async () => {
    await handRaised();
    const title = await handRaised();
    const { page, context } = await visitAs('/requests', {
      as: demo.officerSenju,
      lang,
      javaScript,
      viewport: { width: 1280, height: 900 },
    });
    const bell = page.locator('[data-testid=bell]');
    expect(await bell.isVisible()).toBe(true);
    expect(await bell.getAttribute('href')).toBe('/notifications');
    await expectNoViolations(page, `board with the bell, ${lang}`);

    await open(page, t, '/notifications');
    expect(await page.locator('h1').first().innerText()).toContain(i18n.t('notices.title'));
    const first = page.locator('[data-testid=notifications] > li').first();
    expect(await first.innerText()).toContain(title);
    expect(await first.getAttribute('data-kind')).toBe('handRaised');
    await expectNoViolations(page, `notifications, ${lang}`);

    await submitForm(page, 'read', first);
    expect(await page.getByText(i18n.t('notices.marked')).count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=notifications] > li').first().locator('form[data-form=read]').count()).toBe(
      0,
    );
    await submitForm(page, 'readAll');
    expect(await page.locator('form[data-form=read]').count()).toBe(0);
    expect(await page.locator('[data-testid=bell] .bell__count').count()).toBe(0);
    await expectNoViolations(page, `notifications all read, ${lang}`);
    await context.close();
  });

  it('on a phone the way to the notifications is inside the account menu', async () => {
    await handRaised();
    const { page, context } = await visitAs('/requests', {
      as: demo.officerSenju,
      lang,
      javaScript,
      viewport: phone,
    });
    expect(await page.locator('[data-testid=bell]').isVisible()).toBe(false);
    const inMenu = page.locator('[data-testid=signed-in] [data-testid=bell-in-menu]');
    expect(await inMenu.getAttribute('href')).toBe('/notifications');
    await context.close();
  });
});

describe.each([
  { lang: 'ja', javaScript: true },
  { lang: 'en', javaScript: false },
  { lang: 'ja-easy', javaScript: true },
] as const)('mail choices and unsubscribe in $lang (JavaScript: $javaScript)', ({ lang, javaScript }) => {
  const i18n = texts(lang);

  it('the choices page keeps a change; axe finds nothing', async () => {
    const volunteer = await createVolunteer(t, { verified: true });
    const { page, context } = await visitAs('/me/notifications', { as: volunteer.email, lang, javaScript });
    await expectNoViolations(page, `mail choices, ${lang}`);
    // a part of "my page", with the way back to it like the others
    expect(await page.getByRole('link', { name: i18n.t('account.me.back') }).getAttribute('href')).toBe('/me');
    // only the kinds of the volunteer's hat: none of the staff's or the officers'
    expect(await page.locator('input[name=requestFits]').count()).toBe(4);
    expect(await page.locator('input[name=reviewWaiting], input[name=handRaised]').count()).toBe(0);
    await page.locator('input[name=newMessage][value=weekly]').check();
    await submitForm(page, 'save');
    expect(await page.getByText(i18n.t('notices.prefs.saved')).count()).toBeGreaterThan(0);
    await open(page, t, '/me/notifications');
    expect(await page.locator('input[name=newMessage][value=weekly]').isChecked()).toBe(true);
    await context.close();
  });

  it('the unsubscribe link of a mail works signed out, for its kind only', async () => {
    const title = await handRaised();
    const mail = await mailTo(t, demo.officerSenju, (s) => s.includes(title));
    const path = /\/unsubscribe\?key=[\w-]+/.exec(mail.text)![0];
    const { page, context } = await visitAs(path, { lang, javaScript });
    expect(await page.getByText(i18n.t('notices.kindName.handRaised')).count()).toBeGreaterThan(0);
    await expectNoViolations(page, `unsubscribe, ${lang}`);
    await submitForm(page, 'unsubscribe');
    const done = i18n.t('notices.unsubscribe.done', { kind: i18n.t('notices.kindName.handRaised') });
    // the result may be drawn a moment after the reload on a busy machine
    await expect.poll(() => page.getByText(done).count()).toBeGreaterThan(0);
    // the officer's other kinds are untouched; hands come by mail again after this test
    await open(page, t, '/unsubscribe?key=forged');
    expect(await page.getByText(i18n.t('notices.unsubscribe.invalid')).count()).toBeGreaterThan(0);
    await context.close();
    const { page: officer, context: officerContext } = await newPerson({ as: demo.officerSenju, lang: 'en' });
    await open(officer, t, '/me/notifications');
    expect(await officer.locator('input[name=handRaised][value=off]').isChecked()).toBe(true);
    expect(await officer.locator('input[name=newMessage][value=immediate]').isChecked()).toBe(true);
    await officer.locator('input[name=handRaised][value=immediate]').check();
    await submitForm(officer, 'save');
    await officerContext.close();
  });
});
