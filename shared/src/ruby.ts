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

/**
 * The first `max` characters of a text and of its readings together, with "…" when cut: a
 * reading stays whole with its kanji (a word is dropped rather than split). Without readings,
 * just the text cut.
 */
export function rubyExcerpt(text: string, ruby: RubyText | null, max: number): { text: string; ruby: RubyText | null } {
  if (text.length <= max) return { text, ruby };
  if (!ruby || rubyBase(ruby) !== text) return { text: `${text.slice(0, max)}…`, ruby: null };
  const kept: RubyText = [];
  let length = 0;
  for (const piece of ruby) {
    const base = typeof piece === 'string' ? piece : piece[0];
    if (length + base.length > max) {
      if (typeof piece === 'string') kept.push(piece.slice(0, max - length));
      break;
    }
    kept.push(piece);
    length += base.length;
  }
  kept.push('…');
  return { text: rubyBase(kept), ruby: kept };
}
