import { describe, expect, it } from 'vitest';
import { langFromAcceptLanguage, parseAcceptLanguage, resolveLang } from './resolve.ts';

describe('resolveLang', () => {
  it('uses a valid cookie before anything else', () => {
    expect(resolveLang({ cookie: 'ja-easy', acceptLanguage: 'en-US,en;q=0.9' })).toBe('ja-easy');
    expect(resolveLang({ cookie: 'en', acceptLanguage: 'ja' })).toBe('en');
    expect(resolveLang({ cookie: 'ja', acceptLanguage: 'en' })).toBe('ja');
  });

  it('ignores an unknown or malformed cookie and falls back to Accept-Language', () => {
    expect(resolveLang({ cookie: 'fr', acceptLanguage: 'en-GB' })).toBe('en');
    expect(resolveLang({ cookie: 'EN', acceptLanguage: 'ja-JP' })).toBe('ja');
    expect(resolveLang({ cookie: '', acceptLanguage: 'en' })).toBe('en');
    expect(resolveLang({ cookie: 'ja-easy; Path=/', acceptLanguage: null })).toBe('ja');
  });

  it('defaults to ja with neither cookie nor header', () => {
    expect(resolveLang({})).toBe('ja');
    expect(resolveLang({ cookie: undefined, acceptLanguage: undefined })).toBe('ja');
    expect(resolveLang({ cookie: null, acceptLanguage: '' })).toBe('ja');
  });
});

describe('langFromAcceptLanguage', () => {
  it.each([
    ['en', 'en'],
    ['en-US', 'en'],
    ['EN-gb', 'en'],
    ['ja', 'ja'],
    ['ja-JP', 'ja'],
    ['ja-JP,ja;q=0.9,en-US;q=0.8,en;q=0.7', 'ja'],
    ['en-US,en;q=0.9,ja;q=0.8', 'en'],
    // the browser's order is respected, even when q-values are listed out of order
    ['ja;q=0.5, en;q=0.9', 'en'],
    // first language we speak, in preference order
    ['fr-FR, fr;q=0.9, en;q=0.8, ja;q=0.7', 'en'],
    ['zh-CN,zh;q=0.9,ja;q=0.8,en;q=0.7', 'ja'],
    // none we speak → ja
    ['fr', 'ja'],
    ['zh-TW, ko;q=0.8', 'ja'],
    ['*', 'ja'],
    // q=0 means "not acceptable"
    ['en;q=0, ja;q=0.5', 'ja'],
    ['ja;q=0, en;q=0.1', 'en'],
    // "english" is not "en"
    ['english', 'ja'],
    // garbage
    ['🙂, ;;;, =', 'ja'],
    ['en;q=abc', 'ja'],
    ['en;q=2', 'ja'],
  ])('%s → %s', (header, expected) => {
    expect(langFromAcceptLanguage(header)).toBe(expected);
  });

  it('returns ja for a missing header', () => {
    expect(langFromAcceptLanguage(undefined)).toBe('ja');
    expect(langFromAcceptLanguage(null)).toBe('ja');
  });
});

describe('parseAcceptLanguage', () => {
  it('orders by quality, keeping header order on ties, lower-cased', () => {
    expect(parseAcceptLanguage('de;q=0.5, en-US, fr;q=0.5, ja;q=0.8')).toEqual(['en-us', 'ja', 'de', 'fr']);
  });

  it('tolerates whitespace around parameters', () => {
    expect(parseAcceptLanguage(' en ; q = 0.3 ,ja')).toEqual(['ja', 'en']);
  });

  it('stays cheap on a huge header', () => {
    const huge = Array.from({ length: 50_000 }, () => 'xx').join(',');
    expect(parseAcceptLanguage(`${huge},en`).length).toBeLessThan(400);
  });
});
