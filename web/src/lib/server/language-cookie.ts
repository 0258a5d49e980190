import type { Cookies } from '@sveltejs/kit';
import { LANG_COOKIE, LANG_COOKIE_MAX_AGE, type Lang } from '#lib/i18n/languages.ts';

/** Remembers the interface language in this browser for a year (read by hooks.server.ts). */
export function rememberLanguage(cookies: Cookies, lang: Lang, secure: boolean): void {
  cookies.set(LANG_COOKIE, lang, { path: '/', maxAge: LANG_COOKIE_MAX_AGE, sameSite: 'lax', httpOnly: true, secure });
}
