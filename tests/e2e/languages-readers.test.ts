/**
 * Issue 15, volunteers who read English or やさしい日本語 and the officers who write to them:
 * user-written text carries its language (lang="ja" inside English pages, counted), says
 * "Written in Japanese" on English pages, the officer's summaries show in English and in
 * やさしい日本語 above the original, the officer sees how the volunteer reads and is told to write
 * plainly, and the match thread opens with the hand's message and the acceptance note. Forms are
 * used with and without JavaScript.
 */
import { schema } from '@board/db';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  createVolunteer,
  demo,
  expectFieldError,
  insertRequest,
  newPage,
  open,
  requestRow,
  requestThroughApi,
  submit,
  submitForm,
  t,
  texts,
  useBrowserApp,
} from './kit/index.ts';

useBrowserApp();

const title = '夏祭りの写真を撮ってください';
const summaryEn = 'Take photos at our summer festival on 18 July. A camera is lent if needed.';
const summaryJaEasy = 'なつまつりの しゃしんを とって ください。カメラは かします。';
const handMessage = 'しゃしんが すきです。てつだいます。';
const note = '9じに しゅうかいじょで あいましょう。';
let requestId: string;
let volunteer: { id: string; email: string };
let applicationId: string;

beforeAll(async () => {
  requestId = await insertRequest(t, {
    title,
    body: '7月18日の夏祭りで、写真を撮ってくださる方を探しています。\nカメラはお貸しします。',
    category: 'photo_video',
    skills: ['カメラ'],
  });
  await t.database.handle.db
    .update(schema.helpRequests)
    .set({ summaryEn, summaryJaEasy })
    .where(eq(schema.helpRequests.id, requestId));
  // a volunteer who reads the site in やさしい日本語 and listed Vietnamese only
  volunteer = await createVolunteer(t, { verified: true, displayName: 'Lan Nguyen' });
  await t.database.handle.db.update(schema.users).set({ language: 'ja-easy' }).where(eq(schema.users.id, volunteer.id));
  await t.database.handle.db.insert(schema.volunteerProfiles).values({ userId: volunteer.id, languages: ['vi'] });
  applicationId = (
    await api<{ id: string }>(t, volunteer.email, 'POST', `/api/requests/${requestId}/applications`, {
      message: handMessage,
    })
  ).id;
}, 120_000);

/** Every piece of user text in `main` (UserText marks them) as [its text, its lang attribute]. */
const userTexts = (page: Page) =>
  page
    .locator('main [data-user-text]')
    .evaluateAll((els) => els.map((el) => [el.textContent?.trim() ?? '', el.getAttribute('lang')] as const));
const japanese = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

describe('user text in an English page', () => {
  it.each([true, false])(
    'carries lang="ja", says "Written in Japanese", and the summary comes first (JS %s)',
    async (js) => {
      const en = texts('en');
      const page = await newPage({ lang: 'en', javaScript: js });
      await open(page, t, `/requests/${requestId}`);
      expect(await page.locator('html').getAttribute('lang')).toBe('en');

      const marked = await userTexts(page);
      // title (h1), association (lead and facts), area, skill, body: six Japanese texts, each lang="ja"
      expect(marked.filter(([, lang]) => lang === 'ja')).toHaveLength(6);
      expect(marked.filter(([text, lang]) => japanese.test(text) && lang !== 'ja')).toEqual([]);
      expect(await page.locator('h1 [lang="ja"]').innerText()).toBe(title);

      // the body's label (the footer's ward desk, in Japanese since issue 12, carries its own)
      const label = page.locator('main').getByTestId('written-in');
      expect(await label.count()).toBe(1);
      expect(await label.innerText()).toBe(en.t('languages.writtenIn', { lang: 'ja' }));
      expect(await label.innerText()).toBe('Written in Japanese');

      const summary = page.getByTestId('reader-summary');
      expect(await summary.locator('[lang="en"]').innerText()).toBe(summaryEn);
      expect(await summary.innerText()).toContain(en.t('languages.summary.shown'));
      const top = (selector: string) =>
        page
          .locator(selector)
          .first()
          .evaluate((el) => el.getBoundingClientRect().top);
      expect(await top('[data-testid=reader-summary]')).toBeLessThan(await top('#body-heading'));

      // the board's card: the title marked Japanese, the English summary under it
      await open(page, t, `/requests?q=${encodeURIComponent('夏祭り')}`);
      const card = page.locator(`article[data-request-id="${requestId}"]`);
      expect(await card.locator('h3 [lang="ja"]').innerText()).toBe(title);
      expect(await card.getByTestId('reader-summary').locator('[lang="en"]').innerText()).toBe(summaryEn);
      await page.context().close();
    },
  );

  it('in やさしい日本語 the easy summary shows (lang="ja", no label); in Japanese no summary', async () => {
    const easy = await newPage({ lang: 'ja-easy' });
    await open(easy, t, `/requests/${requestId}`);
    const summary = easy.getByTestId('reader-summary');
    expect(await summary.locator('[lang="ja"]').innerText()).toBe(summaryJaEasy);
    expect(await summary.innerText()).toContain(texts('ja-easy').t('languages.summary.shown'));
    expect(await easy.getByTestId('written-in').count()).toBe(0);
    await easy.context().close();

    const ja = await newPage({ lang: 'ja' });
    await open(ja, t, `/requests/${requestId}`);
    expect(await ja.getByTestId('reader-summary').count()).toBe(0);
    expect(await ja.locator('main [data-user-text][lang="ja"]').count()).toBe(6);
    await ja.context().close();
  });
});

describe('the officer writing to a volunteer who reads やさしい日本語', () => {
  it('sees the reading language and the tip, accepts with a note without JavaScript, and the thread opens with both', async () => {
    const ja = texts('ja');
    const officer = await newPage({ as: demo.officerSenju, lang: 'ja', javaScript: false });
    await open(officer, t, `/association/requests/${requestId}`);
    // the officer's preview shows both summaries, each marked with its language
    const summaries = officer.getByTestId('reader-summaries');
    expect(await summaries.locator('[lang="en"]').innerText()).toBe(summaryEn);
    expect(await summaries.locator('[lang="ja"]').innerText()).toBe(summaryJaEasy);
    const applicant = officer.locator(`article[data-applicant="${applicationId}"]`);
    const reading = applicant.getByTestId('reading-language');
    expect(await reading.getAttribute('data-reading-language')).toBe('ja-easy');
    expect(await reading.locator('dd').innerText()).toBe(ja.t('languages.reader.jaEasy'));
    const tip = applicant.getByTestId('reader-tip');
    expect(await tip.innerText()).toContain('やさしい日本語で書くと伝わりやすいです');
    // the tips open without JavaScript (<details>)
    await tip.locator('summary').click();
    expect(await tip.locator('li').count()).toBe(4);
    expect(await tip.locator('li').first().isVisible()).toBe(true);

    await applicant.locator('textarea[name="note"]').fill(note);
    await submit(
      officer,
      applicant.getByRole('button', { name: new RegExp(`^${ja.t('association.applicant.accept')}`) }),
    );
    await open(officer, t, `/matches/${applicationId}`);
    const items = officer.locator('li[data-thread-item]');
    expect(await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-thread-item')))).toEqual([
      'application',
      'acceptance',
    ]);
    expect(await items.nth(0).innerText()).toContain(ja.t('board.thread.kind.application'));
    expect(await items.nth(0).innerText()).toContain(handMessage);
    expect(await items.nth(1).innerText()).toContain(ja.t('board.thread.kind.acceptance'));
    expect(await items.nth(1).innerText()).toContain(note);
    expect(await officer.getByTestId('no-messages').count()).toBe(0);
    expect(await officer.getByTestId('counterpart').getByTestId('reading-language').innerText()).toContain(
      ja.t('languages.reader.jaEasy'),
    );
    expect(await officer.getByTestId('counterpart').getByTestId('reader-tip').count()).toBe(1);
    await officer.context().close();

    // the volunteer, in やさしい日本語 with JavaScript, sees the same two first
    const easy = texts('ja-easy');
    const mine = await newPage({ as: volunteer.email, lang: 'ja-easy' });
    await open(mine, t, `/matches/${applicationId}`);
    const theirs = mine.locator('li[data-thread-item]');
    expect(await theirs.count()).toBe(2);
    expect(await theirs.nth(0).innerText()).toContain(easy.t('board.thread.kind.application'));
    expect(await theirs.nth(1).innerText()).toContain(easy.t('board.thread.kind.acceptance'));
    expect(await theirs.nth(1).locator('[data-user-text][lang="ja"]').last().innerText()).toBe(note);
    await mine.context().close();
  });

  it('in English, the officer reads the thread with every Japanese text marked and labelled', async () => {
    const page = await newPage({ as: demo.officerSenju, lang: 'en' });
    await open(page, t, `/matches/${applicationId}`);
    const marked = await userTexts(page);
    expect(marked.filter(([text, lang]) => japanese.test(text) && lang !== 'ja')).toEqual([]);
    // the title in the heading, the two notes
    expect(await page.locator('h1 [lang="ja"]').innerText()).toBe(title);
    expect(await page.locator('li[data-thread-item] .plain-text[lang="ja"]').count()).toBe(2);
    expect(await page.getByTestId('written-in').count()).toBe(2);
    expect(await page.getByTestId('reader-tip').innerText()).toContain(texts('en').t('languages.tip.easy'));
    await page.context().close();
  });
});

describe('the officer adds summaries to a request', () => {
  it.each([false, true])(
    'too long is refused with a translated message and nothing saved; then saved (JS %s)',
    async (js) => {
      const lang = js ? 'en' : 'ja';
      const i18n = texts(lang);
      const draft = await requestThroughApi(t, 'draft');
      const page = await newPage({ as: demo.officerSenju, lang, javaScript: js });
      await open(page, t, `/association/requests/${draft}/edit`);
      // folded away while none is written: one tap opens the two boxes
      const fold = page.getByTestId('summary-more');
      expect(await fold.getAttribute('open')).toBeNull();
      await fold.locator('summary').click();
      expect(await page.locator('#request-summaryEn').getAttribute('lang')).toBe('en');

      await page.locator('#request-summaryEn').fill('a'.repeat(301));
      await page.locator('#request-summaryJaEasy').fill(summaryJaEasy);
      await submitForm(page, 'request');
      await expectFieldError(page, 'request-summaryEn', i18n.t('errors.field.TOO_LONG'));
      expect(await requestRow(t, draft)).toMatchObject({ summaryEn: '', summaryJaEasy: '' });
      // what was typed stays in the boxes
      expect(await page.locator('#request-summaryJaEasy').inputValue()).toBe(summaryJaEasy);

      await page.locator('#request-summaryEn').fill(summaryEn);
      await submitForm(page, 'request');
      expect(await requestRow(t, draft)).toMatchObject({ summaryEn, summaryJaEasy });
      await page.context().close();
    },
  );
});
