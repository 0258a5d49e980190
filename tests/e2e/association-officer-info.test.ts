import { schema } from '@board/db';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  createVolunteer,
  demo,
  insertRequest,
  langs,
  mailTo,
  newPage,
  open,
  phone,
  t,
  texts,
  useBrowserApp,
} from './kit/index.ts';

/**
 * What officers are told (issue 15): the hands waiting for their answer on their list's cards
 * (and the hand-raised mail's link to them), and the ward's contact desk, as its staff typed it,
 * in the footer of the ward's pages and on the officer's pages, in ja, en and やさしい日本語.
 */

/** typed by staff: three lines, and markup that must stay characters */
const deskLines = [
  '足立区 地域のちから推進課 町会・自治会係',
  '電話 03-0000-0000（平日 9時〜17時）',
  '<b>北館</b> 2階',
];
const title = `返事を待つ人がいる依頼 ${Date.now().toString(36)}`;
let waitingId: string;
let shinjukuId: string;

useBrowserApp();
beforeAll(async () => {
  await t.database.handle.db
    .update(schema.municipalities)
    .set({ settings: { contactDesk: deskLines.join('\n') } })
    .where(eq(schema.municipalities.code, '13121'));
  // Shinjuku without a desk (the demo gives its wards one): its pages give the general words
  await t.database.handle.db
    .update(schema.municipalities)
    .set({ settings: {} })
    .where(eq(schema.municipalities.code, '13104'));
  waitingId = await insertRequest(t, { title, slots: 3 });
  shinjukuId = await insertRequest(t, { association: 'okubo', title: '新宿区の依頼（窓口なし）' });
  // two hands wait for an answer, a third was accepted: the card says 2
  const hands: string[] = [];
  for (let i = 0; i < 3; i++) {
    const volunteer = await createVolunteer(t, { verified: true });
    const hand = await api<{ id: string }>(t, volunteer.email, 'POST', `/api/requests/${waitingId}/applications`, {
      message: '手伝えます。',
    });
    hands.push(hand.id);
  }
  await api(t, demo.officerSenju, 'POST', `/api/applications/${hands[2]}/accept`, {});
}, 120_000);

/** The desk block of the footer: its heading and text as a person reads them. */
async function footerDesk(page: Page) {
  const desk = page.locator('footer [data-testid="contact-desk"]');
  return {
    count: await desk.count(),
    text: (await desk.count()) > 0 ? await desk.first().innerText() : '',
    heading: await page.locator('footer #contact-desk-heading').count(),
    markup: await page.locator('footer [data-testid="contact-desk"] b').count(),
  };
}

/** The element's top is on the screen of an 800 px tall phone (once the page has scrolled there, smoothly). */
async function expectOnFirstScreen(page: Page, selector: string) {
  const top = async () => (await page.locator(selector).boundingBox())?.y ?? Number.NaN;
  await expect.poll(top).toBeGreaterThanOrEqual(-1);
  await expect.poll(top).toBeLessThan(800);
}

describe.each(langs)('in %s', (lang) => {
  const i18n = texts(lang);

  it('the officer’s list: the card counts 2 waiting and links to them; the desk is in the footer and linked from the top', async () => {
    const page = await newPage({ lang, as: demo.officerSenju, viewport: phone });
    await open(page, t, '/association/requests');
    const card = page.locator(`[data-request="${waitingId}"]`);
    const waiting = card.locator('[data-testid="waiting"]');
    expect(await waiting.locator('strong').innerText()).toBe(i18n.t('association.detail.waiting', { count: 2 }));
    // the waiting line takes the place of the general "next step" words on this card
    expect(await card.locator('.request__next').count()).toBe(0);
    expect(await waiting.locator('a').getAttribute('href')).toBe(
      `/association/requests/${waitingId}#applicants-heading`,
    );

    const desk = await footerDesk(page);
    expect(desk.count).toBe(1);
    // the ward's name, then the desk line for line as typed
    const lines = desk.text.split('\n').map((line) => line.trim());
    expect(lines[0]).toContain('足立区');
    expect(lines.slice(-3)).toEqual(deskLines);
    expect(desk.markup).toBe(0);
    expect(await page.locator('footer #contact-desk-heading').innerText()).toBe(i18n.t('footer.deskHeading'));
    // typed in Japanese: marked so, whatever the page's language
    expect(await page.locator('footer [lang="ja"] > [data-testid="plain-text"]').count()).toBe(1);

    // the link at the top of the page leads to the desk
    const link = page.locator('[data-testid="desk-link"]');
    expect(await link.innerText()).toBe(i18n.t('association.list.deskLink'));
    await link.click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#contact-desk');
    await expectOnFirstScreen(page, '#contact-desk');
  });

  it('the ward’s pages carry its desk: a request page of the ward, the officer’s request page, its staff’s pages', async () => {
    const visitor = await newPage({ lang, javaScript: false });
    await open(visitor, t, `/requests/${waitingId}`);
    expect((await footerDesk(visitor)).text).toContain(deskLines[1]);

    const officer = await newPage({ lang, as: demo.officerSenju });
    await open(officer, t, `/association/requests/${waitingId}`);
    expect((await footerDesk(officer)).text).toContain(deskLines[0]);

    const staff = await newPage({ lang, as: demo.staffAdachi });
    await open(staff, t, '/staff');
    expect((await footerDesk(staff)).text).toContain(deskLines[0]);
  });
});

describe('another ward, without JavaScript, and from the mail', () => {
  it('another ward’s pages (no desk set) keep the general words and show no desk', async () => {
    const visitor = await newPage({ lang: 'en', javaScript: false });
    await open(visitor, t, `/requests/${shinjukuId}`);
    expect((await footerDesk(visitor)).count).toBe(0);
    expect(await visitor.locator('footer').innerText()).toContain(texts('en').t('footer.contact'));
    const otherStaff = await newPage({ lang: 'en', as: demo.staffShinjuku, javaScript: false });
    await open(otherStaff, t, '/staff');
    expect((await footerDesk(otherStaff)).count).toBe(0);
  });

  it('the count and the desk are on the page as it comes from the server', async () => {
    const page = await newPage({ lang: 'ja', as: demo.officerSenju, javaScript: false });
    await open(page, t, '/association/requests');
    expect(await page.locator(`[data-request="${waitingId}"] [data-testid="waiting"] strong`).innerText()).toBe(
      texts('ja').t('association.detail.waiting', { count: 2 }),
    );
    expect((await footerDesk(page)).text).toContain(deskLines[2]);
  });

  it('the hand-raised mail’s link opens the officer’s page at the applicants, on the first screen of a phone', async () => {
    const mail = await mailTo(t, demo.officerSenju, (subject) => subject.includes(title));
    const link = new RegExp(`https?://\\S+/association/requests/${waitingId}#applicants-heading`).exec(mail.text);
    expect(link).not.toBeNull();
    expect(mail.text).toContain(deskLines[0]);
    const url = new URL(link![0]);
    const page = await newPage({ lang: 'ja', as: demo.officerSenju, viewport: phone });
    await open(page, t, `${url.pathname}${url.hash}`);
    expect(await page.locator('#applicants-heading').innerText()).toBe(texts('ja').t('association.applicants.heading'));
    await expectOnFirstScreen(page, '#applicants-heading');
  });
});
