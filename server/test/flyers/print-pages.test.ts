import QRCode from 'qrcode';
import { beforeAll, describe, expect, it } from 'vitest';
import { as, createDraft, demoEmails, errorCode, get, insertRequest, setStatus, useApiApp } from '../kit/index.ts';

/** A Japanese phone number standing on its own (not digits inside an id such as the request's, 8c07-4498-9127). */
const phoneNumber = /(?<![\w-])0\d{1,4}-\d{1,4}-\d{3,4}(?![\w-])/;

/**
 * Issue 13, paper: a request's flyer, a ward's sheet for the 回覧板 and the volunteer poster are
 * HTML pages (getRequestFlyer, getMunicipalitySheet, getVolunteerPoster) with QR codes drawn on
 * the server; the flyer shows only what the board shows anyone. One A4 page in Chromium's PDF:
 * tests/e2e/print-pages.test.ts.
 */
const t = useApiApp();
let published: string;
let draft: string;

beforeAll(async () => {
  const created = await createDraft(t, { applicationDeadline: undefined });
  published = created.id;
  await setStatus(t, published, 'published', { publishedAt: new Date() });
  draft = (await createDraft(t, { title: '下書きの依頼' })).id;
});

const qrOf = (html: string) => [...html.matchAll(/data-qr="([^"]+)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));

describe('getRequestFlyer', () => {
  it('is an HTML page with the title, what is needed and a QR code to the request page', async () => {
    const res = await get(t, {}, `/api/requests/${published}/flyer`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toMatch(/^<!doctype html>\n<html lang="ja">/);
    expect(res.body).toContain('町会だよりのレイアウト');
    expect(res.body).toContain('年4回発行の町会だより');
    expect(res.body).toContain('千住一丁目町会');
    const url = `http://localhost:0/requests/${published}`;
    expect(qrOf(res.body)).toEqual([url]);
    // the drawing is that of the address (the same modules qrcode draws for it)
    const drawn = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    expect(res.body).toContain(drawn.match(/ d="[^"]+"/g)!.at(-1));
    expect(res.body).toContain('@page { size: A4');
  });

  it('never shows the exact place or a contact, even to the officer who posted it', async () => {
    const officer = await as(t, demoEmails.officerSenju);
    for (const headers of [{}, officer]) {
      const res = await get(t, headers, `/api/requests/${published}/flyer`);
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain('千住一丁目会館');
      expect(res.body).not.toContain(demoEmails.officerSenju);
      expect(res.body).not.toMatch(phoneNumber);
    }
  });

  it('speaks やさしい日本語 with readings over the kanji of what was written, and English', async () => {
    const easy = await get(t, {}, `/api/requests/${published}/flyer?lang=ja-easy`);
    expect(easy.body).toContain(
      '<ruby>町会<rp aria-hidden="true">(</rp><rt aria-hidden="true">ちょうかい</rt><rp aria-hidden="true">)</rp></ruby>',
    );
    expect(easy.body).toContain('てつだって くれる ひと');
    const ja = await get(t, {}, `/api/requests/${published}/flyer?lang=ja`);
    expect(ja.body).not.toContain('<ruby>');
    const en = await get(t, {}, `/api/requests/${published}/flyer?lang=en`);
    expect(en.body).toMatch(/<html lang="en">/);
    expect(en.body).toContain('Looking for a helping hand');
  });

  it('is not found for a draft, an unknown request or a hidden one; a bad language is refused', async () => {
    expect((await get(t, {}, `/api/requests/${draft}/flyer`)).statusCode).toBe(404);
    const officer = await as(t, demoEmails.officerSenju);
    expect((await get(t, officer, `/api/requests/${draft}/flyer`)).statusCode).toBe(404);
    expect((await get(t, {}, `/api/requests/00000000-0000-4000-8000-000000000000/flyer`)).statusCode).toBe(404);
    const hidden = await insertRequest(t, { title: '隠された依頼', hiddenAt: new Date() });
    expect((await get(t, {}, `/api/requests/${hidden.id}/flyer`)).statusCode).toBe(404);
    const bad = await get(t, {}, `/api/requests/${published}/flyer?lang=fr`);
    expect(bad.statusCode).toBe(400);
    expect(errorCode(bad)).toBe('VALIDATION_FAILED');
  });

  it('escapes what was written: markup in a title is shown as typed', async () => {
    const { id } = await insertRequest(t, { title: '<script>alert(1)</script>の依頼', body: '<b>本文</b>' });
    const res = await get(t, {}, `/api/requests/${id}/flyer`);
    expect(res.body).not.toContain('<script>alert');
    expect(res.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;の依頼');
    expect(res.body).not.toContain('<b>本文');
  });
});

describe('getMunicipalitySheet', () => {
  it('lists at most 8 open requests of that ward only, each with its QR code, and one for its board', async () => {
    for (let i = 0; i < 9; i++) await insertRequest(t, { title: `回覧板の依頼 ${i}`, municipalityCode: '13121' });
    const other = await insertRequest(t, { title: '新宿の依頼だけ', municipalityCode: '13104' });
    const res = await get(t, {}, '/api/municipalities/13121/sheet');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('足立区');
    const qrs = qrOf(res.body);
    expect(qrs).toHaveLength(9);
    expect(qrs.at(-1)).toBe('http://localhost:0/?municipalities=13121');
    for (const url of qrs.slice(0, -1)) expect(url).toMatch(/^http:\/\/localhost:0\/requests\/[0-9a-f-]{36}$/);
    expect(res.body).not.toContain(other.id);
    expect(res.body).not.toContain('新宿の依頼だけ');
    expect(res.body).not.toContain('秘密の集合場所');
    expect(res.body).not.toContain('下書きの依頼');
  });

  it('reads the ward in kana in やさしい日本語 and in English; an unknown ward is not found', async () => {
    const easy = await get(t, {}, '/api/municipalities/13121/sheet?lang=ja-easy');
    expect(easy.body).toContain('<rt aria-hidden="true">あだちく</rt>');
    const en = await get(t, {}, '/api/municipalities/13121/sheet?lang=en');
    expect(en.body).toContain('Adachi');
    expect((await get(t, {}, '/api/municipalities/13421/sheet')).statusCode).toBe(404);
    expect((await get(t, {}, '/api/municipalities/abc/sheet')).statusCode).toBe(400);
  });
});

describe('getVolunteerPoster', () => {
  it('invites residents to sign up, with a QR code to the sign-up page', async () => {
    for (const lang of ['ja', 'ja-easy', 'en']) {
      const res = await get(t, {}, `/api/municipalities/13121/volunteer-poster?lang=${lang}`);
      expect(res.statusCode).toBe(200);
      expect(qrOf(res.body)).toEqual(['http://localhost:0/signup']);
    }
    expect((await get(t, {}, '/api/municipalities/13421/volunteer-poster')).statusCode).toBe(404);
  });
});
