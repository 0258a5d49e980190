/**
 * Invitations to help and "first come" in the browser (issue 10): an invited volunteer sees the
 * invitation on the request and on their page, raises a hand from it (with JavaScript) or says
 * "not this time" and mutes invitations (without); the officer makes a request first come on the
 * form; a hand on it is matched at once. Each page in ja, en and やさしい日本語, axe-clean.
 */
import { schema } from '@board/db';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  applicationsOf,
  createVolunteer,
  demo,
  expectNoViolations,
  langs,
  newPage,
  open,
  requestRow,
  submit,
  submitForm,
  t,
  texts,
  useBrowserApp,
  insertRequest,
  visitAs,
  waitForHydration,
} from './kit/index.ts';

useBrowserApp();

/** A verified volunteer who agreed to be suggested, and an invitation from 千住一丁目町会 to a new request. */
async function invitedVolunteer(title: string, slots = 2) {
  const requestId = await insertRequest(t, { title, category: 'manual_labour', slots });
  const volunteer = await createVolunteer(t, { verified: true });
  await t.database.handle.db.insert(schema.volunteerProfiles).values({ userId: volunteer.id, suggestable: true });
  const invitation = await api<{ id: string }>(
    t,
    demo.officerSenju,
    'POST',
    `/api/requests/${requestId}/help-invitations`,
    {
      volunteerId: volunteer.id,
    },
  );
  return { requestId, volunteer, invitationId: invitation.id };
}

async function invitationStatus(id: string) {
  const [row] = await t.database.handle.db
    .select({ status: schema.helpInvitations.status })
    .from(schema.helpInvitations)
    .where(eq(schema.helpInvitations.id, id));
  return row?.status;
}

describe.each(langs)('an invitation in %s', (lang) => {
  const i18n = texts(lang);
  let scene: Awaited<ReturnType<typeof invitedVolunteer>>;
  beforeAll(async () => {
    scene = await invitedVolunteer(`椅子運び ${lang}`);
  }, 120_000);

  it('shows on the request with who invites and how helpers are chosen, and on the volunteer’s list', async () => {
    const page = await newPage({ as: scene.volunteer.email, lang });
    await open(page, t, `/requests/${scene.requestId}`);
    const banner = page.locator('[data-testid=help-invitation]');
    expect(await banner.innerText()).toContain(i18n.t('invite.banner.title', { association: '千住一丁目町会' }));
    expect(await page.locator('[data-hands-mode=officer_picks]').innerText()).toContain(
      i18n.t('invite.mode.officer_picks.text'),
    );
    await expectNoViolations(page, `request with an invitation, ${lang}`);

    await open(page, t, '/me/applications');
    const link = page.locator('[data-testid=help-invitations-link]');
    expect(await link.innerText()).toBe(i18n.t('invite.mine.link', { count: 1 }));
    await link.click();
    await page.waitForURL(/\/me\/help-invitations$/);
    await waitForHydration(page);
    const card = page.locator('[data-invitation-status=open]');
    expect(await card.innerText()).toContain(`椅子運び ${lang}`);
    expect(await card.innerText()).toContain(i18n.t('invite.status.open'));
    await expectNoViolations(page, `my invitations, ${lang}`);
  }, 120_000);
});

describe('answering an invitation', () => {
  it('with JavaScript: "raise a hand" leads to the form; the hand is recorded as from the invitation', async () => {
    const scene = await invitedVolunteer('テント設営');
    const i18n = texts('ja');
    const page = await newPage({ as: scene.volunteer.email, lang: 'ja' });
    await open(page, t, `/requests/${scene.requestId}`);
    await page
      .locator('[data-testid=help-invitation]')
      .getByRole('link', { name: i18n.t('invite.banner.raise') })
      .click();
    await page.locator('#apply-message').fill('テントなら立てられます。');
    await submitForm(page, 'apply');
    expect(await page.locator('[data-testid=my-application]').getAttribute('data-application-status')).toBe('pending');
    expect(await page.locator('[data-testid=help-invitation]').count()).toBe(0);
    const [application] = await applicationsOf(t, scene.requestId);
    expect(application).toMatchObject({ origin: 'invitation', status: 'pending' });
    expect(await invitationStatus(scene.invitationId)).toBe('accepted');
  }, 120_000);

  it('without JavaScript: "not this time" on the list, then invitations muted', async () => {
    const scene = await invitedVolunteer('机運び');
    const i18n = texts('ja-easy');
    const page = await newPage({ as: scene.volunteer.email, lang: 'ja-easy', javaScript: false });
    await open(page, t, '/me/help-invitations');
    await submitForm(page, 'decline-invitation');
    expect(await page.locator('[data-notice=success]').first().innerText()).toContain(i18n.t('invite.declined.title'));
    expect(await page.locator('[data-invitation-status=declined]').innerText()).toContain(
      i18n.t('invite.status.declined'),
    );
    expect(await invitationStatus(scene.invitationId)).toBe('declined');

    await page.getByLabel(i18n.t('invite.mute.label')).check();
    await submitForm(page, 'mute');
    expect(await page.locator('main').innerText()).toContain(i18n.t('invite.mute.saved'));
    expect(await page.getByLabel(i18n.t('invite.mute.label')).isChecked()).toBe(true);
    const [profile] = await t.database.handle.db
      .select({ muted: schema.volunteerProfiles.helpInvitationsMuted })
      .from(schema.volunteerProfiles)
      .where(eq(schema.volunteerProfiles.userId, scene.volunteer.id));
    expect(profile?.muted).toBe(true);
  }, 120_000);
});

describe('first come', () => {
  it('the officer makes a request first come on the form (without JavaScript); its page says so in each language', async () => {
    const requestId = await insertRequest(t, { title: '受付テントの設営', category: 'manual_labour', status: 'draft' });
    const { page } = await visitAs(`/association/requests/${requestId}/edit`, {
      as: demo.officerSenju,
      lang: 'en',
      javaScript: false,
    });
    const i18n = texts('en');
    await page.locator('[data-testid=hands-mode] summary').click();
    await page.getByLabel(i18n.t('invite.mode.first_come.option'), { exact: true }).check();
    await submit(page, page.getByRole('button', { name: i18n.t('association.form.saveDraft'), exact: true }));
    expect((await requestRow(t, requestId)).handsMode).toBe('first_come');

    await t.database.handle.db
      .update(schema.helpRequests)
      .set({ status: 'published', publishedAt: new Date() })
      .where(eq(schema.helpRequests.id, requestId));
    for (const lang of langs) {
      const reader = await newPage({ lang });
      await open(reader, t, `/requests/${requestId}`);
      expect(await reader.locator('[data-hands-mode=first_come]').innerText()).toContain(
        texts(lang).t('invite.mode.first_come.text'),
      );
    }
  }, 120_000);

  it('a verified volunteer who raises a hand is matched at once and told so', async () => {
    const requestId = await insertRequest(t, { title: 'チラシ配り', category: 'manual_labour', slots: 1 });
    await t.database.handle.db
      .update(schema.helpRequests)
      .set({ handsMode: 'first_come' })
      .where(eq(schema.helpRequests.id, requestId));
    const volunteer = await createVolunteer(t, { verified: true });
    const i18n = texts('ja');
    const page = await newPage({ as: volunteer.email, lang: 'ja' });
    await open(page, t, `/requests/${requestId}`);
    await page.locator('#apply-message').fill('配れます。');
    await submitForm(page, 'apply');
    expect(await page.locator('main').innerText()).toContain(i18n.t('invite.apply.firstComeDoneTitle'));
    expect(await page.locator('[data-testid=my-application]').getAttribute('data-application-status')).toBe('accepted');
    expect((await requestRow(t, requestId)).status).toBe('filled');
    await expectNoViolations(page, 'first-come match, ja');
  }, 120_000);
});
