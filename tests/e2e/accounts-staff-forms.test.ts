import { schema } from '@board/db';
import { and, eq, isNotNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { t, useBrowserApp } from './kit/boot.ts';
import { invitationLinkFor } from './kit/mail.ts';
import { expectFieldError, submit } from './kit/pages.ts';
import { demo, freshEmail, visitAs } from './kit/people.ts';
import { rowCounts } from './kit/rows.ts';

/** The staff area's forms in a real browser: bad input is refused beside the field; resend and revoke. */

useBrowserApp();

describe('bad input is refused with a translated message beside the field, and nothing is written', () => {
  it.each([true, false])('invite municipal staff with a bad email (JavaScript %s)', async (javaScript) => {
    const { page } = await visitAs('/staff/invitations', { as: demo.foundation, javaScript });
    const before = await rowCounts(t);
    await page.fill('#staff-email', 'not-an-email');
    await page.selectOption('#staff-municipalityCode', '13102');
    await submit(page, '[data-form="invite-staff"]');
    await expectFieldError(page, 'staff-email', 'メールアドレスの形が正しくありません');
    // what was typed stays, and the summary took focus (with JavaScript)
    expect(await page.locator('#staff-email').inputValue()).toBe('not-an-email');
    expect(await page.locator('#staff-municipalityCode').inputValue()).toBe('13102');
    if (javaScript) {
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'error-summary'))
        .toBe(true);
    }
    expect(await rowCounts(t)).toEqual(before);
  });

  it('invite municipal staff without choosing a municipality (English)', async () => {
    const { page } = await visitAs('/staff/invitations', { as: demo.foundation, lang: 'en' });
    const before = await rowCounts(t);
    await page.fill('#staff-email', freshEmail('nomuni'));
    await submit(page, '[data-form="invite-staff"]');
    await expectFieldError(page, 'staff-municipalityCode', 'Please choose a municipality.');
    expect(await rowCounts(t)).toEqual(before);
  });

  it('invite an officer with a bad email, and without an association', async () => {
    const { page } = await visitAs('/staff/invitations', { as: demo.staffAdachi, lang: 'ja-easy' });
    const before = await rowCounts(t);
    await page.selectOption('#officer-associationId', { label: '千住一丁目町会' });
    await page.fill('#officer-email', 'taro@');
    await submit(page, '[data-form="invite-officer"]');
    await expectFieldError(page, 'officer-email', 'メールアドレスの かたちが ちがいます');
    await page.selectOption('#officer-associationId', '');
    await page.fill('#officer-email', freshEmail('noassoc'));
    await submit(page, '[data-form="invite-officer"]');
    await expectFieldError(page, 'officer-associationId', 'ちょうかい・じちかいを えらんで ください。');
    expect(await rowCounts(t)).toEqual(before);
  });

  it('an invitation to an address with an open one says to resend instead', async () => {
    const { page } = await visitAs('/staff/invitations', { as: demo.staffAdachi });
    const email = freshEmail('twice');
    for (let i = 0; i < 2; i++) {
      await page.selectOption('#officer-associationId', { label: '千住一丁目町会' });
      await page.fill('#officer-email', email);
      await submit(page, '[data-form="invite-officer"]');
      if (i === 0) await page.locator(`tr[data-email="${email}"]`).waitFor();
    }
    await expectFieldError(page, 'officer-email', '「もう一度送る」');
  });

  it.each([true, false])('register an association without a name (JavaScript %s)', async (javaScript) => {
    const { page } = await visitAs('/staff/associations', { as: demo.staffAdachi, javaScript });
    const before = await rowCounts(t);
    await page.fill('#association-area', '千住三丁目');
    await page.fill('#association-households', '80');
    await submit(page, '[data-form="association"]');
    await expectFieldError(page, 'association-name', '名前を入力してください。');
    expect(await page.locator('#association-area').inputValue()).toBe('千住三丁目');
    expect(await rowCounts(t)).toEqual(before);
  });

  it('register an association with households that are not a number, or a name already used', async () => {
    const { page } = await visitAs('/staff/associations', { as: demo.staffAdachi, lang: 'en' });
    const before = await rowCounts(t);
    await page.fill('#association-name', '新しい町会');
    await page.fill('#association-households', 'about 100');
    await submit(page, '[data-form="association"]');
    await expectFieldError(page, 'association-households', 'This is not in the right form.');
    await page.fill('#association-name', '千住一丁目町会');
    await page.fill('#association-households', '');
    await submit(page, '[data-form="association"]');
    await expectFieldError(page, 'association-name', 'already registered');
    expect(await rowCounts(t)).toEqual(before);
  });
});

describe('resend and revoke', () => {
  it.each([true, false])('revoking asks first, then stops the link (JavaScript %s)', async (javaScript) => {
    const { page } = await visitAs('/staff/invitations', { as: demo.staffAdachi, javaScript });
    const email = freshEmail(`revoke-${javaScript}`);
    await page.selectOption('#officer-associationId', { label: '千住一丁目町会' });
    await page.fill('#officer-email', email);
    await submit(page, '[data-form="invite-officer"]');
    const link = invitationLinkFor(t, email);
    const row = page.locator(`tr[data-email="${email}"]`);

    // resend: a new link, the old one stops working
    const mailsBefore = t.mail.length;
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      row.getByRole('button', { name: /もう一度送る/ }).click(),
    ]);
    await page.getByText('招待をもう一度送りました').waitFor();
    expect(t.mail.length).toBe(mailsBefore + 1);
    const newLink = invitationLinkFor(t, email);
    expect(newLink).not.toBe(link);
    const old = await visitAs(link);
    expect(await old.page.locator('h1').innerText()).toBe('この招待は使えません');

    // revoke: first a question, nothing changes yet
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page
        .locator(`tr[data-email="${email}"]`)
        .getByRole('button', { name: /取り消す/ })
        .click(),
    ]);
    const confirm = page.locator('[data-confirm]');
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain(email);
    const [invitation] = await t.database.handle.db
      .select()
      .from(schema.invitations)
      .where(eq(schema.invitations.email, email));
    expect(invitation?.revokedAt).toBeNull();
    await submit(page, '[data-confirm] form', 'はい、取り消します');
    await expect
      .poll(() => page.locator(`tr[data-email="${email}"]`).getAttribute('data-state'), { timeout: 10_000 })
      .toBe('revoked');
    expect(await page.locator(`tr[data-email="${email}"]`).innerText()).toContain('取り消した');
    const revoked = await t.database.handle.db
      .select()
      .from(schema.invitations)
      .where(and(eq(schema.invitations.email, email), isNotNull(schema.invitations.revokedAt)));
    expect(revoked).toHaveLength(1);
    const gone = await visitAs(newLink);
    expect(await gone.page.locator('h1').innerText()).toBe('この招待は使えません');
  });

  it('the state filter lists only invitations in that state', async () => {
    const { page } = await visitAs('/staff/invitations?state=revoked', { as: demo.staffAdachi });
    const states = await page
      .locator('tr[data-state]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-state')));
    expect(states.length).toBeGreaterThan(0);
    expect(new Set(states)).toEqual(new Set(['revoked']));
  });
});
