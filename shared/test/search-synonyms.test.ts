import { describe, expect, it } from 'vitest';
import type { Category } from '../src/categories.ts';
import { searchConcepts, searchTerms } from '../src/search/synonyms.ts';
import { documentTokens, normalizeForSearch } from '../src/search/tokens.ts';

/** The rule the board's SQL applies, in plain code: every term matched by tokens or by category. */
function matches(query: string, request: { text: string; category: Category }): boolean {
  const doc = new Set(documentTokens(request.text));
  const terms = searchTerms(query);
  return (
    terms.length > 0 &&
    terms.every(
      (term) =>
        term.categories.includes(request.category) || term.anyOf.some((tokens) => tokens.every((t) => doc.has(t))),
    )
  );
}

const other = 'other' as const;

describe('English words find Japanese requests', () => {
  it.each([
    ['photo', '防災訓練の様子を記録したい', 'photo_video'],
    ['photos', '夏祭りの写真を撮ってください', other],
    ['Photo', '集合写真の撮影', other],
    ['ｐｈｏｔｏ', '集合写真の撮影', other],
    ['flyer', '夏祭りのチラシを作ってください', other],
    ['flyers', 'お知らせ作り', 'design_flyers'],
    ['design', 'ロゴのデザイン', other],
    ['translation', 'ごみ出しルールを英語に翻訳', other],
    ['website', '町会のホームページを新しくしたい', other],
    ['smartphone', '高齢者向けスマホ教室の講師', 'elderly_support'],
    ['heavy lifting', '防災倉庫の備品の運搬', other],
    ['accounting', '手書きの会計帳簿を表計算ソフトに', other],
    ['tutoring', '子どもの宿題を見てくれる方', other],
    ['canva', '夏祭りのチラシ', other],
    ['help with photos', '写真撮影', other],
    ['festival photos', '夏祭りの写真', other],
    // kana readings, as someone who reads やさしい日本語 may type them
    ['しゃしん', '防災訓練の写真', other],
    ['ほんやく', 'お知らせの翻訳', other],
  ] as const)('"%s" finds 「%s」 (%s)', (query, text, category) => {
    expect(matches(query, { text, category })).toBe(true);
  });

  it.each([
    ['photo', '夏祭りのチラシを作ってください', 'design_flyers'],
    ['heavy lifting', '夏祭りのチラシ', 'design_flyers'],
    // every word must still match: photo and flyer together need both
    ['photo flyer', '防災訓練の写真', 'photo_video'],
    ['accounting', '集合写真', 'photo_video'],
  ] as const)('"%s" does not find 「%s」 (%s)', (query, text, category) => {
    expect(matches(query, { text, category })).toBe(false);
  });

  it('a phrase is one term; its last word alone is another concept only when typed alone', () => {
    expect(searchTerms('heavy lifting')).toHaveLength(1);
    expect(searchTerms('heavy lifting')[0]!.categories).toEqual(['manual_labour']);
    expect(searchTerms('festival photos')).toHaveLength(2);
  });
});

describe('search without the table stays as it was', () => {
  it.each([
    ['チラシ', '夏祭りのちらしを作ってください'],
    ['LINE', '町会のＬＩＮＥグループを作りたい'],
    ['写真', '防災訓練の写真撮影'],
    ['庭', '庭の草むしり'],
    ['スマホ 教室', '高齢者向けスマホ教室の講師'],
  ])('"%s" finds 「%s」 by its own characters', (query, text) => {
    expect(searchTerms(query).every((term) => term.categories.length === 0 || query === 'スマホ 教室')).toBe(true);
    expect(matches(query, { text, category: other })).toBe(true);
  });

  it('a word the table does not know is searched as typed', () => {
    expect(searchTerms('LINE')).toEqual([{ anyOf: [['li', 'in', 'ne']], categories: [] }]);
    expect(matches('防災 写真', { text: '防災チラシの作成', category: other })).toBe(false);
  });

  it('nothing searchable gives no terms; filler words alone are searched as typed', () => {
    expect(searchTerms('！？・')).toEqual([]);
    expect(searchTerms('the')).toEqual([{ anyOf: [['th', 'he']], categories: [] }]);
  });
});

describe('the table', () => {
  it('names no word twice within a concept, and every entry has words and Japanese terms', () => {
    for (const concept of searchConcepts) {
      expect(concept.words.length).toBeGreaterThan(0);
      expect(concept.ja.length).toBeGreaterThan(0);
      const words = concept.words.map(normalizeForSearch);
      expect(new Set(words).size).toBe(words.length);
    }
  });
});

describe('each term asks for the fewest token sets', () => {
  it('drops a set that holds all of another (photograph within photo), and finds the same requests', () => {
    const [term] = searchTerms('photo');
    const sets = term!.anyOf;
    for (const tokens of sets) {
      const others = sets.filter((other) => other !== tokens);
      expect(
        others.some((other) => other.every((t) => tokens.includes(t))),
        tokens.join(','),
      ).toBe(false);
    }
    // photograph's tokens contain photo's: one set does for both
    expect(sets.some((tokens) => tokens.includes('gr'))).toBe(false);
    expect(matches('photo', { text: 'Photograph the festival', category: other })).toBe(true);
  });
});
