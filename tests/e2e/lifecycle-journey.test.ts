/**
 * THE journey of a help request, in Chromium, across three signed-in people at once (three
 * browser contexts): the officer of 千住一丁目町会, the staff of 足立区 and a volunteer. In
 * Japanese and in やさしい日本語; each person's pages once with JavaScript and once without (two
 * runs, JavaScript crossed between the people, cover what four runs of all-on or all-off did,
 * at half the cost of the suite's longest file). Every step goes through the
 * pages a person would use; the database is only read, to check what the pages say (and the
 * clock is moved to the day of the work once).
 *
 * officer drafts and submits → staff asks for changes (with a reason) → officer reads the reason,
 * fixes and resubmits → staff approves → volunteer finds it by search and raises a hand →
 * officer accepts → both exchange a message → officer marks the work done, volunteer confirms,
 * both thank, and the thanks are shown on both sides.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { schema } from '@board/db';
import { and, eq } from 'drizzle-orm';
import { t, useBrowserApp } from './kit/boot.ts';
import { open, settle, submit, textsWithoutReadings } from './kit/pages.ts';
import { demo, newPerson, userIdOf } from './kit/people.ts';
import { requestRow } from './kit/rows.ts';
import { saveDraftForOne, sendFromPreview } from './kit/request-form.ts';
import { uniqueWord } from './kit/scene.ts';
import { texts } from './kit/texts.ts';

useBrowserApp();

/** who runs JavaScript in each run: every person's pages are walked once with it, once without */
const runs = [
  { lang: 'ja', volunteer: demo.volunteer1, javaScript: { officer: true, staff: false, volunteer: true } },
  { lang: 'ja-easy', volunteer: demo.volunteer5, javaScript: { officer: false, staff: true, volunteer: false } },
] as const;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A button or link whose name starts with this text (some carry a visually hidden "(name)"). */
const startingWith = (text: string) => new RegExp(`^${escape(text)}`);

/** Follows a link and waits for the page it leads to. */
async function follow(page: Page, link: ReturnType<Page['getByRole']>, url: RegExp) {
  await Promise.all([page.waitForURL(url), link.click()]);
  await settle(page);
}

describe.each(runs)(
  'the lifecycle in $lang (JavaScript for the officer: $javaScript.officer, staff: $javaScript.staff, volunteer: $javaScript.volunteer)',
  ({ lang, javaScript, volunteer }) => {
    const i18n = texts(lang);

    it('post → review → changes → fix → approve → find → raise a hand → accept → message → done → confirm → thanks', async () => {
      const word = uniqueWord();
      const title = `防災マップ作りのお手伝い ${word}`;
      const officer = await newPerson({ as: demo.officerSenju, lang, javaScript: javaScript.officer });
      const staff = await newPerson({ as: demo.staffAdachi, lang, javaScript: javaScript.staff });
      const helper = await newPerson({ as: volunteer, lang, javaScript: javaScript.volunteer });
      const o = officer.page;
      const s = staff.page;
      const v = helper.page;

      // ---- 1. the officer drafts the request on the form, previews it, and sends it for review
      await open(o, t, '/association/requests');
      await follow(
        o,
        o.locator('#main').getByRole('link', { name: i18n.t('association.list.new') }),
        /\/association\/requests\/new$/,
      );
      await o.locator('#request-title').fill(title);
      await o.locator('#request-body').fill('町会の防災マップを新しくします。\n地図を見やすく描ける方を探しています。');
      await o.locator('#request-category').selectOption('disaster_prevention');
      await o.locator('#request-skills').fill('地図づくり、パソコン');
      const id = await saveDraftForOne(o, i18n, '千住一丁目会館 2階');
      const detail = `/association/requests/${id}`;
      await expect
        .poll(() => o.locator('[data-testid=request-state]').innerText())
        .toContain(i18n.t('status.request.draft'));
      expect(await o.locator('[data-testid=request-preview]').innerText()).toContain(title);
      expect((await requestRow(t, id)).status).toBe('draft');

      // sent from under the preview, right where the officer has read it
      await sendFromPreview(o, i18n);
      expect(await o.locator('[data-testid=request-state]').innerText()).toContain(
        i18n.t('status.request.pending_review'),
      );
      expect((await requestRow(t, id)).status).toBe('pending_review');

      // ---- 2. the staff finds it in the queue and asks for changes, with a reason
      const reason = `集合時間と持ち物を本文に書いてください（${word}）。`;
      await open(s, t, '/staff/moderation');
      expect(await s.locator('[data-count=pendingReview]').innerText()).toMatch(/[1-9]/);
      await follow(s, s.locator(`tr[data-request="${id}"] th a`), new RegExp(`/staff/moderation/${id}$`));
      await s.locator('#requestChanges-reason').fill(reason);
      await submit(s, s.getByRole('button', { name: i18n.t('moderation.decision.requestChanges.submit') }));
      // the next request waiting opens (or the queue, when it was the last)
      await s.waitForURL(/\/staff\/moderation(\/[0-9a-f-]{36})?\?decided=requestChanges/);
      expect(await s.locator('[data-notice=success]').innerText()).toContain(
        i18n.t('moderation.decided.requestChanges'),
      );
      await open(s, t, '/staff/moderation');
      expect(await s.locator(`tr[data-request="${id}"]`).count()).toBe(0);

      // ---- 3. the officer sees the reason in the list, fixes the text and sends it again
      await open(o, t, '/association/requests');
      const item = o.locator(`li[data-request="${id}"]`);
      expect(await item.getAttribute('data-status')).toBe('changes_requested');
      expect(await item.locator('[data-testid=status-reason]').innerText()).toContain(reason);
      expect(await o.locator('[data-group=attention]').innerText()).toContain(title);
      await follow(o, item.getByRole('link', { name: startingWith(i18n.t('association.list.edit')) }), /\/edit$/);
      expect(await o.getByText(reason).count()).toBeGreaterThan(0);
      await o
        .locator('#request-body')
        .fill('町会の防災マップを新しくします。\n集合：午前10時に会館の前。持ち物：筆記用具。');
      // the fix is saved and sent again in one step
      await submit(o, o.getByRole('button', { name: i18n.t('association.detail.fixAndResubmit') }));
      await o.waitForURL(new RegExp(`${detail}\\?done=submitted$`));
      expect(await o.locator('[data-testid=request-preview]').innerText()).toContain('持ち物：筆記用具');
      expect((await requestRow(t, id)).status).toBe('pending_review');

      // ---- 4. the staff approves
      await open(s, t, `/staff/moderation/${id}`);
      expect(await s.locator('[data-testid=request-preview]').innerText()).toContain('持ち物：筆記用具');
      await submit(s, s.getByRole('button', { name: i18n.t('moderation.decision.approve.submit') }));
      await s.waitForURL(/decided=approve/);
      expect((await requestRow(t, id)).status).toBe('published');

      // ---- 5. the volunteer finds it by searching the board and raises a hand
      await open(v, t, '/requests');
      await v.locator('#filter-q').fill(word);
      await Promise.all([
        v.waitForURL(/\/requests\?.*q=/),
        v.locator('form[data-form=filters] button[type=submit]').first().click(),
      ]);
      await settle(v);
      // by its address: in やさしい日本語 the title carries readings over its kanji (<ruby>)
      await follow(v, v.locator(`main a[href$="/requests/${id}"]`).first(), new RegExp(`/requests/${id}$`));
      await v.locator('#apply-message').fill('地図づくりが得意です。よろしくお願いします。');
      await submit(v, v.locator('form[data-form=apply] button[type=submit]'));
      await expect
        .poll(() => v.locator('[data-testid=my-application]').getAttribute('data-application-status'))
        .toBe('pending');
      const volunteerId = await userIdOf(t, volunteer);
      const [application] = await t.database.handle.db
        .select({ id: schema.applications.id })
        .from(schema.applications)
        .where(and(eq(schema.applications.requestId, id), eq(schema.applications.volunteerId, volunteerId)));
      const applicationId = application!.id;

      // ---- 6. the officer reads the applicant and accepts; the contact details appear
      await open(o, t, detail);
      const applicant = o.locator(`article[data-applicant="${applicationId}"]`);
      expect(await applicant.innerText()).toContain('地図づくりが得意です');
      await applicant
        .locator(`#decide-${applicationId}-note`)
        .fill('ありがとうございます。当日はよろしくお願いします。');
      await submit(o, applicant.getByRole('button', { name: startingWith(i18n.t('association.applicant.accept')) }));
      await expect.poll(() => applicant.getAttribute('data-application-status')).toBe('accepted');
      const match = applicant.locator('[data-testid=match]');
      expect(await match.innerText()).toContain(volunteer);

      // ---- 7. both write in the match's thread
      await follow(
        o,
        match.getByRole('link', { name: startingWith(i18n.t('association.match.thread')) }),
        new RegExp(`/matches/${applicationId}$`),
      );
      await o.locator('#message-body').fill(`会館の場所は地図を送ります ${word}`);
      await submit(o, o.locator('form[data-form=send] button[type=submit]'));
      await expect
        .poll(() => textsWithoutReadings(o.locator('li[data-message-id]')))
        .toContainEqual(expect.stringContaining(`地図を送ります ${word}`));

      await open(v, t, `/matches/${applicationId}`);
      expect(await textsWithoutReadings(v.locator('li[data-message-id]'))).toContainEqual(
        expect.stringContaining(`地図を送ります ${word}`),
      );
      await v.locator('#message-body').fill('わかりました。10時に行きます。');
      await submit(v, v.locator('form[data-form=send] button[type=submit]'));
      await expect.poll(() => v.locator('li[data-message-id]').count()).toBe(2);
      await open(o, t, `/matches/${applicationId}`);
      expect(await textsWithoutReadings(o.locator('li[data-message-id]'))).toContainEqual(
        expect.stringContaining('10時に行きます'),
      );

      // ---- 8. the day of the work comes (the clock moved on: the only write this journey makes
      // by hand); the officer marks the work done, after saying yes to the question
      await t.database.handle.db
        .update(schema.helpRequests)
        .set({ startsAt: new Date(Date.now() - 86_400_000) })
        .where(eq(schema.helpRequests.id, id));
      await open(o, t, detail);
      await applicant.getByRole('link', { name: startingWith(i18n.t('association.match.complete')) }).click();
      const yes = o.getByRole('button', { name: i18n.t('association.match.confirmYes') });
      await yes.waitFor();
      await submit(o, yes);
      await applicant.locator('[data-testid=completed]').waitFor();
      expect(await applicant.locator('[data-testid=completed]').innerText()).toContain(
        i18n.t('association.match.waitingConfirm'),
      );

      // ---- 9. the volunteer confirms on their page
      await open(v, t, '/me/applications');
      const mine = v.locator(`[data-application-id="${applicationId}"]`);
      await submit(v, mine.locator('form[data-form=confirm] button[type=submit]'));
      await mine.locator('[data-testid=confirmed]').waitFor();
      expect((await requestRow(t, id)).status).toBe('completed');

      // ---- 10. the officer thanks (with a private rating); the volunteer sees the note and thanks back
      await open(o, t, detail);
      expect(await o.locator('[data-testid=request-state]').innerText()).toContain(i18n.t('status.request.completed'));
      expect(await applicant.locator('[data-testid=completed]').innerText()).toContain(
        i18n.t('association.match.confirmed'),
      );
      await applicant.locator(`#thanks-${applicationId}-note`).fill(`見やすい地図をありがとうございました ${word}`);
      await applicant.getByLabel(i18n.t('association.thanks.scoreValue', { score: 5 }), { exact: true }).check();
      await applicant.locator(`#thanks-${applicationId}-comment`).fill('とても丁寧でした。');
      await submit(o, applicant.locator('form[data-form=thanks] button[type=submit]'));
      await applicant.locator('[data-testid=thanks-sent]').waitFor();
      expect(await applicant.locator('[data-testid=thanks-sent]').innerText()).toContain(
        `ありがとうございました ${word}`,
      );

      await open(v, t, '/me/applications');
      expect(await mine.locator('[data-testid=thanks-to-me]').innerText()).toContain(`ありがとうございました ${word}`);
      await mine.locator(`#thanks-${applicationId}-note`).fill('楽しかったです。また手伝います。');
      await submit(v, mine.locator('form[data-form=thanks] button[type=submit]'));
      await mine.locator('[data-testid=thanks-from-me]').waitFor();

      await open(o, t, detail);
      expect(await applicant.locator('[data-testid=thanks-received]').innerText()).toContain('また手伝います');

      await Promise.all([officer.context.close(), staff.context.close(), helper.context.close()]);
    }, 240_000);
  },
);
