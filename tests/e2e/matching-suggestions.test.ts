import { schema } from '@board/db';
import { skillOf } from '@board/shared';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { t, useBrowserApp } from './kit/boot.ts';
import { expectNoViolations, open, submitForm } from './kit/pages.ts';
import { demo, newPage, visitAs } from './kit/people.ts';
import { createVolunteer, insertRequest } from './kit/scene.ts';
import { langs, texts } from './kit/texts.ts';

/**
 * Suggestions with reasons (issue 10): the volunteer sees the request that fits first, with why
 * (on their page and on the board's おすすめ sort), in ja / en / やさしい日本語; the officer sees
 * the volunteer who agreed to be suggested, with why, and an "ask them" form that works without
 * JavaScript. axe on both pages.
 */

const title = '防災訓練のチラシを作ってください';
/** next Saturday 09:30 in Tokyo, at least two days ahead */
function saturdayMorning(): Date {
  const day = new Date(Date.now() + 2 * 86_400_000 + 9 * 3_600_000);
  day.setUTCDate(day.getUTCDate() + ((6 - day.getUTCDay() + 7) % 7));
  return new Date(`${day.toISOString().slice(0, 10)}T00:30:00Z`);
}

let requestId: string;
let volunteer: { id: string; email: string };

useBrowserApp();
beforeAll(async () => {
  const db = t.database.handle.db;
  requestId = await insertRequest(t, { title, category: 'design_flyers', startsAt: saturdayMorning() });
  await db
    .update(schema.helpRequests)
    .set({ skillKeys: ['flyer_design'] })
    .where(eq(schema.helpRequests.id, requestId));
  volunteer = await createVolunteer(t, { verified: true, displayName: 'デザイン 花子' });
  await db
    .insert(schema.volunteerProfiles)
    .values({
      userId: volunteer.id,
      municipalityCodes: ['13121'],
      availabilitySlots: ['sat-morning'],
      suggestable: true,
    })
    .onConflictDoUpdate({
      target: schema.volunteerProfiles.userId,
      set: { municipalityCodes: ['13121'], availabilitySlots: ['sat-morning'], suggestable: true },
    });
  await db.insert(schema.volunteerSkills).values({ userId: volunteer.id, skillKey: 'flyer_design', level: 'teach' });
}, 120_000);

/**
 * The first reasons as the page must say them: the skill (its label in that language), the
 * area (足立区 by name), and for the volunteer Saturday (the weekday in that language).
 */
function expectReasons(lang: (typeof langs)[number], reader: 'volunteer' | 'officer', said: string[]) {
  const i18n = texts(lang);
  const skill = skillOf('flyer_design')!.label[lang];
  const prefix = reader === 'volunteer' ? 'matching.reason' : 'matching.forOfficer';
  expect(said[0]).toBe(i18n.t(`${prefix}.skill` as never, { skill, level: 'teach' }));
  expect(said[1]).toContain('足立区');
  if (reader === 'volunteer') expect(said[2]).toContain(i18n.t('matching.day', { day: 'sat' }));
}

describe('a volunteer sees what fits, and why', () => {
  it.each(langs)('on their page, first, with its reasons (%s)', async (lang) => {
    const { page } = await visitAs('/me', { as: volunteer.email, lang });
    const section = page.getByTestId('recommended-section');
    const first = section.locator('article').first();
    await expect.poll(() => first.getAttribute('data-request-id')).toBe(requestId);
    expect(await first.locator('h3 a').getAttribute('href')).toBe(`/requests/${requestId}?via=suggestion`);
    const reasons = await first.getByTestId('reasons').locator('li').allInnerTexts();
    expectReasons(lang, 'volunteer', reasons);
    if (lang === 'ja') expect(reasons[0]).toContain('チラシ');
    await expectNoViolations(page, `/me with suggestions (${lang})`);
  });

  it('on the board, sorted by おすすめ, without JavaScript', async () => {
    const page = await newPage({ as: volunteer.email, lang: 'ja', javaScript: false });
    await open(page, t, '/requests?sort=recommended');
    const current = page.locator('nav.sort a[aria-current="true"]');
    expect(await current.getAttribute('data-sort')).toBe('recommended');
    expect(await page.locator('[data-testid="recommended"] article').first().getAttribute('data-request-id')).toBe(
      requestId,
    );
  });
});

describe('an officer sees who could help, and why', () => {
  it.each(langs)('on their request page (%s)', async (lang) => {
    const { page } = await visitAs(`/association/requests/${requestId}`, { as: demo.officerSenju, lang });
    const person = page.locator(`[data-section="suggested"] [data-volunteer-id="${volunteer.id}"]`);
    expect(await person.locator('h3').innerText()).toBe('デザイン 花子');
    const reasons = await person.getByTestId('reasons').locator('li').allInnerTexts();
    expectReasons(lang, 'officer', reasons);
    await expectNoViolations(page, `officer's request page with suggestions (${lang})`);
  });

  it('asks a suggested volunteer without JavaScript: the page answers for that person', async () => {
    const i18n = texts('ja');
    const page = await newPage({ as: demo.officerSenju, lang: 'ja', javaScript: false });
    await open(page, t, `/association/requests/${requestId}`);
    const person = page.locator(`[data-volunteer-id="${volunteer.id}"]`);
    await submitForm(page, 'invite', person);
    const after = page.locator(`[data-volunteer-id="${volunteer.id}"]`);
    expect(await after.getByRole('status').innerText()).toBe(
      i18n.t('matching.suggested.invited', { name: 'デザイン 花子' }),
    );
    const [row] = await t.database.handle.db
      .select()
      .from(schema.helpInvitations)
      .where(eq(schema.helpInvitations.requestId, requestId));
    expect(row).toMatchObject({ volunteerId: volunteer.id, status: 'open' });
  });
});
