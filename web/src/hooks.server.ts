import type { Handle, HandleFetch } from '@sveltejs/kit/hooks';
import { htmlLang, LANG_COOKIE, langVariant, type Lang } from '#lib/i18n/languages.ts';
import { resolveLang } from '#lib/i18n/resolve.ts';
import { apiOrigin } from '#lib/server/api-origin.ts';
import { answerIn } from '#lib/server/error-messages.ts';
import { visitorAddressHeaders } from '#lib/server/visitor-address.ts';
import { loadSession } from '#lib/server/session.ts';
import { FURIGANA_COOKIE, furiganaOn, TEXT_SIZE_COOKIE, textSizeOf, type TextSize } from '#lib/reading-comfort.ts';

/** Resolves the interface language once per request and writes it into `<html lang>`. */
export const handle: Handle = async ({ event, resolve }) => {
  const lang = resolveLang({
    cookie: event.cookies.get(LANG_COOKIE),
    acceptLanguage: event.request.headers.get('accept-language'),
  });
  event.locals.lang = lang;
  event.locals.me = await loadSession(event);
  event.locals.furigana = furiganaOn(lang, event.cookies.get(FURIGANA_COOKIE));
  event.locals.textSize = textSizeOf(event.cookies.get(TEXT_SIZE_COOKIE));

  // in the page's language: a failure that names an error code brings its text (error-messages.ts)
  const response = await answerIn(lang, () =>
    resolve(event, { transformPageChunk: fillHtmlPlaceholders(lang, event.locals.textSize) }),
  );

  const page = response.headers.get('content-type')?.startsWith('text/html') ?? false;
  try {
    // the same URL renders differently per language: keep shared caches honest
    if (page) response.headers.append('vary', 'Accept-Language, Cookie');
    // a signed-in person's page and its data (their name in the header, their things below) are
    // never kept, not by a proxy nor by the browser of a shared computer at the community centre
    if ((page || event.isDataRequest) && event.locals.me) response.headers.set('cache-control', 'no-store');
  } catch {
    // immutable headers (a proxied response): nothing to do
  }
  return response;
};

/** Replaces `%lang%`, `%lang.variant%` and `%text.size%` from app.html; they sit in the first chunk only. */
function fillHtmlPlaceholders(lang: Lang, textSize: TextSize) {
  let filled = false;
  return ({ html }: { html: string }) => {
    if (filled || !html.includes('%lang')) return html;
    filled = true;
    return html
      .replace('%lang.variant%', langVariant(lang))
      .replace('%lang%', htmlLang(lang))
      .replace('%text.size%', textSize);
  };
}

/**
 * Server-side `fetch('/api/…')` from load functions goes to the API server instead of back into
 * SvelteKit (which has no `/api` routes), carrying the visitor's cookies and language.
 */
export const handleFetch: HandleFetch = async ({ event, request, fetch }) => {
  const url = new URL(request.url);
  if (url.origin !== event.url.origin || !url.pathname.startsWith('/api/')) return fetch(request);

  // The global fetch, not SvelteKit's: in one-process production the API may share this very
  // origin, and SvelteKit's fetch would route a same-origin request back into itself.

  const target = new URL(
    `${url.pathname}${url.search}`,
    apiOrigin({ env: process.env, socket: event.platform?.req.socket }),
  );
  const headers = new Headers(request.headers);
  // the cookies as they stand now, including any a renewal set earlier in this request
  const cookie = event.cookies
    .getAll()
    .map((c) => `${c.name}=${c.value}`)
    .join('; ');
  if (cookie) headers.set('cookie', cookie);
  const acceptLanguage = event.request.headers.get('accept-language');
  if (acceptLanguage && !headers.has('accept-language')) headers.set('accept-language', acceptLanguage);
  // our own server calling: the API accepts cookie-authenticated writes carrying this header
  headers.set('x-board-csrf', '1');
  // the visitor's address, signed, so the API's per-address limits count people, not this server
  for (const [name, value] of Object.entries(visitorAddressHeaders(process.env, event.getClientAddress()))) {
    headers.set(name, value);
  }
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  return globalThis.fetch(
    new Request(target, {
      method: request.method,
      headers,
      body: hasBody ? await request.arrayBuffer() : null,
      signal: request.signal,
      redirect: 'manual',
    }),
  );
};
