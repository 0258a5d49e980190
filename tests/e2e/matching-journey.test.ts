/**
 * The matching journey (issue 10), in Chromium, in Japanese with JavaScript, through the pages a
 * person would use (the database is only read, to check what the pages say; the volunteer's
 * profile is made in it):
 *
 * officer posts a request with a skill from the list → staff approves → a volunteer with that
 * skill sees it under おすすめ on their page and on the board → the officer sees the volunteer
 * among the suggestions and invites them → the volunteer sees the invitation and raises a hand
 * → the officer accepts: a match that began with the invitation (origin = invitation).
 */
import { schema } from '@board/db';
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { t, useBrowserApp } from './kit/boot.ts';
import { expectNoViolations, open, submit, submitForm } from './kit/pages.ts';
import { demo, newPerson } from './kit/people.ts';
import { requestRow } from './kit/rows.ts';
import { saveDraftForOne, sendFromPreview } from './kit/request-form.ts';
import { createVolunteer, uniqueWord } from './kit/scene.ts';
import { texts } from './kit/texts.ts';

useBrowserApp();

const i18n = texts('ja');

it('post with a skill → approve → おすすめ → suggested → invite → raise a hand → match (origin: invitation)', async () => {
  const db = t.database.handle.db;
  const title = `夏祭りのチラシを作ってください ${uniqueWord()}`;
  const volunteer = await createVolunteer(t, { verified: true, displayName: 'チラシ 名人' });
  const profile = { municipalityCodes: ['13121'], suggestable: true };
  await db
    .insert(schema.volunteerProfiles)
    .values({ userId: volunteer.id, ...profile })
    .onConflictDoUpdate({ target: schema.volunteerProfiles.userId, set: profile });
  await db.insert(schema.volunteerSkills).values({ userId: volunteer.id, skillKey: 'flyer_design', level: 'teach' });
  const officer = (await newPerson({ as: demo.officerSenju })).page;
  const staff = (await newPerson({ as: demo.staffAdachi })).page;
  const helper = (await newPerson({ as: volunteer.email })).page;

  // ---- the officer posts the request with a skill from the list, and sends it for review
  await open(officer, t, '/association/requests/new');
  await officer.locator('#request-title').fill(title);
  await officer.locator('#request-body').fill('町会の夏祭りのチラシを作ります。\nCanva が使える方を探しています。');
  await officer.locator('#request-category').selectOption('design_flyers');
  await officer.locator('details.picker__fold > summary').click();
  // the category's group of skills (open by itself when the form opened with that category)
  const group = officer.locator('.picker details', { has: officer.locator('#request-skillKeys-flyer_design') });
  if ((await group.getAttribute('open')) === null) await group.locator('> summary').click();
  await officer.locator('#request-skillKeys-flyer_design').check();
  const id = await saveDraftForOne(officer, i18n, '千住一丁目会館');
  expect((await requestRow(t, id)).skillKeys).toEqual(['flyer_design']);
  await sendFromPreview(officer, i18n);

  // ---- the ward's staff approves it
  await open(staff, t, `/staff/moderation/${id}`);
  await submit(staff, staff.getByRole('button', { name: i18n.t('moderation.decision.approve.submit') }));
  await staff.waitForURL(/decided=approve/);
  expect((await requestRow(t, id)).status).toBe('published');

  // ---- the volunteer with that skill sees it under おすすめ, on their page and on the board
  await open(helper, t, '/me');
  const mine = helper.getByTestId('recommended-section').locator(`article[data-request-id="${id}"]`);
  expect(await mine.getByTestId('reasons').innerText()).toContain('チラシ');
  await open(helper, t, '/requests?sort=recommended');
  expect(await helper.locator(`[data-testid="recommended"] article[data-request-id="${id}"]`).count()).toBe(1);

  // ---- the officer sees the volunteer among the suggestions, and invites them
  const detail = `/association/requests/${id}`;
  await open(officer, t, detail);
  const person = officer.locator(`[data-section="suggested"] [data-volunteer-id="${volunteer.id}"]`);
  expect(await person.locator('h3').innerText()).toBe('チラシ 名人');
  await submitForm(officer, 'invite', person);
  expect(await person.getByRole('status').innerText()).toBe(
    i18n.t('matching.suggested.invited', { name: 'チラシ 名人' }),
  );

  // ---- the volunteer sees the invitation and raises a hand from it
  await open(helper, t, '/me/help-invitations');
  const invitation = helper.locator('[data-testid="my-help-invitations"] li[data-invitation-status="open"]');
  expect(await invitation.innerText()).toContain(title);
  await Promise.all([
    helper.waitForURL(new RegExp(`/requests/${id}`)),
    invitation.getByRole('link', { name: i18n.t('invite.mine.open') }).click(),
  ]);
  await helper.locator('#apply-message').fill('チラシ作りならお任せください。');
  await submit(helper, helper.locator('form[data-form=apply] button[type=submit]'));
  await expect
    .poll(() => helper.locator('[data-testid=my-application]').getAttribute('data-application-status'))
    .toBe('pending');

  // ---- the officer sees the hand (and the answered invitation) and accepts: a match begun by the invitation
  await open(officer, t, detail);
  const sent = officer.locator(`[data-section="sent-invitations"] [data-volunteer-id="${volunteer.id}"]`);
  expect(await sent.getAttribute('data-invitation-status')).toBe('accepted');
  expect(await sent.innerText()).toContain(i18n.t('invite.sent.status.accepted'));
  const [application] = await db.select().from(schema.applications).where(eq(schema.applications.requestId, id));
  const card = officer.locator(`[data-applicant="${application!.id}"]`);
  expect(await card.getByTestId('applicant-skills').innerText()).toContain('教えられる');
  await expectNoViolations(officer, "officer's request page with a hand, suggestions and invitations");
  await submit(officer, card.locator('form[data-form=decide] button[type=submit]').first());
  await expect
    .poll(async () => {
      const [row] = await db.select().from(schema.applications).where(eq(schema.applications.id, application!.id));
      return `${row!.status} ${row!.origin}`;
    })
    .toBe('accepted invitation');
}, 300_000);
