import { z } from 'zod';

/**
 * Text with readings (furigana, issue 13), as the server stores it when the text is written: a
 * list of pieces, each either plain text (kana, latin, punctuation) or a pair [base, reading] for
 * a run of kanji and its reading in hiragana. Joining the bases gives back the text exactly, so the
 * stored text is never changed by its readings; the web shows the pairs as `<ruby>`.
 * Example: 「町会の回覧板」 → [['町会', 'ちょうかい'], 'の', ['回覧', 'かいらん'], ['板', 'ばん']].
 */
export const RubyText = z.array(z.union([z.string(), z.tuple([z.string(), z.string()])]));
export type RubyText = z.infer<typeof RubyText>;
export type RubyPiece = RubyText[number];

/** The text the pieces were made from. */
export function rubyBase(ruby: RubyText): string {
  return ruby.map((piece) => (typeof piece === 'string' ? piece : piece[0])).join('');
}

/** The text as it sounds: every base with a reading replaced by it (for kana search tokens). */
export function rubyReading(ruby: RubyText): string {
  return ruby.map((piece) => (typeof piece === 'string' ? piece : piece[1])).join('');
}
