import type { Me, RoleGrantView } from '@board/shared';
import type { Cookies } from '@sveltejs/kit';
import { hasStaffRole, isOfficer } from '#lib/auth/hats.ts';
import { isLang, LANG_COOKIE } from '#lib/i18n/languages.ts';
import { authPaths } from '#lib/navigation/auth-paths.ts';
import { safeReturnPath } from '#lib/navigation/return-path.ts';
import { rememberLanguage } from './language-cookie.ts';

/**
 * Where a person's work is, when they signed in without a page to return to: officers to their
 * association's requests, staff to their pages, everyone else to the home page.
 */
export function homeFor(roles: readonly RoleGrantView[]): string {
  if (hasStaffRole(roles)) return '/staff';
  if (isOfficer(roles)) return '/association/requests';
  return '/';
}

/**
 * After any sign-in: on a browser where no language was chosen yet, the interface follows the
 * language saved in the person's profile (it would otherwise guess from the browser's settings; a
 * choice made on this browser is kept); the next page is the safe return path, else where their
 * work is.
 */
export function afterSignIn(event: { cookies: Cookies; url: URL }, me: Me, returnTo: unknown): string {
  if (!event.cookies.get(LANG_COOKIE) && isLang(me.language))
    rememberLanguage(event.cookies, me.language, event.url.protocol === 'https:');
  const path = safeReturnPath(returnTo, authPaths);
  return path === '/' ? homeFor(me.roles) : path;
}
