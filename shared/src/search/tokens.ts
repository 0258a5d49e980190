/**
 * Japanese-aware search tokens, made at write time and stored in an indexed text[] column, so the
 * same search runs on PostgreSQL and PGlite without pg_bigm or PGroonga:
 *  - NFKC folds full-width and half-width forms (ＬＩＮＥ → LINE, ｶﾞ → ガ);
 *  - case is folded and katakana becomes hiragana (チラシ → ちらし), so either spelling matches;
 *  - every word gives its single characters and its character bigrams, so one- and two-character
 *    words (写真, 防災, 庭) are found, and a longer query matches when all its bigrams are present.
 */

const katakana = /[\u30a1-\u30f6]/g;

/** The normalised form both documents and queries go through. */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(katakana, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

/** Runs of letters, digits and marks; punctuation and spaces separate words. */
function words(normalized: string): string[] {
  return normalized.match(/[\p{L}\p{N}\p{M}ー]+/gu) ?? [];
}

function gramsOf(word: string, into: Set<string>): void {
  const chars = [...word];
  for (let i = 0; i < chars.length; i++) {
    into.add(chars[i]!);
    if (i + 1 < chars.length) into.add(chars[i]! + chars[i + 1]!);
  }
}

/** Tokens to store for a document (title + body): unique unigrams and bigrams of every word. */
export function documentTokens(...texts: string[]): string[] {
  const tokens = new Set<string>();
  for (const text of texts) for (const word of words(normalizeForSearch(text))) gramsOf(word, tokens);
  return [...tokens];
}

/**
 * Tokens a document must all contain to match the query: each word's bigrams, or the word itself
 * when it is a single character. Empty when the query has no searchable characters.
 */
export function queryTokens(query: string): string[] {
  const tokens = new Set<string>();
  for (const word of words(normalizeForSearch(query))) {
    const chars = [...word];
    if (chars.length === 1) tokens.add(chars[0]!);
    else for (let i = 0; i + 1 < chars.length; i++) tokens.add(chars[i]! + chars[i + 1]!);
  }
  return [...tokens];
}
