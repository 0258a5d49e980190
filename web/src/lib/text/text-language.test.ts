import { describe, expect, it } from 'vitest';
import { isForeignTo, langOfText, textLanguage } from './text-language.ts';

describe('textLanguage', () => {
  it.each([
    ['町会だよりのレイアウト', 'ja'],
    ['なつまつりの しゃしんを とって ください。', 'ja'],
    ['カメラ', 'ja'],
    ['ＬＩＮＥ設定', 'ja'],
    ['LINE グループを作りたい', 'ja'],
    ['Help us photograph the summer festival.', 'en'],
    ['Canva', 'en'],
  ])('%s → %s', (text, lang) => {
    expect(textLanguage(text)).toBe(lang);
  });

  it.each(['Tôi có thể giúp chụp ảnh', '1234', '', '🙂', 'a'])('does not claim %j', (text) => {
    expect(textLanguage(text)).toBeNull();
  });
});

describe('langOfText and isForeignTo', () => {
  it('prefers the known language, else the script; foreign is "not the page\'s own"', () => {
    expect(langOfText('Hello there', 'ja')).toBe('ja');
    expect(langOfText('こんにちは')).toBe('ja');
    expect(langOfText('1234')).toBeUndefined();
    expect(isForeignTo('ja', 'en')).toBe(true);
    // やさしい日本語 pages are Japanese pages
    expect(isForeignTo('ja', 'ja-easy')).toBe(false);
    expect(isForeignTo('en', 'ja')).toBe(true);
    expect(isForeignTo(undefined, 'en')).toBe(false);
  });
});
