/** A piece of plain text: either words, or a web address to show as a link. */
export type TextPart = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

// an http(s) address up to whitespace, quotes, angle brackets or Japanese punctuation and brackets
const URL_CANDIDATE = /https?:\/\/[^\s<>"'`「」『』（）【】、。]+/gi;
// punctuation that ends a sentence rather than the address
const TRAILING = /[.,;:!?)\]}]+$/;

/**
 * Splits plain text (a mail body) into text and links, so a page can render real `<a>` elements
 * without ever inserting HTML. Only `http:` and `https:` addresses that parse as URLs become
 * links; anything else (`javascript:`, `data:`, malformed) stays text.
 */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  const push = (part: TextPart) => {
    const previous = parts.at(-1);
    if (part.kind === 'text' && previous?.kind === 'text') previous.text += part.text;
    else if (part.text) parts.push(part);
  };
  for (const match of text.matchAll(URL_CANDIDATE)) {
    const start = match.index;
    const candidate = match[0].replace(TRAILING, '');
    const href = safeHttpUrl(candidate);
    if (!href) continue;
    push({ kind: 'text', text: text.slice(last, start) });
    push({ kind: 'link', text: candidate, href });
    last = start + candidate.length;
  }
  push({ kind: 'text', text: text.slice(last) });
  return parts;
}

function safeHttpUrl(candidate: string): string | undefined {
  try {
    const url = new URL(candidate);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    if (url.username || url.password) return undefined;
    return url.href;
  } catch {
    return undefined;
  }
}
