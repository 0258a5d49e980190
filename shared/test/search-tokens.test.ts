import { describe, expect, it } from 'vitest';
import { documentTokens, normalizeForSearch, queryTokens } from '../src/search/tokens.ts';

function matches(query: string, ...document: string[]): boolean {
  const doc = new Set(documentTokens(...document));
  const q = queryTokens(query);
  return q.length > 0 && q.every((t) => doc.has(t));
}

describe('normalizeForSearch', () => {
  it('folds width, case and katakana', () => {
    expect(normalizeForSearch('ＬＩＮＥグループ')).toBe('lineぐるーぷ');
    expect(normalizeForSearch('ﾁﾗｼ')).toBe('ちらし');
    expect(normalizeForSearch('Ｃａｎｖａ')).toBe('canva');
  });
});

describe('search matching', () => {
  it.each([
    ['チラシ', '夏祭りのちらしを作ってください'],
    ['ちらし', '夏祭りのチラシを作ってください'],
    ['LINE', '町会のＬＩＮＥグループを作りたい'],
    ['ｌｉｎｅ', '町会のLINEグループ'],
    ['写真', '防災訓練の写真撮影'],
    ['防災', '防災倉庫の整理'],
    ['庭', '庭の草むしり'],
    ['やさしい日本語', 'ごみ出しルールをやさしい日本語に'],
    ['スマホ 教室', '高齢者向けスマホ教室の講師'],
  ])('"%s" finds "%s"', (query, text) => {
    expect(matches(query, text)).toBe(true);
  });

  it.each([
    ['写真', '防災訓練の撮影'],
    ['防災', '夏祭りのチラシ'],
    ['スマホ 英語', '高齢者向けスマホ教室'],
  ])('"%s" does not find "%s"', (query, text) => {
    expect(matches(query, text)).toBe(false);
  });

  it('finds words in the title or the body', () => {
    expect(matches('会計', '町会の帳簿', '会計をパソコンで')).toBe(true);
  });

  it('an empty or punctuation-only query has no tokens', () => {
    expect(queryTokens('  、。!? ')).toEqual([]);
  });
});
