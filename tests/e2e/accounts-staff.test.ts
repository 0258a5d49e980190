import { schema } from '@board/db';
import { and, eq, isNotNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  demo,
  expectFieldError,
  freshEmail,
  invitationLinkFor,
  newPersonContext,
  open,
  rowCounts,
  signIn,
  submit,
  t,
  useBrowserApp,
  userIdOf,
  visitAs,
} from './kit/index.ts';

/**
 * The staff area and invitations in a real browser: foundation staff invite municipal staff, who
 * register an association and invite its officer; pages show only what each person may do.
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
      // the site header names the new hat too
      expect(await op.locator('header [data-testid="signed-in"]').innerText()).toContain(associationName);
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
    const mailsBefore = t.app.mailer.captured.length;
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      row.getByRole('button', { name: /もう一度送る/ }).click(),
    ]);
    await page.getByText('招待をもう一度送りました').waitFor();
    expect(t.app.mailer.captured.length).toBe(mailsBefore + 1);
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

describe('pages hide what the person cannot do', () => {
  it('a volunteer gets a 403 page in the staff area', async () => {
    for (const path of ['/staff', '/staff/invitations', '/staff/associations', '/staff/audit']) {
      const { page, status } = await visitAs(path, { as: demo.volunteer1 });
      expect(status, path).toBe(403);
      expect(await page.locator('h1').innerText()).toBe('このページは職員・役員のためのページです');
    }
  });

  it('someone not signed in is sent to sign in, and back afterwards', async () => {
    const { page } = await visitAs('/staff/invitations');
    const url = new URL(page.url());
    expect(url.pathname).toBe('/signin');
    expect(url.searchParams.get('returnTo')).toBe('/staff/invitations');
  });

  it('municipal staff of 13121 may invite officers but not municipal staff', async () => {
    const { page } = await visitAs('/staff/invitations', { as: demo.staffAdachi });
    expect(await page.locator('[data-section="invite-staff"]').count()).toBe(0);
    expect(await page.locator('[data-section="invite-officer"]').count()).toBe(1);
    // only their own municipality's associations can be chosen
    const options = await page.locator('#officer-associationId option').allInnerTexts();
    expect(options).toContain('千住一丁目町会');
    expect(options).not.toContain('大久保二丁目町会');
    // and only their own municipality's invitations are listed
    const municipalities = await page.locator('tr[data-email]').allInnerTexts();
    for (const line of municipalities) expect(line).toContain('足立区');
    const dashboard = await visitAs('/staff', { as: demo.staffAdachi });
    for (const section of ['associations', 'invitations', 'audit']) {
      expect(await dashboard.page.locator(`[data-section="${section}"]`).count(), section).toBe(1);
    }
  });

  it('foundation staff do not see "register an association", nor "invite an officer"', async () => {
    const associations = await visitAs('/staff/associations', { as: demo.foundation });
    expect(associations.status).toBe(200);
    expect(await associations.page.locator('[data-section="register"]').count()).toBe(0);
    expect(await associations.page.locator('tr[data-association]').count()).toBeGreaterThanOrEqual(4);
    const invitations = await visitAs('/staff/invitations', { as: demo.foundation });
    expect(await invitations.page.locator('[data-section="invite-staff"]').count()).toBe(1);
    expect(await invitations.page.locator('[data-section="invite-officer"]').count()).toBe(0);
    // all 62 municipalities can be chosen
    expect(await invitations.page.locator('#staff-municipalityCode option[value^="13"]').count()).toBe(62);
  });

  it('an officer sees their association but not invitations or the audit log', async () => {
    const { page } = await visitAs('/staff/associations', { as: demo.officerSenju });
    expect(await page.locator('tr[data-association]').allInnerTexts()).toEqual([
      expect.stringContaining('千住一丁目町会'),
    ]);
    expect(await page.locator('[data-section="register"]').count()).toBe(0);
    expect((await visitAs('/staff/invitations', { as: demo.officerSenju })).status).toBe(403);
    expect((await visitAs('/staff/audit', { as: demo.officerSenju })).status).toBe(403);
  });
});

describe('the audit log', () => {
  beforeAll(async () => {
    const db = t.database.handle.db;
    const actorId = await userIdOf(t, demo.staffAdachi);
    const rows = Array.from({ length: 34 }, (_, i) => ({
      actorId,
      action: 'invitation.create',
      municipalityCode: '13121',
      subjectType: 'invitation',
      details: { role: 'officer', associationName: `ログ町会${i}` },
      at: new Date(Date.UTC(2026, 0, 10, 0, i)),
    }));
    await db.insert(schema.auditLog).values(rows);
    await db.insert(schema.auditLog).values({
      actorId: await userIdOf(t, demo.staffShinjuku),
      action: 'association.create',
      municipalityCode: '13104',
      details: { name: '新宿だけの秘密町会' },
      at: new Date(Date.UTC(2026, 0, 14, 0, 0)),
    });
    await db.insert(schema.auditLog).values({
      actorId,
      action: 'role.grant',
      municipalityCode: '13121',
      details: { role: 'officer', associationId: null },
      at: new Date(Date.UTC(2026, 0, 15, 3, 4)), // 12:04 in Tokyo
    });
  });

  it.each([
    ['ja', '2026年1月15日 12:04', '役割を与えた', '町会・自治会の役員', '足立区'],
    ['en', '15 Jan 2026, 12:04', 'Gave a role', 'Association officer', 'Adachi City (足立区)'],
  ] as const)('reads in plain words, in Tokyo time, newest first (%s)', async (lang, when, what, role, where) => {
    const { page } = await visitAs('/staff/audit', { as: demo.staffAdachi, lang });
    const first = page.locator('tbody tr').first();
    const cells = await first.locator('th, td').allInnerTexts();
    expect(cells[0]).toBe(when);
    expect(cells[1]).toBe('足立区 地域調整課 佐藤');
    expect(cells[2]).toContain(what);
    expect(cells[2]).toContain(role);
    expect(cells[3]).toBe(where);
  });

  it('pages back with "older", and shows only the staff member’s own municipality', async () => {
    const { page } = await visitAs('/staff/audit', { as: demo.staffAdachi });
    expect(await page.locator('tbody tr').count()).toBe(30);
    expect(await page.content()).not.toContain('新宿だけの秘密町会');
    const older = page.getByRole('link', { name: 'もっと前の記録' });
    const href = await older.getAttribute('href');
    expect(href).toMatch(/^\/staff\/audit\?before=\d+$/);
    await Promise.all([page.waitForURL(/before=/), older.click()]);
    const rows = await page.locator('tbody tr').count();
    expect(rows).toBeGreaterThan(0);
    expect(await page.locator('tbody').innerText()).toContain('招待を送った');
    expect(await page.getByRole('link', { name: '最新の記録に戻る' }).count()).toBe(1);
  });

  it('foundation staff can narrow it to one municipality', async () => {
    const { page } = await visitAs('/staff/audit', { as: demo.foundation });
    await page.selectOption('#audit-municipality', '13104');
    await Promise.all([page.waitForURL(/municipality=13104/), page.getByRole('button', { name: '表示する' }).click()]);
    expect(await page.locator('tbody').innerText()).toContain('新宿だけの秘密町会');
    const places = await page.locator('tbody tr td:last-child').allInnerTexts();
    expect(new Set(places)).toEqual(new Set(['新宿区']));
  });
});

describe('accessibility (axe, WCAG 2.2 AA)', () => {
  const pages = [
    { path: '/staff', as: demo.foundation },
    { path: '/staff', as: demo.officerSenju },
    { path: '/staff/associations', as: demo.staffAdachi },
    { path: '/staff/associations', as: demo.foundation },
    { path: '/staff/invitations', as: demo.staffAdachi },
    { path: '/staff/invitations', as: demo.foundation },
    { path: '/staff/audit', as: demo.foundation },
    { path: '/staff', as: demo.volunteer1 },
    { path: '/invitations/accept?token=unknown-token-unknown-token' },
  ];
  for (const lang of ['ja', 'ja-easy', 'en'] as const) {
    it.each(pages)(`$path as $as has no violations (${lang})`, async ({ path, as }) => {
      const { page } = await visitAs(path, { as, lang });
      expect(await accessibilityViolations(page)).toEqual([]);
    });
  }

  it.each(['ja', 'ja-easy'] as const)(
    'the accept page with its account form, and forms showing errors (%s)',
    async (lang) => {
      const { page: staff } = await visitAs('/staff/invitations', { as: demo.staffAdachi, lang });
      const email = freshEmail(`axe-${lang}`);
      await staff.selectOption('#officer-associationId', { label: '千住一丁目町会' });
      await staff.fill('#officer-email', email);
      await submit(staff, '[data-form="invite-officer"]');
      const accept = await visitAs(invitationLinkFor(t, email), { lang });
      expect(await accessibilityViolations(accept.page)).toEqual([]);
      await submit(accept.page, '[data-form="accept"]');
      // a submit before hydration is a full page load: wait for the answer to be drawn
      await expect.poll(() => accept.page.locator('#accept-displayName-error').count(), { timeout: 10_000 }).toBe(1);
      expect(await accessibilityViolations(accept.page)).toEqual([]);

      await staff.fill('#officer-email', 'bad');
      await submit(staff, '[data-form="invite-officer"]');
      expect(await accessibilityViolations(staff)).toEqual([]);
      const associations = await visitAs('/staff/associations', { as: demo.staffAdachi, lang });
      await submit(associations.page, '[data-form="association"]');
      expect(await associations.page.locator('#association-name-error').count()).toBe(1);
      expect(await accessibilityViolations(associations.page)).toEqual([]);
    },
  );

  it('the staff pages fit a 320px wide phone without sideways scrolling of the page', async () => {
    for (const path of ['/staff', '/staff/associations', '/staff/invitations', '/staff/audit']) {
      const context = await newPersonContext({ lang: null, viewport: { width: 320, height: 640 } });
      await signIn(t, context, demo.foundation);
      const page = await context.newPage();
      await open(page, t, `${path}`);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });
});
