import { rubyBase, type Language, type RubyText } from '@board/shared';
import QRCode from 'qrcode';
import { printTexts } from './texts.ts';

/** Text made safe to stand inside HTML, in an element or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** A word with its reading over it; the reading is for the eyes (hidden from screen readers, as on the web). */
export const rubyHtml = (base: string, reading: string) =>
  `<ruby>${escapeHtml(base)}<rp aria-hidden="true">(</rp><rt aria-hidden="true">${escapeHtml(reading)}</rt><rp aria-hidden="true">)</rp></ruby>`;

/**
 * What someone wrote, escaped, with readings over its kanji in やさしい日本語 when the server made
 * them from this very text (as the web's UserText does); `lang="ja"`, the texts being Japanese.
 */
export function userText(text: string, ruby: RubyText | null, language: Language): string {
  const pieces = language === 'ja-easy' && ruby && rubyBase(ruby) === text ? ruby : null;
  const inner = pieces
    ? pieces.map((piece) => (typeof piece === 'string' ? escapeHtml(piece) : rubyHtml(piece[0], piece[1]))).join('')
    : escapeHtml(text);
  return `<span lang="ja">${inner}</span>`;
}

/** A text cut to at most `max` characters, on a character boundary, with an ellipsis when cut. */
export function shortened(text: string, max: number): { text: string; cut: boolean } {
  const chars = [...text];
  return chars.length <= max ? { text, cut: false } : { text: `${chars.slice(0, max).join('').trimEnd()}…`, cut: true };
}

/**
 * A QR code (SVG, drawn on the server by `qrcode`) for an address, named for screen readers by
 * `label`; `data-qr` carries the address it encodes.
 */
export async function qrCode(url: string, label: string, className = 'qr'): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return svg.replace(
    '<svg ',
    `<svg class="${className}" role="img" aria-label="${escapeHtml(label)}" data-qr="${escapeHtml(url)}" `,
  );
}

const pageStyle = `
@page { size: A4; margin: 12mm; }
* { box-sizing: border-box; }
html { color: #111; background: #fff; font-family: "Hiragino Kaku Gothic ProN", "Noto Sans CJK JP", "Noto Sans JP", "Yu Gothic", Meiryo, sans-serif; line-height: 1.6; }
body { margin: 0; padding: 1rem; }
.sheet { max-width: 186mm; margin: 0 auto; }
.screen-only { max-width: 186mm; margin: 0 auto 1rem; padding: 0.75rem 1rem; border: 2px solid #0b5394; border-radius: 8px; background: #eef4fb; }
.screen-only a { color: #0b5394; font-weight: bold; }
h1 { font-size: 2rem; line-height: 1.3; margin: 0.25rem 0 0.75rem; overflow-wrap: anywhere; }
h2 { font-size: 1.3rem; margin: 1rem 0 0.25rem; }
p { margin: 0.25rem 0; }
.kicker { font-size: 1.25rem; font-weight: bold; margin: 0; padding: 0.25rem 0.75rem; border-left: 8px solid #0b5394; }
.site { font-size: 1rem; margin: 0.5rem 0 0; }
.url { font-family: ui-monospace, monospace; font-size: 0.95rem; overflow-wrap: anywhere; }
.qr { width: 40mm; height: 40mm; display: block; }
.qr-small { width: 26mm; height: 26mm; display: block; flex: none; }
.body { font-size: 1.2rem; white-space: pre-wrap; overflow-wrap: anywhere; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; font-size: 1.2rem; margin: 0.75rem 0; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.scan { display: flex; gap: 1rem; align-items: center; border: 3px solid #111; border-radius: 8px; padding: 0.75rem; margin-top: 1rem; font-size: 1.15rem; }
.scan p { margin: 0.25rem 0; }
.note { font-size: 0.95rem; }
ul.requests { list-style: none; padding: 0; margin: 0.5rem 0; display: grid; grid-template-columns: 1fr 1fr; gap: 3mm; }
ul.requests li { display: flex; gap: 3mm; border: 1.5px solid #555; border-radius: 6px; padding: 2mm; height: 44mm; overflow: hidden; }
ul.requests h2 { font-size: 1.05rem; margin: 0 0 1mm; line-height: 1.35; }
ul.requests p { font-size: 0.9rem; line-height: 1.4; }
.poster h1 { font-size: 2.6rem; }
.poster .lines { font-size: 1.35rem; }
.poster .qr { width: 60mm; height: 60mm; }
ruby rt { font-size: 0.55em; }
@media (max-width: 30rem) {
  body { padding: 0.5rem; }
  h1 { font-size: 1.6rem; }
  dl.facts { grid-template-columns: 1fr; }
  .scan { flex-direction: column; align-items: flex-start; }
  ul.requests { grid-template-columns: 1fr; }
  ul.requests li { height: auto; }
}
@media print {
  body { padding: 0; }
  .screen-only { display: none; }
  .sheet { max-width: none; height: 272mm; overflow: hidden; }
  .scan, ul.requests li { break-inside: avoid; }
}
`;

const htmlLang: Record<Language, string> = { ja: 'ja', 'ja-easy': 'ja', en: 'en' };

/**
 * A whole printable page: its title, a note for the screen (how to print, a way back) and the A4
 * sheet itself in `<main>`. The print CSS keeps the sheet to one A4 page.
 */
export function printablePage(input: { language: Language; title: string; back: string; main: string }): string {
  const { common } = printTexts(input.language);
  return `<!doctype html>
<html lang="${htmlLang[input.language]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(input.title)}</title>
<style>${pageStyle}</style>
</head>
<body>
<div class="screen-only" role="note"><p>${escapeHtml(common.printHint)}</p><p><a href="${escapeHtml(input.back)}">${escapeHtml(common.back)}</a></p></div>
<main class="sheet">
${input.main}
</main>
</body>
</html>
`;
}
