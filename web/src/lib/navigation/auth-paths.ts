/** Pages a sign-in must never return to: they would only loop or sign the person out again. */
export const authPaths = ['/signin', '/signin/link', '/signup', '/signout'] as const;

/** Pages opened from emailed links: their one-time token must not travel on in a return address. */
const linkPaths = ['/verify-email', '/reset-password'];

/**
 * The sign-in page's address that brings the person back to `path` afterwards
 * (`/signin?returnTo=…`), or plain `/signin` from the home page, the auth pages themselves and
 * the pages emailed links open.
 */
export function signInHref(path: string, search = ''): string {
  if (path === '/' || [...authPaths, ...linkPaths].includes(path)) return '/signin';
  return `/signin?returnTo=${encodeURIComponent(`${path}${search}`)}`;
}
