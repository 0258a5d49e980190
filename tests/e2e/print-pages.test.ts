/**
 * Issue 13, paper: a request's flyer, a ward's sheet for the 回覧板 and the volunteer poster print
 * on exactly one A4 page in Chromium (page.pdf), their QR codes decode (jsQR) to the addresses
 * they stand for, nothing private is printed, and axe finds nothing, in the three languages. People
 * reach them from the request page (anyone), the officer's page and the staff's start page.
 */
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  demo,
  expectNoViolations,
  insertRequest,
  langs,
  newPage,
  open,
  requestThroughApi,
  t,
  useBrowserApp,
} from './kit/index.ts';

/** A Japanese phone number standing on its own (not digits inside an id such as the request's, 8c07-4498-9127). */
const phoneNumber = /(?<![\w-])0\d{1,4}-\d{1,4}-\d{3,4}(?![\w-])/;

useBrowserApp();

const exactPlace = '千住一丁目会館 2階 和室（裏口から）';
let requestId: string;

beforeAll(async () => {
  requestId = await requestThroughApi(t, 'approved', {
    exactPlace,
    body: '防災訓練の受付をお願いします。'.repeat(30),
  });
  // a full sheet: more open requests than it shows, with long titles
  for (let i = 0; i < 9; i++) {
    await insertRequest(t, { title: `回覧板に載せる長い題名の依頼 ${i} ${'とても長い説明'.repeat(8)}` });
  }
}, 180_000);

/** Pages of the PDF Chromium prints for the page, on A4. */
async function printedPages(page: Page): Promise<number> {
  const pdf = (await page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
  return pdf.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

/** Side of the square each QR code is drawn on to be read (about 5 pixels a module). */
const qrSide = 200;

/**
 * The addresses the page's QR codes hold, read from their drawing as a phone would (jsQR). Each
 * SVG is drawn on a canvas in the page; its grey levels travel as one character a pixel.
 */
async function decodedQrCodes(page: Page): Promise<string[]> {
  const images = await page.locator('svg[data-qr]').evaluateAll(async (svgs, size) => {
    return Promise.all(
      svgs.map(async (svg) => {
        const image = new Image();
        image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = size;
        canvas.height = size;
        const g = canvas.getContext('2d')!;
        g.fillStyle = '#fff';
        g.fillRect(0, 0, size, size);
        g.drawImage(image, 0, 0, size, size);
        const { data } = g.getImageData(0, 0, size, size);
        let grey = '';
        for (let i = 0; i < data.length; i += 4) grey += String.fromCharCode(data[i]!);
        return grey;
      }),
    );
  }, qrSide);
  return images.map((grey) => {
    const rgba = new Uint8ClampedArray(qrSide * qrSide * 4);
    for (let i = 0; i < grey.length; i++)
      rgba.fill(grey.charCodeAt(i), i * 4, i * 4 + 3).fill(255, i * 4 + 3, i * 4 + 4);
    return jsQR(rgba, qrSide, qrSide)?.data ?? '(unreadable)';
  });
}

async function openPrintable(page: Page, path: string): Promise<void> {
  const response = await page.goto(`${t.baseUrl}${path}`);
  expect(response?.status()).toBe(200);
}

describe.each(langs)('in %s', (lang) => {
  it('the request page links to its flyer: one A4 page, a QR code to the request, nothing private', async () => {
    const page = await newPage({ lang });
    await open(page, t, `/requests/${requestId}`);
    await page.locator('[data-print-link=flyer] a').click();
    await page.waitForURL(`**/api/requests/${requestId}/flyer?lang=${lang}`);
    expect(await printedPages(page)).toBe(1);
    expect(await decodedQrCodes(page)).toEqual([`${t.config.publicOrigin}/requests/${requestId}`]);
    await page.emulateMedia({ media: 'print' });
    const printed = await page.locator('body').innerText();
    expect(printed).not.toContain('千住一丁目会館');
    expect(printed).not.toContain(demo.officerSenju);
    expect(printed).not.toMatch(phoneNumber);
    await page.emulateMedia({ media: 'screen' });
    await expectNoViolations(page, `flyer (${lang})`);
  });

  it("a ward's sheet: up to 8 requests and the board, each QR code readable, on one A4 page", async () => {
    const page = await newPage({ lang });
    await openPrintable(page, `/api/municipalities/13121/sheet?lang=${lang}`);
    expect(await printedPages(page)).toBe(1);
    const codes = await decodedQrCodes(page);
    expect(codes).toHaveLength(9);
    expect(codes.at(-1)).toBe(`${t.config.publicOrigin}/?municipalities=13121`);
    for (const code of codes.slice(0, -1)) expect(code).toMatch(/\/requests\/[0-9a-f-]{36}$/);
    await expectNoViolations(page, `ward sheet (${lang})`);
  });

  it('the volunteer poster: one A4 page with a QR code to sign-up', async () => {
    const page = await newPage({ lang });
    await openPrintable(page, `/api/municipalities/13121/volunteer-poster?lang=${lang}`);
    expect(await printedPages(page)).toBe(1);
    expect(await decodedQrCodes(page)).toEqual([`${t.config.publicOrigin}/signup`]);
    await expectNoViolations(page, `volunteer poster (${lang})`);
  });
});

describe('who reaches the paper', () => {
  it("the officer from their request's page, staff from their start page", async () => {
    const officer = await newPage({ lang: 'ja', as: demo.officerSenju, javaScript: false });
    await open(officer, t, `/association/requests/${requestId}`);
    expect(await officer.locator('[data-print-link=flyer] a').getAttribute('href')).toBe(
      `/api/requests/${requestId}/flyer?lang=ja`,
    );
    const staff = await newPage({ lang: 'ja-easy', as: demo.staffAdachi, javaScript: false });
    await open(staff, t, '/staff');
    expect(await staff.locator('[data-print-link=sheet]').getAttribute('href')).toBe(
      '/api/municipalities/13121/sheet?lang=ja-easy',
    );
    await staff.locator('[data-print-link=poster]').click();
    expect(await printedPages(staff)).toBe(1);
  });

  it('a draft has no flyer link, and its flyer is not found', async () => {
    const draft = await requestThroughApi(t, 'draft');
    const officer = await newPage({ lang: 'ja', as: demo.officerSenju, javaScript: false });
    await open(officer, t, `/association/requests/${draft}`);
    expect(await officer.locator('[data-print-link=flyer]').count()).toBe(0);
    const response = await officer.goto(`${t.baseUrl}/api/requests/${draft}/flyer`);
    expect(response?.status()).toBe(404);
  });
});
