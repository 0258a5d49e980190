import { schema } from '@board/db';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations } from '../src/harness/browser.ts';
import { t, useBrowserApp } from './kit/boot.ts';
import { invitationLinkFor } from './kit/mail.ts';
import { expectSummary, fieldError, open, submit } from './kit/pages.ts';
import {
  createPerson,
  demo,
  expectNoSidewaysScrollAt,
  freshEmail,
  itHasNoViolationsAt,
  newPerson,
  userIdOf,
  visitAs,
} from './kit/people.ts';
import { associationIdOf, rowCounts } from './kit/rows.ts';
import { texts } from './kit/texts.ts';

/**
 * The staff area in a real browser: pages show only what each person may do; the audit log; axe;
 * a ward clerk removing an officer who left.
 */

useBrowserApp();

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
    expect(href).toMatch(/^\/staff\/audit\?cursor=[\w-]+$/);
    await Promise.all([page.waitForURL(/cursor=/), older.click()]);
    const rows = await page.locator('tbody tr').count();
    expect(rows).toBeGreaterThan(0);
    expect(await page.locator('tbody').innerText()).toContain('招待を送った');
    expect(await page.getByRole('link', { name: '最新の記録に戻る' }).count()).toBe(1);
  });

  it('foundation staff can narrow it to one municipality', async () => {
    const { page } = await visitAs('/staff/audit', { as: demo.foundation });
    await page.getByText(texts('ja').t('staff.audit.filterOpen')).click(); // the filters are folded until used
    await page.selectOption('#audit-municipality', '13104');
    await Promise.all([page.waitForURL(/municipality=13104/), page.getByRole('button', { name: '表示する' }).click()]);
    await expect.poll(() => page.locator('tbody').innerText()).toContain('新宿だけの秘密町会');
    const places = await page.locator('tbody tr td:last-child').allInnerTexts();
    expect(new Set(places)).toEqual(new Set(['新宿区']));
  });
});

describe('accessibility (axe, WCAG 2.2 AA)', () => {
  itHasNoViolationsAt([
    { path: '/staff', as: demo.foundation },
    { path: '/staff', as: demo.officerSenju },
    { path: '/staff/associations', as: demo.staffAdachi },
    { path: '/staff/associations', as: demo.foundation },
    { path: '/staff/invitations', as: demo.staffAdachi },
    { path: '/staff/invitations', as: demo.foundation },
    { path: '/staff/audit', as: demo.foundation },
    { path: '/staff', as: demo.volunteer1 },
    { path: '/invitations/accept?token=unknown-token-unknown-token' },
  ]);

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
    const paths = ['/staff', '/staff/associations', '/staff/invitations', '/staff/audit'];
    await expectNoSidewaysScrollAt(paths, { as: demo.foundation, lang: null });
  });
});

/**
 * A ward clerk takes the officer role away from someone who left their 町会: the association's
 * page lists its officers by name; removing one asks for a tick first. In やさしい日本語 with
 * JavaScript (axe-clean) and in Japanese without it.
 */
describe('removing an officer who left their 町会', () => {
  let senju: string;
  beforeAll(async () => {
    senju = await associationIdOf(t, '千住一丁目町会');
  }, 120_000);

  const isOfficer = async (userId: string) =>
    (
      await t.database.handle.db
        .select()
        .from(schema.roleAssignments)
        .where(and(eq(schema.roleAssignments.userId, userId), eq(schema.roleAssignments.associationId, senju)))
    ).length > 0;

  describe.each([
    { lang: 'ja-easy', javaScriptEnabled: true },
    { lang: 'ja', javaScriptEnabled: false },
  ] as const)('removing an officer in $lang (JavaScript: $javaScriptEnabled)', ({ lang, javaScriptEnabled }) => {
    const i18n = texts(lang);

    it('from the list to the association, a tick box first, then the officer is gone', async () => {
      const name = `退任 太郎 ${lang}`;
      const leaving = await createPerson(t, {
        email: `leaving.${lang}@example.jp`,
        displayName: name,
        roles: [{ role: 'officer', municipalityCode: '13121', associationId: senju }],
      });
      const { context, page } = await visitAs('/staff/associations', {
        as: demo.staffAdachi,
        lang,
        javaScript: javaScriptEnabled,
      });
      await Promise.all([
        page.waitForURL(`**/staff/associations/${senju}`),
        page.getByRole('link', { name: '千住一丁目町会', exact: true }).click(),
      ]);
      const officer = page.locator(`li[data-officer="${leaving.id}"]`);
      expect(await officer.innerText()).toContain(name);
      // axe runs as a script in the page: only where JavaScript is on
      const axeClean = async () => {
        if (javaScriptEnabled) expect(await accessibilityViolations(page)).toEqual([]);
      };
      await axeClean();

      // without the tick: said beside the box, nothing changes
      const before = await rowCounts(t);
      await submit(page, officer.getByRole('button', { name: new RegExp(i18n.t('staff.association.remove')) }));
      await expectSummary(page);
      expect(await fieldError(page, `confirm-${leaving.id}`)).toContain(
        i18n.t('errors.field.REMOVAL_CONFIRM_REQUIRED'),
      );
      await axeClean();
      expect(await rowCounts(t)).toEqual(before);
      expect(await isOfficer(leaving.id)).toBe(true);

      await page.locator(`#confirm-${leaving.id}`).check();
      await submit(page, page.locator(`li[data-officer="${leaving.id}"]`).getByRole('button'));
      await expect
        .poll(() => page.locator('main').innerText())
        .toContain(i18n.t('staff.association.removed', { name }));
      expect(await page.locator(`li[data-officer="${leaving.id}"]`).count()).toBe(0);
      expect(await isOfficer(leaving.id)).toBe(false);
      expect((await rowCounts(t)).auditLog).toBe(before.auditLog + 1);
      await context.close();
    });
  });

  it("another ward's staff cannot open the association; its officers see their names but no remove button", async () => {
    const shinjuku = await newPerson({ as: demo.staffShinjuku, lang: 'ja' });
    expect((await open(shinjuku.page, t, `/staff/associations/${senju}`))?.status()).toBe(404);
    await shinjuku.context.close();
    const foundation = await newPerson({ as: demo.foundation, lang: 'en' });
    await open(foundation.page, t, `/staff/associations/${senju}`);
    expect(await foundation.page.locator('li[data-officer]').count()).toBeGreaterThan(0);
    expect(await foundation.page.locator('form[data-form="remove-officer"]').count()).toBe(0);
    await foundation.context.close();
  });
});
