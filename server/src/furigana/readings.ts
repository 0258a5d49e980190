import { rubyReading, type RubyPiece, type RubyText } from '@board/shared';
import type { IpadicFeatures } from 'kuromoji';
import { analyser } from './analyser.ts';

/**
 * Readings over kanji (furigana), made once when a text is written (issue 13). Each word the
 * analyser finds with kanji gets its reading in hiragana, with the kana it shares with the text
 * (送り仮名: 手伝って → 手伝[てつだ]って) left outside the ruby. The text itself is never changed:
 * the bases of the pieces join to it exactly (`rubyBase`).
 */

const kanji = /[\p{Script=Han}々〆ヶ]/u;
const kanjiRuns = /([\p{Script=Han}々〆ヶ]+)/u;
const onlyKana = /^[\u3041-\u309fー]+$/u;

/** Numerals whose sound changes before 丁目 (一丁目 is いっちょうめ, not いちちょうめ). */
const chomeNumerals: Record<string, string> = { 一: 'いっ', 八: 'はっ', 十: 'じゅっ' };

function hiragana(text: string): string {
  return text.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One word as pieces: its kanji runs paired with their part of the reading, its kana as they
 * stand. When the reading cannot be lined up with the kana, the whole word carries it.
 */
function wordPieces(surface: string, reading: string): RubyPiece[] {
  const parts = surface.split(kanjiRuns).filter((part) => part !== '');
  const pattern = parts.map((part) => (kanji.test(part) ? '(.+?)' : escape(hiragana(part)))).join('');
  const found = new RegExp(`^${pattern}$`, 'u').exec(reading);
  if (!found) return [[surface, reading]];
  let group = 1;
  return parts.map((part) => (kanji.test(part) ? [part, found[group++]!] : part));
}

function readingOf(token: IpadicFeatures, next: IpadicFeatures | undefined): string | null {
  const reading = token.reading && token.reading !== '*' ? hiragana(token.reading) : null;
  if (next?.surface_form === '丁目' && chomeNumerals[token.surface_form]) return chomeNumerals[token.surface_form]!;
  return reading && onlyKana.test(reading) ? reading : null;
}

/** Adjacent plain pieces joined, so the stored list stays short. */
function joined(pieces: RubyPiece[]): RubyText {
  const out: RubyText = [];
  for (const piece of pieces) {
    const last = out[out.length - 1];
    if (typeof piece === 'string' && typeof last === 'string') out[out.length - 1] = last + piece;
    else out.push(piece);
  }
  return out;
}

/** The text with readings over its kanji; null when it has no kanji (nothing to read). */
export async function rubyOf(text: string): Promise<RubyText | null> {
  if (!kanji.test(text)) return null;
  const tokens = (await analyser()).tokenize(text);
  const pieces: RubyPiece[] = [];
  tokens.forEach((token, i) => {
    const surface = token.surface_form;
    const reading = kanji.test(surface) ? readingOf(token, tokens[i + 1]) : null;
    pieces.push(...(reading ? wordPieces(surface, reading) : [surface]));
  });
  return joined(pieces);
}

/** A text and its readings, as a help request (or any written text) stores them. */
export interface Readings {
  ruby: RubyText | null;
  /** the text as it sounds, for kana search tokens ('' when it has no kanji) */
  sound: string;
}

export async function readingsOf(text: string): Promise<Readings> {
  const ruby = await rubyOf(text);
  return { ruby, sound: ruby ? rubyReading(ruby) : '' };
}
