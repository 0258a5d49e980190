import { schema } from '@board/db';
import { auditActionGroups, auditActions } from '@board/shared';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  demo,
  expectFieldError,
  expectSummary,
  flagAs,
  insertRequest,
  newPerson,
  open,
  requestRow,
  runsJavaScript,
  submit,
  t,
  texts,
  useBrowserApp,
  userIdOf,
  visitAs,
  waitForHydration,
  type Lang,
  languageRuns,
} from './kit/index.ts';

/**
 * The ward clerk's and the foundation's oversight pages (issue 15): on the flags page hiding is a
 * secondary button that asks first (a server-drawn step, the same without JavaScript) and the
 * reported text is shown inline, marked Japanese inside an English page; the audit log filters by
 * kind and by days, pages by cursor and links to what each entry names; municipality pickers
 * offer the wards taking part first. In ja, en and やさしい日本語.
 */

useBrowserApp();

const runs = languageRuns({ ja: true, en: false, 'ja-easy': true });

const bodyOf = (lang: Lang) => `${lang} の通報テスト：本文に個人の電話番号 090-0000-0000 が書かれています。`;
const titleOf = (lang: Lang) => `通報された依頼（${lang}）`;
const requestIds: Partial<Record<Lang, string>> = {};

beforeAll(async () => {
  for (const { lang } of runs) {
    const id = await insertRequest(t, { title: titleOf(lang), body: bodyOf(lang) });
    requestIds[lang] = id;
    await flagAs(t, demo.volunteer1, id, '電話番号があります');
  }
  // enough entries of one kind for a second page (30 a page), all at one moment
  const staffId = await userIdOf(t, demo.staffAdachi);
  await t.database.handle.db.insert(schema.auditLog).values(
    Array.from({ length: 35 }, (_, i) => ({
      actorId: staffId,
      action: 'staff.sign_in',
      municipalityCode: '13121',
      subjectType: 'user',
      subjectId: staffId,
      details: { method: 'password', i },
      at: new Date('2026-01-05T01:00:00Z'),
    })),
  );
}, 120_000);

describe.each(runs)('flags in $lang (JavaScript: $javaScript)', ({ lang, javaScript }) => {
  const i18n = texts(lang);

  it('shows the reported text inline, hides only after a confirmation, keeping the note', async () => {
    const id = requestIds[lang]!;
    const { page, context } = await visitAs('/staff/flags?status=open', { as: demo.staffAdachi, lang, javaScript });
    const card = page.locator('li[data-flag]').filter({ hasText: titleOf(lang) });

    // the reported text, as typed, in an element marked Japanese; the title too
    const text = card.locator('[data-flagged-text] [lang="ja"]');
    expect(await text.innerText()).toBe(bodyOf(lang));
    expect(await card.locator('h2 [lang="ja"]').innerText()).toBe(titleOf(lang));
    expect(await page.locator('html').getAttribute('lang')).toBe(lang === 'en' ? 'en' : 'ja');

    // both decisions are secondary (not filled) buttons
    const hide = card.getByRole('button', { name: i18n.t('moderation.flags.hide.request') });
    const dismiss = card.getByRole('button', { name: i18n.t('moderation.flags.dismiss') });
    for (const button of [hide, dismiss]) {
      expect(await button.getAttribute('class')).toContain('button--secondary');
      const fill = await button.evaluate((b) => getComputedStyle(b).backgroundColor);
      const page = await button.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(fill).toBe(page);
    }

    // hide → the question, with what it does; nothing hidden yet; "cancel" leaves it shown
    await card.locator('textarea[name=note]').fill('電話番号を消すよう役員に伝えました');
    await submit(page, hide);
    const question = card.getByRole('group', { name: i18n.t('moderation.flags.confirm.heading.request') });
    await question.waitFor();
    expect(await question.innerText()).toContain(i18n.t('moderation.flags.confirm.effect.request'));
    expect(await question.innerText()).toContain('電話番号を消すよう役員に伝えました');
    if (runsJavaScript(page)) {
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-confirm'))).toBe('hide');
    }
    expect((await requestRow(t, id)).hiddenAt).toBeNull();
    expect(await card.getAttribute('data-flag-status')).toBe('open');

    if (lang === 'ja') {
      await submit(page, question.getByRole('button', { name: i18n.t('moderation.flags.confirm.no') }));
      // with JavaScript the page updates after the answer arrives: wait for the question to go
      await expect.poll(() => card.getByRole('group').count()).toBe(0);
      expect(await card.getAttribute('data-flag-status')).toBe('open');
      expect(await card.locator('textarea[name=note]').inputValue()).toBe('電話番号を消すよう役員に伝えました');
      expect((await requestRow(t, id)).hiddenAt).toBeNull();
      await submit(page, hide);
      await question.waitFor();
    }

    await submit(page, question.getByRole('button', { name: i18n.t('moderation.flags.confirm.yes') }));
    await expect.poll(() => requestRow(t, id).then((r) => r.hiddenAt)).not.toBeNull();
    await open(page, t, '/staff/flags?status=hidden');
    const decided = page.locator(`li[data-flag]`).filter({ hasText: titleOf(lang) });
    expect(await decided.getAttribute('data-flag-status')).toBe('hidden');
    expect(await decided.innerText()).toContain('電話番号を消すよう役員に伝えました');
    await context.close();
  });
});

describe.each(runs)('the audit log in $lang (JavaScript: $javaScript)', ({ lang, javaScript }) => {
  const i18n = texts(lang);

  it('filters by kind and days, pages with the filter kept, and links to what an entry names', async () => {
    const { page, context } = await newPerson({ as: demo.staffAdachi, lang, javaScript });
    // a municipality in the address is not a staff member's filter: only their own entries
    await open(page, t, '/staff/audit?municipality=13104');
    expect(await page.locator('#audit-municipality').count()).toBe(0);
    const places = new Set(await page.locator('tbody tr td:last-child').allInnerTexts());
    expect(places.size).toBe(1);

    // kind: the group of sign-ins and accounts, chosen in the form
    const groupLabel = i18n.t('staff.audit.actionGroupAll', { group: auditActionGroups.accounts.text[lang] });
    await page.getByText(i18n.t('staff.audit.filterOpen')).click(); // the filters are folded until used
    await page.locator('#audit-action').selectOption({ label: groupLabel });
    await Promise.all([
      page.waitForURL(/action=accounts/),
      page.getByRole('button', { name: i18n.t('staff.audit.filterSubmit') }).click(),
    ]);
    await waitForHydration(page);
    const rows = page.locator('tbody tr');
    expect(await rows.count()).toBe(30);
    expect(new Set(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-action'))))).toEqual(
      new Set(['staff.sign_in']),
    );

    // the next page keeps the filter (cursor paging) and holds the rest
    const older = page.getByRole('link', { name: i18n.t('staff.audit.older') });
    expect(await older.getAttribute('href')).toMatch(/^\/staff\/audit\?action=accounts&cursor=/);
    await Promise.all([page.waitForURL(/cursor=/), older.click()]);
    expect(await page.locator('tbody tr').count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator('tbody tr:not([data-action="staff.sign_in"])').count()).toBe(0);

    // days in Tokyo time: 5 January holds the inserted entries, 6 January none of them
    await open(page, t, '/staff/audit?action=staff.sign_in&from=2026-01-05&to=2026-01-05');
    expect(await page.locator('#audit-from').inputValue()).toBe('2026-01-05');
    expect(await page.locator('tbody tr').count()).toBe(30);
    await open(page, t, '/staff/audit?action=staff.sign_in&from=2026-01-06&to=2026-01-06');
    expect(await page.getByTestId('audit-empty').innerText()).toBe(i18n.t('staff.audit.noneFiltered'));

    // the flag hidden above links to the flag list; its request's decision to the review page
    await open(page, t, '/staff/audit?action=flags');
    const flagLink = page.locator('tr[data-action="flag.hide"] a').first();
    expect(await flagLink.innerText()).toBe(auditActions['flag.hide'].text[lang]);
    await Promise.all([page.waitForURL(/\/staff\/flags\?status=hidden#flag-/), flagLink.click()]);
    const flagId = new URL(page.url()).hash.slice('#flag-'.length);
    expect(await page.locator(`li#flag-${flagId}`).getAttribute('data-flag-status')).toBe('hidden');
    await context.close();
  });

  it('explains a bad date beside the field, in the reader’s language', async () => {
    const { page, context } = await visitAs('/staff/audit?from=2026-02-30&to=2026-01-01', {
      as: demo.staffAdachi,
      lang,
      javaScript,
    });
    await expectSummary(page);
    await expectFieldError(page, 'audit-from', i18n.t('errors.field.DATE_INVALID'));
    expect(await page.locator('tbody tr').count()).toBe(0);
    await open(page, t, '/staff/audit?from=2026-03-02&to=2026-03-01');
    await expectFieldError(page, 'audit-to', i18n.t('errors.field.DATE_RANGE_INVALID'));
    await context.close();
  });
});

describe('the foundation', () => {
  it('follows an approval from the log to the request (ja)', async () => {
    const id = await insertRequest(t, { title: '承認を追う依頼', status: 'pending_review' });
    await api(t, demo.staffAdachi, 'POST', `/api/requests/${id}/approve`);
    const { page, context } = await visitAs('/staff/audit?action=request.approve', { as: demo.foundation, lang: 'ja' });
    const row = page.locator('tr[data-action="request.approve"]').filter({ hasText: '承認を追う依頼' });
    const link = row.getByRole('link', { name: auditActions['request.approve'].text.ja });
    expect(await link.getAttribute('href')).toBe(`/staff/moderation/${id}`);
    await Promise.all([page.waitForURL(`**/staff/moderation/${id}`), link.click()]);
    expect(await page.locator('h1').innerText()).toContain('承認を追う依頼');
    await context.close();
  });

  it.each(['ja', 'en', 'ja-easy'] as const)('picks municipalities taking part first (%s)', async (lang) => {
    const i18n = texts(lang);
    const all = await t.database.handle.db.select().from(schema.municipalities);
    const active = (
      await t.database.handle.db
        .select({ code: schema.municipalities.code })
        .from(schema.municipalities)
        .where(eq(schema.municipalities.status, 'active'))
    ).map((m) => m.code);
    expect(active.length).toBeGreaterThan(0);
    const { page, context } = await newPerson({ as: demo.foundation, lang });
    for (const [path, select] of [
      ['/staff/audit', '#audit-municipality'],
      ['/staff/moderation', '#filter-municipality'],
      ['/staff/invitations', '#staff-municipalityCode'],
    ] as const) {
      await open(page, t, path);
      const groups = await page.locator(`${select} optgroup`).evaluateAll((gs) =>
        gs.map((g) => ({
          label: g.getAttribute('label'),
          codes: [...g.querySelectorAll('option')].map((o) => o.getAttribute('value')),
        })),
      );
      expect(
        groups.map((g) => g.label),
        path,
      ).toEqual([i18n.t('municipalities.participating'), i18n.t('municipalities.notYet')]);
      expect([...groups[0]!.codes].sort(), path).toEqual([...active].sort());
      expect(groups[0]!.codes.length + groups[1]!.codes.length, path).toBe(all.length);
    }
    await context.close();
  });
});
