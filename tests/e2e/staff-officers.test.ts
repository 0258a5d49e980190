/**
 * A ward clerk takes the officer role away from someone who left their 町会: the association's
 * page lists its officers by name; removing one asks for a tick first. In やさしい日本語 with
 * JavaScript (axe-clean) and in Japanese without it.
 */
import { schema } from '@board/db';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations } from '../src/harness/browser.ts';
import { t, useBrowserApp } from './kit/boot.ts';
import { expectSummary, fieldError, open, submit } from './kit/pages.ts';
import { createPerson, demo, newPerson } from './kit/people.ts';
import { associationIdOf, rowCounts } from './kit/rows.ts';
import { texts } from './kit/texts.ts';

let senju: string;
useBrowserApp();
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
    const { context, page } = await newPerson({ as: demo.staffAdachi, lang, javaScript: javaScriptEnabled });
    await open(page, t, '/staff/associations');
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
    expect(await fieldError(page, `confirm-${leaving.id}`)).toContain(i18n.t('errors.field.REMOVAL_CONFIRM_REQUIRED'));
    await axeClean();
    expect(await rowCounts(t)).toEqual(before);
    expect(await isOfficer(leaving.id)).toBe(true);

    await page.locator(`#confirm-${leaving.id}`).check();
    await submit(page, page.locator(`li[data-officer="${leaving.id}"]`).getByRole('button'));
    await expect.poll(() => page.locator('main').innerText()).toContain(i18n.t('staff.association.removed', { name }));
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
