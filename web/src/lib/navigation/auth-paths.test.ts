import { describe, expect, it } from 'vitest';
import { signInHref } from './auth-paths.ts';
import { safeReturnPath } from './return-path.ts';

describe('signInHref', () => {
  it('comes back to the page the person was on', () => {
    expect(signInHref('/requests/42', '?tab=apply')).toBe('/signin?returnTo=%2Frequests%2F42%3Ftab%3Dapply');
    expect(signInHref('/me')).toBe('/signin?returnTo=%2Fme');
  });

  it('needs no return from the home page or the auth pages', () => {
    for (const path of ['/', '/signin', '/signup', '/signout', '/signin/link'])
      expect(signInHref(path)).toBe('/signin');
  });

  it('never carries an emailed token on', () => {
    expect(signInHref('/verify-email', '?token=secret')).toBe('/signin');
    expect(signInHref('/reset-password', '?token=secret')).toBe('/signin');
  });

  it('round-trips through safeReturnPath', () => {
    const href = signInHref('/invitations/accept', '?token=abc');
    const returnTo = new URL(href, 'http://x.invalid').searchParams.get('returnTo');
    expect(safeReturnPath(returnTo)).toBe('/invitations/accept?token=abc');
  });
});
