import { schema } from '@board/db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { t, useBrowserApp } from './kit/boot.ts';
import { invitationLinkFor } from './kit/mail.ts';
import { expectFieldError, open, submit } from './kit/pages.ts';
import { demo, freshEmail, signIn, userIdOf, visitAs } from './kit/people.ts';
import { rowCounts } from './kit/rows.ts';

/**
 * Invitations in a real browser: foundation staff invite municipal staff, who register an
 * association and invite its officer; the accept page for each kind of visitor.
 */

useBrowserApp();

const journeyText = {
  ja: {
    invitationsTitle: '招待',
    municipality: '千代田区',
    invitedAs: '千代田区の職員',
    welcome: '招待を受けました',
    officerRole: (name: string) => `${name}（千代田区）の役員`,
  },
  en: {
    invitationsTitle: 'Invitations',
    municipality: 'Chiyoda City',
    invitedAs: 'Staff of Chiyoda City (千代田区)',
    welcome: 'Invitation accepted',
    officerRole: (name: string) => `Officer of ${name}, Chiyoda City (千代田区)`,
  },
} as const;

describe('from foundation to officer: invitations end to end', () => {
  it.each([
    { lang: 'ja' as const, javaScript: true },
    { lang: 'en' as const, javaScript: true },
    { lang: 'ja' as const, javaScript: false },
  ])(
    'foundation invites staff, staff registers an association and invites its officer ($lang, JavaScript $javaScript)',
    async ({ lang, javaScript }) => {
      const text = journeyText[lang];
      const staffEmail = freshEmail(`staff-${lang}`);
      const officerEmail = freshEmail(`officer-${lang}`);
      const associationName = `テスト${lang}${javaScript ? 'js' : 'nojs'}町会`;

      // 1. foundation staff send the invitation
      const foundation = await visitAs('/staff/invitations', { as: demo.foundation, lang, javaScript });
      expect(foundation.status).toBe(200);
      const fp = foundation.page;
      expect(await fp.locator('h1').innerText()).toBe(text.invitationsTitle);
      await fp.fill('#staff-email', staffEmail);
      await fp.selectOption('#staff-municipalityCode', '13101');
      await fp.locator(`[data-form="invite-staff"] input[name="language"][value="${lang}"]`).check();
      await submit(fp, '[data-form="invite-staff"]');
      expect(await fp.locator('[data-notice="success"]').first().innerText()).toContain(staffEmail);
      const row = fp.locator(`tr[data-email="${staffEmail}"]`);
      expect(await row.getAttribute('data-state')).toBe('pending');
      expect(await row.innerText()).toContain(text.municipality);

      // 2. the invitee opens the mailed link, makes an account and accepts
      const staffLink = invitationLinkFor(t, staffEmail);
      const invitee = await visitAs(staffLink, { lang, javaScript });
      const sp = invitee.page;
      expect(await sp.locator('[data-invited-as]').innerText()).toBe(text.invitedAs);
      await sp.fill('#accept-displayName', `千代田区 職員 ${lang}`);
      await sp.fill('#accept-password', 'chiyoda-staff-2026');
      await submit(sp, '[data-form="accept"]');
      await expect.poll(() => new URL(sp.url()).pathname, { timeout: 10_000 }).toBe('/staff');
      expect(await sp.locator('[data-notice="success"]').innerText()).toContain(text.welcome);
      expect(await sp.locator('[data-roles]').innerText()).toContain(text.municipality);
      const staffId = await userIdOf(t, staffEmail);

      // 3. the new staff member registers an association in their municipality
      await open(sp, t, `/staff/associations`);
      expect(await sp.locator('[data-section="register"]').count()).toBe(1);
      await sp.fill('#association-name', associationName);
      await sp.fill('#association-area', '千代田一丁目');
      await sp.fill('#association-households', '１２０'); // full-width digits, as a Japanese keyboard types them
      await submit(sp, '[data-form="association"]');
      expect(await sp.locator('[data-notice="success"]').innerText()).toContain(associationName);
      const [association] = await t.database.handle.db
        .select()
        .from(schema.associations)
        .where(eq(schema.associations.name, associationName));
      expect(association).toMatchObject({ municipalityCode: '13101', area: '千代田一丁目', households: 120 });
      expect(await sp.locator(`tr[data-association="${association!.id}"]`).innerText()).toContain(associationName);

      // 4. … and invites its officer (the link under the success message preselects the association)
      await Promise.all([
        sp.waitForURL(/\/staff\/invitations\?association=/),
        sp.locator('[data-notice="success"] a').click(),
      ]);
      expect(await sp.locator('[data-section="invite-staff"]').count()).toBe(0);
      expect(await sp.locator('#officer-associationId').inputValue()).toBe(association!.id);
      await sp.fill('#officer-email', officerEmail);
      await sp.locator(`[data-form="invite-officer"] input[name="language"][value="${lang}"]`).check();
      await submit(sp, '[data-form="invite-officer"]');
      expect(await sp.locator(`tr[data-email="${officerEmail}"]`).getAttribute('data-state')).toBe('pending');

      // 5. the officer accepts with a new account and sees their association
      const officer = await visitAs(invitationLinkFor(t, officerEmail), { lang, javaScript });
      const op = officer.page;
      expect(await op.locator('[data-invited-as]').innerText()).toBe(text.officerRole(associationName));
      await op.fill('#accept-displayName', `${associationName} 会長`);
      await op.fill('#accept-password', 'officer-pass-2026');
      await submit(op, '[data-form="accept"]');
      await expect.poll(() => new URL(op.url()).pathname, { timeout: 10_000 }).toBe('/staff');
      expect(await op.locator('[data-roles]').innerText()).toContain(text.officerRole(associationName));
      // the site header offers the new officer "write a new request"
      expect(await op.locator('header a[href="/association/requests/new"]').count()).toBe(1);
      // officers see their association, not invitations or the audit log
      expect(await op.locator('[data-section="associations"]').count()).toBe(1);
      expect(await op.locator('[data-section="invitations"]').count()).toBe(0);
      expect(await op.locator('[data-section="audit"]').count()).toBe(0);
      await open(op, t, `/me`);
      expect(await op.locator('[data-roles]').innerText()).toContain(associationName);

      const officerId = await userIdOf(t, officerEmail);
      const grants = await t.database.handle.db
        .select()
        .from(schema.roleAssignments)
        .where(eq(schema.roleAssignments.associationId, association!.id));
      expect(grants.map((g) => [g.userId, g.role])).toEqual([[officerId, 'officer']]);
      const staffGrants = await t.database.handle.db
        .select()
        .from(schema.roleAssignments)
        .where(eq(schema.roleAssignments.userId, staffId));
      expect(staffGrants.map((g) => [g.role, g.municipalityCode])).toEqual([['municipal_staff', '13101']]);

      // and the foundation's list shows the staff invitation as accepted
      await open(fp, t, `/staff/invitations`);
      expect(await fp.locator(`tr[data-email="${staffEmail}"]`).getAttribute('data-state')).toBe('accepted');
    },
    90_000,
  );
});

describe('the accept page', () => {
  it('asks someone with an account to sign in first, and comes back after', async () => {
    const { page } = await visitAs('/staff/invitations', { as: demo.staffAdachi });
    await page.selectOption('#officer-associationId', { label: '千住一丁目町会' });
    await page.fill('#officer-email', demo.volunteer4);
    await submit(page, '[data-form="invite-officer"]');
    const link = invitationLinkFor(t, demo.volunteer4);

    const visitor = await visitAs(link);
    expect(await visitor.page.locator('[data-form="accept"]').count()).toBe(0);
    const signInLink = visitor.page.locator(`main a[href^="/signin?returnTo="]`);
    expect(decodeURIComponent((await signInLink.getAttribute('href'))!.split('returnTo=')[1]!)).toBe(link);

    // signed in as that person: one button adds the role to the existing account
    await signIn(t, visitor.context, demo.volunteer4);
    await open(visitor.page, t, link);
    await submit(visitor.page, '[data-form="accept"]');
    await expect.poll(() => new URL(visitor.page.url()).pathname, { timeout: 10_000 }).toBe('/staff');
    expect(await visitor.page.locator('[data-roles]').innerText()).toContain('千住一丁目町会（足立区）の役員');
  });

  it('tells someone signed in to another account that the invitation is not theirs', async () => {
    const { page } = await visitAs('/staff/invitations', { as: demo.staffAdachi });
    const email = freshEmail('elsewhere');
    await page.selectOption('#officer-associationId', { label: '梅田四丁目自治会' });
    await page.fill('#officer-email', email);
    await submit(page, '[data-form="invite-officer"]');
    const other = await visitAs(invitationLinkFor(t, email), { as: demo.volunteer2, lang: 'en' });
    expect(await other.page.locator('[data-notice="warning"]').innerText()).toContain(email);
    expect(await other.page.locator('[data-form="accept"]').count()).toBe(0);
  });

  it.each([
    ['ja', 'この招待は使えません'],
    ['en', 'This invitation cannot be used'],
    ['ja-easy', 'この しょうたいは つかえません'],
  ] as const)('explains an unknown or used link (%s)', async (lang, title) => {
    const { page } = await visitAs('/invitations/accept?token=this-token-does-not-exist-at-all', { lang });
    expect(await page.locator('h1').innerText()).toBe(title);
    expect(
      await page
        .locator('form')
        .filter({ has: page.locator('[name="token"]') })
        .count(),
    ).toBe(0);
    const missing = await visitAs('/invitations/accept', { lang });
    expect(await missing.page.locator('h1').innerText()).toBe(title);
  });

  it('keeps the account form filled and says what is wrong (short password), creating nothing', async () => {
    const { page: staff } = await visitAs('/staff/invitations', { as: demo.staffAdachi });
    const email = freshEmail('short-password');
    await staff.selectOption('#officer-associationId', { label: '梅田四丁目自治会' });
    await staff.fill('#officer-email', email);
    await submit(staff, '[data-form="invite-officer"]');
    const before = await rowCounts(t);
    const { page } = await visitAs(invitationLinkFor(t, email));
    await page.fill('#accept-displayName', '梅田 花子');
    await page.fill('#accept-password', 'short');
    await submit(page, '[data-form="accept"]');
    await expectFieldError(page, 'accept-password', 'パスワードは10文字以上にしてください。');
    expect(await page.locator('#accept-displayName').inputValue()).toBe('梅田 花子');
    expect(await rowCounts(t)).toEqual(before);
  });
});
