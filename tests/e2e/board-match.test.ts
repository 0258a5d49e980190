import { schema } from '@board/db';
import { eq } from 'drizzle-orm';
import { auditActions } from '@board/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { t, useBrowserApp } from './kit/boot.ts';
import { open, submitForm } from './kit/pages.ts';
import { demo, newPage, visitAs } from './kit/people.ts';
import { apiAs, applyAs, createVolunteer, insertRequest } from './kit/scene.ts';
import { texts } from './kit/texts.ts';

/**
 * After a match: the private thread (/matches/[id]) between the volunteer and the association's
 * officer, the contact details both sides now see, then "done", confirmation and thanks; and the
 * steps of a match as the audit log page tells them.
 */

const exactPlace = '千住一丁目会館 1階 集会室';
let requestId: string;
let volunteer: { id: string; email: string };
let applicationId: string;

useBrowserApp();
beforeAll(async () => {
  requestId = await insertRequest(t, {
    title: '町会だよりの写真を撮ってください',
    category: 'photo_video',
    slots: 2,
    exactPlace,
  });
  volunteer = await createVolunteer(t, { verified: true, displayName: '写真 好子', phone: '090-1111-2222' });
  applicationId = await applyAs(t, volunteer.email, requestId, 'カメラを持っています。');
}, 120_000);

/**
 * The foundation follows a match through the audit log page (issue 15): accepted, marked done,
 * confirmed and the request completed, each said in the reader's language from the audit
 * actions table (shared/src/audit-actions.ts).
 */
describe("the audit log page shows a match's steps", () => {
  const auditTitle = '防災訓練のチラシを作ってください';
  beforeAll(async () => {
    const flyerRequest = await insertRequest(t, { title: auditTitle, category: 'design_flyers', slots: 1 });
    const designer = await createVolunteer(t, { verified: true, displayName: 'チラシ 得意子' });
    const id = await applyAs(t, designer.email, flyerRequest, 'Canva で作れます。');
    for (const [who, step] of [
      [demo.officerSenju, 'accept'],
      [demo.officerSenju, 'complete'],
      [designer.email, 'confirm'],
    ] as const) {
      const res = await apiAs(t, who, 'POST', `/api/applications/${id}/${step}`, step === 'accept' ? {} : undefined);
      expect(res.status, step).toBe(200);
    }
  }, 120_000);

  it.each(['ja', 'en', 'ja-easy'] as const)('in %s', async (lang) => {
    const { page } = await visitAs('/staff/audit', { as: demo.foundation, lang });
    const rows = await page.locator('tbody tr').allInnerTexts();
    const about = rows.filter((row) => row.includes(`「${auditTitle}」`));
    for (const action of ['match.accept', 'match.complete', 'match.confirm', 'request.complete'] as const) {
      expect(
        about.some((row) => row.includes(auditActions[action].text[lang])),
        `${action} in ${lang}`,
      ).toBe(true);
    }
    // nothing is shown by its bare code
    expect(about.join('\n')).not.toMatch(/match\.(accept|complete|confirm)/);
  });
});

describe('a match', () => {
  it('before the officer accepts, the thread is not open yet', async () => {
    const i18n = texts('ja');
    const page = await newPage({ as: volunteer.email });
    await open(page, t, `/matches/${applicationId}`);
    expect(await page.locator('main').innerText()).toContain(i18n.t('board.thread.notMatched'));
    expect(await page.locator('form[data-form="send"]').count()).toBe(0);
  });

  it('once accepted, both sides exchange messages; the volunteer with JavaScript, the officer without', async () => {
    const accepted = await apiAs(t, demo.officerSenju, 'POST', `/api/applications/${applicationId}/accept`, {
      note: 'よろしくお願いします。',
    });
    expect(accepted.status).toBe(200);

    // the volunteer: their page shows the match, the association's contact and the exact place
    const ja = texts('ja');
    const mine = await newPage({ as: volunteer.email, lang: 'ja' });
    await open(mine, t, '/me/applications');
    const match = mine.locator(`section[data-group="matches"] article[data-application-id="${applicationId}"]`);
    expect(await match.innerText()).toContain(ja.t('status.application.accepted'));
    expect(await match.innerText()).toContain(exactPlace);
    expect(await match.innerText()).toContain('よろしくお願いします。');
    // the association's contact opens with one button (the opening is recorded), also without JavaScript
    expect(await match.getByTestId('match-contact').innerText()).not.toContain('officer.senju@demo.example');
    await submitForm(mine, 'show-contact', match);
    expect(mine.url()).toContain(`/matches/${applicationId}`);
    expect(await mine.getByTestId('counterpart').innerText()).toContain('officer.senju@demo.example');
    await open(mine, t, '/me/applications');
    expect(await match.getByTestId('match-contact').innerText()).toContain('officer.senju@demo.example');
    // the request page now shows the private details to them too
    await open(mine, t, `/requests/${requestId}`);
    expect(await mine.getByTestId('private-details').innerText()).toContain(exactPlace);

    await open(mine, t, '/me/applications');
    await Promise.all([
      mine.waitForURL(new RegExp(`/matches/${applicationId}$`)),
      match.locator(`a[href="/matches/${applicationId}"]`).click(),
    ]);
    await mine.waitForLoadState('networkidle');
    // the thread opens with what was already said: the hand's message and the acceptance note
    const opening = mine.locator('li[data-thread-item]');
    expect(await opening.evaluateAll((els) => els.map((e) => e.getAttribute('data-thread-item')))).toEqual([
      'application',
      'acceptance',
    ]);
    expect(await opening.nth(0).innerText()).toContain('カメラを持っています。');
    expect(await opening.nth(1).innerText()).toContain('よろしくお願いします。');
    expect(await mine.getByTestId('no-messages').count()).toBe(0);
    expect(await mine.getByTestId('counterpart').innerText()).toContain('officer.senju@demo.example');

    // empty: refused with a message beside the box
    await submitForm(mine, 'send');
    expect(await mine.locator('#message-body-error').innerText()).toContain(ja.t('errors.field.MESSAGE_REQUIRED'));

    await mine.fill('#message-body', 'はじめまして。当日は9時に伺います。');
    await submitForm(mine, 'send');
    await mine.locator('li[data-message-id]').first().waitFor();
    const first = mine.locator('li[data-message-id]').first();
    const firstId = await first.getAttribute('data-message-id');
    expect(new URL(mine.url()).hash).toBe(`#message-${firstId}`);
    expect(await first.innerText()).toContain(ja.t('board.thread.fromMe'));
    expect(await first.innerText()).toContain('はじめまして。当日は9時に伺います。');
    // the box is empty again for the next message
    expect(await mine.locator('#message-body').inputValue()).toBe('');

    // the officer, on an old phone without JavaScript, in やさしい日本語
    const easy = texts('ja-easy');
    const officer = await newPage({ as: demo.officerSenju, lang: 'ja-easy', javaScript: false });
    await open(officer, t, `/matches/${applicationId}`);
    const counterpart = officer.getByTestId('counterpart');
    expect(await counterpart.innerText()).toContain(volunteer.email);
    expect(await counterpart.innerText()).toContain('090-1111-2222');
    expect(await counterpart.locator(`a[href="/volunteers/${volunteer.id}"]`).count()).toBe(1);
    const received = officer.locator(`li[data-message-id="${firstId}"]`);
    expect(await received.innerText()).toContain(easy.t('board.thread.fromVolunteer', { name: '写真 好子' }));

    await officer.fill('#message-body', 'ありがとうございます。地図です：https://example.org/map?id=3');
    await submitForm(officer, 'send');
    const reply = officer.locator('li[data-message-id]').nth(1);
    const replyId = await reply.getAttribute('data-message-id');
    expect(new URL(officer.url()).hash).toBe(`#message-${replyId}`);
    expect(await reply.innerText()).toContain(easy.t('board.thread.fromMe'));
    expect(await reply.locator('a').getAttribute('href')).toBe('https://example.org/map?id=3');

    // oldest first, on both sides
    await open(mine, t, `/matches/${applicationId}`);
    const ids = await mine.locator('li[data-message-id]').evaluateAll((els) => els.map((e) => e.id));
    expect(ids).toEqual([`message-${firstId}`, `message-${replyId}`]);
    const replyOnVolunteerSide = mine.locator(`li[data-message-id="${replyId}"]`);
    expect(await replyOnVolunteerSide.locator('a').getAttribute('rel')).toBe('noopener nofollow ugc');

    // the volunteer reports the officer's message (without waiting for JavaScript)
    const box = replyOnVolunteerSide.locator('[data-flag]');
    await box.locator('summary').click();
    await box.locator('textarea').fill('テストの報告です。');
    await submitForm(mine, 'flag', box);
    expect(await mine.locator(`li[data-message-id="${replyId}"]`).innerText()).toContain(ja.t('board.flag.done'));
    const flags = await t.database.handle.db.select().from(schema.flags).where(eq(schema.flags.targetId, replyId!));
    expect(flags).toHaveLength(1);
    // own messages have no report button
    expect(await mine.locator(`li[data-message-id="${firstId}"] [data-flag]`).count()).toBe(0);
  });

  it('nobody else reads the thread', async () => {
    const stranger = await createVolunteer(t, { verified: true });
    const page = await newPage({ as: stranger.email });
    expect((await open(page, t, `/matches/${applicationId}`))?.status()).toBe(404);
    const signedOut = await newPage({ javaScript: false });
    await open(signedOut, t, `/matches/${applicationId}`);
    expect(new URL(signedOut.url()).pathname).toBe('/signin');
  });

  it('after the officer marks it done, the volunteer confirms and says thanks (no JavaScript)', async () => {
    const i18n = texts('ja');
    const done = await apiAs(t, demo.officerSenju, 'POST', `/api/applications/${applicationId}/complete`);
    expect(done.status).toBe(200);
    const page = await newPage({ as: volunteer.email, javaScript: false });
    await open(page, t, '/me/applications');
    const match = page.locator(`article[data-application-id="${applicationId}"]`);
    // done work cannot be withdrawn
    expect(await match.locator('form[data-form="withdraw"]').count()).toBe(0);

    await submitForm(page, 'confirm', match);
    expect(await page.getByTestId('form-message').innerText()).toContain(i18n.t('board.mine.confirmedTitle'));
    expect(await match.getByTestId('confirmed').count()).toBe(1);
    expect(await match.locator('form[data-form="confirm"]').count()).toBe(0);

    // a thank-you without words is refused
    await submitForm(page, 'thanks', match);
    expect(await page.locator(`#thanks-${applicationId}-note-error`).innerText()).toContain(
      i18n.t('errors.field.NOTE_REQUIRED'),
    );
    await page.fill(`#thanks-${applicationId}-note`, '丁寧に声をかけてくださり、ありがとうございました。');
    await page.check(`#thanks-${applicationId}-score-1`); // the second option: 5
    await page.fill(`#thanks-${applicationId}-comment`, 'とても良い町会でした。');
    await submitForm(page, 'thanks', match);
    expect(await page.getByTestId('thanks-from-me').innerText()).toContain('丁寧に声をかけてくださり');

    const [row] = await t.database.handle.db
      .select()
      .from(schema.applications)
      .where(eq(schema.applications.id, applicationId));
    expect(row!.confirmedAt).not.toBeNull();
    const thanks = await t.database.handle.db
      .select()
      .from(schema.thanks)
      .where(eq(schema.thanks.applicationId, applicationId));
    expect(thanks).toHaveLength(1);

    // the association thanks the volunteer; it shows on their page and their public profile
    const back = await apiAs(t, demo.officerSenju, 'POST', `/api/applications/${applicationId}/thanks`, {
      note: '素敵な写真をありがとうございました！',
    });
    expect(back.status).toBe(201);
    await open(page, t, '/me/applications');
    expect(await page.getByTestId('thanks-to-me').innerText()).toContain('素敵な写真をありがとうございました！');

    const officer = await newPage({ as: demo.officerSenju, lang: 'en' });
    await open(officer, t, `/volunteers/${volunteer.id}`);
    const en = texts('en');
    expect(await officer.locator('h1').innerText()).toBe('写真 好子');
    expect(await officer.getByTestId('completed-helps').innerText()).toBe(
      en.t('board.volunteer.helpsValue', { count: 1 }),
    );
    // thanks reach the public profile only once the volunteer chooses to show them
    expect(await officer.locator('main').innerText()).not.toContain('素敵な写真をありがとうございました！');
    await open(page, t, '/me/skills');
    await page.check('input[name="showThanks"]');
    await submitForm(page, 'profile');
    await open(officer, t, `/volunteers/${volunteer.id}`);
    expect(await officer.locator('main').innerText()).toContain('素敵な写真をありがとうございました！');
  });
});
