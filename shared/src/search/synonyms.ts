import type { Category } from '../categories.ts';
import { normalizeForSearch, queryTokens } from './tokens.ts';

/**
 * Search synonyms: the words people type for a kind of help (English, kana readings, tool names)
 * and what Japanese requests say for it. Requests are written in Japanese, so "photo" would find
 * nothing by its letters; through this table it also finds 写真 and 撮影 and every request of the
 * category 写真・動画.
 *
 * Each entry is one concept. Issue 10 grows this into the skills vocabulary shared by requests
 * and profiles (a key per skill, labels in three languages, synonyms): keep one concept per
 * entry, so an entry can become a skill without being split.
 */
export interface SearchConcept {
  /** requests of this category match the concept whatever their words */
  category?: Category;
  /** what a Japanese request writes for it (any of them matches) */
  ja: readonly string[];
  /** what a searcher may type instead: English (phrases allowed), kana readings, tool names */
  words: readonly string[];
}

export const searchConcepts: readonly SearchConcept[] = [
  {
    category: 'photo_video',
    ja: ['写真', '撮影', 'カメラ'],
    words: ['photo', 'photograph', 'photography', 'picture', 'camera', 'lightroom', 'しゃしん', 'さつえい'],
  },
  { category: 'photo_video', ja: ['動画', '映像', 'ビデオ'], words: ['video', 'film', 'filming', 'movie', 'どうが'] },
  {
    category: 'design_flyers',
    ja: ['チラシ', 'ビラ', 'ポスター'],
    words: ['flyer', 'flier', 'leaflet', 'poster', 'brochure', 'canva'],
  },
  {
    category: 'design_flyers',
    ja: ['デザイン', 'イラスト'],
    words: ['design', 'graphic design', 'illustration', 'canva', 'illustrator', 'photoshop'],
  },
  {
    category: 'translation',
    ja: ['翻訳', '通訳', '訳'],
    words: ['translation', 'translate', 'translator', 'interpreting', 'interpreter', 'ほんやく', 'つうやく'],
  },
  { ja: ['やさしい日本語'], words: ['easy japanese', 'plain japanese', 'yasashii nihongo'] },
  { ja: ['英語'], words: ['english', 'えいご'] },
  { ja: ['ホームページ', 'ウェブサイト', 'サイト', 'HP'], words: ['website', 'web site', 'homepage', 'web page'] },
  {
    ja: ['スマホ', 'スマートフォン', '携帯'],
    words: ['smartphone', 'smart phone', 'mobile phone', 'iphone', 'android'],
  },
  {
    category: 'it_digital',
    ja: ['パソコン', 'PC', 'デジタル'],
    words: ['computer', 'pc', 'laptop', 'digital', 'it support', 'ぱそこん'],
  },
  { ja: ['表計算', 'エクセル', 'Excel'], words: ['spreadsheet', 'excel'] },
  {
    category: 'manual_labour',
    ja: ['力仕事', '運搬', '運び', '設営', '片付け'],
    words: ['heavy lifting', 'lifting', 'carrying', 'moving', 'labour', 'labor', 'physical work', 'ちからしごと'],
  },
  {
    category: 'admin_accounting',
    ja: ['会計', '帳簿', '経理'],
    words: ['accounting', 'accountant', 'bookkeeping', 'accounts', 'かいけい'],
  },
  { category: 'admin_accounting', ja: ['事務', '書類'], words: ['admin', 'paperwork', 'office work', 'clerical'] },
  {
    category: 'children_learning',
    ja: ['学習', '勉強', '宿題', '子ども', '子供'],
    words: ['tutoring', 'tutor', 'homework', 'study', 'children', 'kids', 'こども', 'べんきょう'],
  },
  { ja: ['教室', '講師', '教え'], words: ['teaching', 'teacher', 'lesson', 'class', 'workshop', 'instructor'] },
  {
    category: 'event_running',
    ja: ['イベント', '祭り', '祭', '行事'],
    words: ['event', 'festival', 'matsuri', 'おまつり', 'まつり'],
  },
  {
    category: 'disaster_prevention',
    ja: ['防災', '避難', '訓練'],
    words: ['disaster', 'emergency', 'evacuation', 'drill', 'earthquake', 'ぼうさい'],
  },
  {
    category: 'elderly_support',
    ja: ['高齢', '見守り', 'お年寄り'],
    words: ['elderly', 'seniors', 'older people', 'watch over', 'こうれい'],
  },
  {
    category: 'pr_social',
    ja: ['広報', 'SNS', 'インスタ', '町会だより', '会報'],
    words: ['social media', 'sns', 'instagram', 'publicity', 'newsletter', 'pr'],
  },
  { ja: ['掃除', '清掃', '草取り', '草むしり'], words: ['cleaning', 'clean up', 'weeding'] },
  { ja: ['ごみ', '分別'], words: ['garbage', 'trash', 'rubbish', 'recycling'] },
];

/**
 * English words that carry no subject ("help with photos"): dropped from a query that has
 * other words, so the rest still finds Japanese requests.
 */
const fillerWords = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'of',
  'for',
  'with',
  'to',
  'in',
  'on',
  'at',
  'my',
  'our',
  'help',
  'please',
]);

/** One word (or phrase) of a query: a request matches when any alternative does. */
export interface SearchTerm {
  /** token sets (see `queryTokens`): a request matches when it holds every token of one of them */
  anyOf: string[][];
  /** or when its category is one of these */
  categories: Category[];
}

const wordsOf = (text: string) => normalizeForSearch(text).match(/[\p{L}\p{N}\p{M}ー]+/gu) ?? [];

/** Each concept's words, normalised and split, longest phrase first (so "heavy lifting" beats "lifting"). */
const phrases = searchConcepts
  .flatMap((concept) => concept.words.map((word) => ({ words: wordsOf(word), concept })))
  .sort((a, b) => b.words.length - a.words.length);

/** "photos" → "photo", "festivals" → "festival", "tidies" → "tidy": enough for the table's words. */
function singular(word: string): string[] {
  if (!/^[a-z]+$/.test(word) || word.length < 4) return [];
  if (word.endsWith('ies')) return [`${word.slice(0, -3)}y`];
  if (word.endsWith('es')) return [word.slice(0, -2), word.slice(0, -1)];
  if (word.endsWith('s')) return [word.slice(0, -1)];
  return [];
}

/** The concepts whose longest phrase starts at `words[at]`, and how many words that phrase takes. */
function phraseAt(words: string[], at: number): { concepts: SearchConcept[]; length: number } {
  let found: { concepts: SearchConcept[]; length: number } = { concepts: [], length: 1 };
  for (const phrase of phrases) {
    const n = phrase.words.length;
    if (at + n > words.length || (found.concepts.length > 0 && n < found.length)) continue;
    const same = phrase.words.every((w, i) => {
      const typed = words[at + i]!;
      return typed === w || (i === n - 1 && singular(typed).includes(w));
    });
    if (same && !found.concepts.includes(phrase.concept))
      found = { concepts: [...found.concepts, phrase.concept], length: n };
  }
  return found;
}

function termOf(typed: string, concepts: SearchConcept[]): SearchTerm {
  const anyOf = [queryTokens(typed)];
  const categories = new Set<Category>();
  for (const concept of concepts) {
    for (const text of [...concept.words, ...concept.ja]) anyOf.push(queryTokens(text));
    if (concept.category) categories.add(concept.category);
  }
  const seen = new Set<string>();
  const unique = anyOf.filter((tokens) => {
    const key = tokens.join('\u0000');
    if (tokens.length === 0 || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  // a set that holds all of another's tokens adds nothing to "any of" (photograph's to photo's)
  const contains = (tokens: string[], other: string[]) => other.every((token) => tokens.includes(token));
  const needed = unique.filter(
    (tokens) => !unique.some((other) => other.length < tokens.length && contains(tokens, other)),
  );
  return { anyOf: needed, categories: [...categories] };
}

/**
 * What a search query asks for: one term per word, each of which a request must match (every
 * word must match, as before). A word the table knows also matches its Japanese terms and its
 * category; a phrase of the table ("heavy lifting") is one term. Empty when the query has nothing
 * searchable.
 */
export function searchTerms(query: string): SearchTerm[] {
  const words = wordsOf(query);
  const subjects = words.filter((w) => !fillerWords.has(w));
  const kept = subjects.length > 0 ? subjects : words;
  const terms: SearchTerm[] = [];
  for (let at = 0; at < kept.length;) {
    // the same word may name several concepts (a table that grows into a vocabulary will have them)
    const { concepts, length } = phraseAt(kept, at);
    terms.push(termOf(kept.slice(at, at + length).join(' '), concepts));
    at += length;
  }
  return terms;
}
