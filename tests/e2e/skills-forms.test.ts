import { schema } from '@board/db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  createVolunteer,
  demo,
  expectNoViolations,
  insertRequest,
  newPerson,
  open,
  phone,
  submit,
  t,
  texts,
  useBrowserApp,
  visitAs,
} from './kit/index.ts';

/**
 * The skills vocabulary in the browser (issue 10): the volunteer's structured profile (skills
 * with a level, availability grid, hours, consent) and the officer's request form (skills from
 * the list plus free tags), in three languages, with and without JavaScript, axe-clean.
 */

useBrowserApp();

const runs = [
  { lang: 'ja', javaScript: true },
  { lang: 'ja', javaScript: false },
  { lang: 'en', javaScript: true },
  { lang: 'ja-easy', javaScript: true },
] as const;

describe.each(runs)('skills in $lang (JavaScript: $javaScript)', ({ lang, javaScript }) => {
  const i18n = texts(lang);

  it('a volunteer sets skills with levels, free slots, hours and consent on a phone', async () => {
    const volunteer = await createVolunteer(t, { verified: true });
    const { context, page } = await visitAs('/me/skills', { as: volunteer.email, lang, javaScript, viewport: phone });

    // the design group opens to show its skills; without JavaScript a click on the summary does it too
    await page
      .locator('#profile-skills details', { hasText: i18n.t('account.category.design_flyers') })
      .locator('summary')
      .click();
    await page.locator('#profile-skills-flyer_design').selectOption('teach');
    await page
      .locator('#profile-skills details', { hasText: i18n.t('account.category.photo_video') })
      .locator('summary')
      .click();
    await page.locator('#profile-skills-photography').selectOption('can');
    await page.locator('#profile-suggestable').check();
    if (javaScript) await expectNoViolations(page, 'profile form with skills');
    await submit(page, '[data-form="profile"]');
    await page.locator('[data-notice="success"]').waitFor();

    // when: the profile's other part
    await open(page, t, '/me/availability');
    await page.getByRole('checkbox', { name: i18n.t('account.volunteer.onlineOk') }).check();
    await page.locator('#profile-availabilitySlots-sat-morning').check();
    await page.locator('#profile-availabilitySlots-sun-evening').check();
    await page.locator('#profile-hoursPerMonth').fill('６');
    // the grid fits the phone: no sideways scrolling; axe (both need scripts in the page: the runs with JavaScript)
    if (javaScript) {
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
      await expectNoViolations(page, 'profile form with availability');
    }
    await submit(page, '[data-form="profile"]');
    await page.locator('[data-notice="success"]').waitFor();

    const skills = await t.database.handle.db
      .select({ key: schema.volunteerSkills.skillKey, level: schema.volunteerSkills.level })
      .from(schema.volunteerSkills)
      .where(eq(schema.volunteerSkills.userId, volunteer.id));
    expect(skills.sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      { key: 'flyer_design', level: 'teach' },
      { key: 'photography', level: 'can' },
    ]);
    const [profile] = await t.database.handle.db
      .select()
      .from(schema.volunteerProfiles)
      .where(eq(schema.volunteerProfiles.userId, volunteer.id));
    expect(profile).toMatchObject({
      availabilitySlots: ['sat-morning', 'sun-evening'],
      hoursPerMonth: 6,
      suggestable: true,
    });

    // a fresh visit shows what was saved (each part kept the other's), the chosen groups open
    await open(page, t, '/me/skills');
    expect(await page.locator('#profile-skills-flyer_design').inputValue()).toBe('teach');
    expect(await page.locator('#profile-suggestable').isChecked()).toBe(true);
    await open(page, t, '/me/availability');
    expect(await page.locator('#profile-availabilitySlots-sat-morning').isChecked()).toBe(true);

    // bad hours: a translated error beside the field, nothing changed
    await page.locator('#profile-hoursPerMonth').fill('たくさん');
    await submit(page, '[data-form="profile"]');
    await page.locator('[data-testid=error-summary]').waitFor();
    if (javaScript) await expectNoViolations(page, 'profile form with an error');
    const [after] = await t.database.handle.db
      .select()
      .from(schema.volunteerProfiles)
      .where(eq(schema.volunteerProfiles.userId, volunteer.id));
    expect(after!.hoursPerMonth).toBe(6);
    await context.close();
  }, 150_000);

  it("an officer picks skills from the list and a free tag; the request page shows them in the reader's language", async () => {
    const { context, page } = await newPerson({ as: demo.officerSenju, lang, javaScript, viewport: phone });
    const draft = await insertRequest(t, {
      title: `スキルの依頼 ${lang}`,
      status: 'draft',
      category: 'design_flyers',
      association: 'senju',
    });
    await open(page, t, `/association/requests/${draft}/edit`);
    const fold = page.locator('details.picker__fold');
    await fold.locator('summary').first().click();
    // the request's category group is open already
    await page.locator('#request-skillKeys-flyer_design').check();
    await page.locator('#request-skills').fill('Excel、盆踊りの太鼓');
    if (javaScript) await expectNoViolations(page, 'request form with skills');
    await submit(page, page.getByRole('button', { name: i18n.t('association.form.saveDraft'), exact: true }));

    const [row] = await t.database.handle.db
      .select({ skillKeys: schema.helpRequests.skillKeys, skills: schema.helpRequests.skills })
      .from(schema.helpRequests)
      .where(eq(schema.helpRequests.id, draft));
    expect(row).toEqual({ skillKeys: ['flyer_design', 'spreadsheets'], skills: ['盆踊りの太鼓'] });

    const published = await insertRequest(t, {
      title: `公開中のスキルの依頼 ${lang}`,
      association: 'senju',
      skillKeys: ['flyer_design', 'spreadsheets'],
      skills: ['盆踊りの太鼓'],
    });
    await open(page, t, `/requests/${published}`);
    const facts = page.locator('[data-field="skills"]');
    const label = {
      ja: 'チラシ・ポスターデザイン',
      en: 'Flyer and poster design',
      'ja-easy': 'チラシや ポスターを つくる',
    }[lang];
    expect(await facts.innerText()).toContain(label);
    expect(await facts.innerText()).toContain('盆踊りの太鼓');
    await context.close();
  }, 150_000);
});
