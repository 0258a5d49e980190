import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { allMailTo, mailTo, useApiApp, visitorPost } from '../kit/index.ts';

const t = useApiApp();

/** What a caller can observe: status, body, and headers other than per-request ones. */
function observable(res: LightMyRequestResponse) {
  const { date: _date, 'x-request-id': _id, ...headers } = res.headers;
  const body = res.json();
  if (body.error) delete body.error.requestId;
  return { status: res.statusCode, body, headers };
}

const known = 'volunteer1@demo.example';
const unknown = 'nobody-here@example.org';

describe('no account enumeration', () => {
  it('signUp answers the same for a known and an unknown address', async () => {
    const body = { password: 'some long password', displayName: 'X', language: 'ja' };
    const a = await visitorPost(t, '/api/auth/sign-up', { ...body, email: known });
    const b = await visitorPost(t, '/api/auth/sign-up', { ...body, email: unknown });
    expect(a.statusCode).toBe(202);
    expect(observable(a)).toEqual(observable(b));
  });

  it('requestPasswordReset answers the same, and mails only a real account', async () => {
    const a = await visitorPost(t, '/api/auth/password-reset', { email: known });
    const b = await visitorPost(t, '/api/auth/password-reset', { email: 'nobody-reset@example.org' });
    expect(a.statusCode).toBe(202);
    expect(a.json()).toEqual({ status: 'check_your_email' });
    expect(observable(a)).toEqual(observable(b));
    await mailTo(t, known, /パスワードの再設定/);
    expect(await allMailTo(t, 'nobody-reset@example.org')).toEqual([]);
  });

  it('requestSignInLink answers the same, and mails only a real account', async () => {
    const a = await visitorPost(t, '/api/auth/sign-in-link', { email: 'volunteer4@demo.example' });
    const b = await visitorPost(t, '/api/auth/sign-in-link', { email: 'nobody-link@example.org' });
    expect(a.statusCode).toBe(202);
    expect(observable(a)).toEqual(observable(b));
    await mailTo(t, 'volunteer4@demo.example', /ログイン用のリンク/);
    expect(await allMailTo(t, 'nobody-link@example.org')).toEqual([]);
  });

  it('signIn: a wrong password and an unknown address get the same 401', async () => {
    const a = await visitorPost(t, '/api/auth/sign-in', { email: known, password: 'wrong password!' });
    const b = await visitorPost(t, '/api/auth/sign-in', { email: unknown, password: 'wrong password!' });
    expect(a.statusCode).toBe(401);
    expect(a.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(observable(a)).toEqual(observable(b));
  });

  it('signIn of an unknown address costs a password check too (decoy hash)', async () => {
    // not a timing measurement (too flaky for CI): both must take at least one argon2id verification
    const time = async (email: string) => {
      const started = performance.now();
      await visitorPost(t, '/api/auth/sign-in', { email, password: 'wrong password!' });
      return performance.now() - started;
    };
    await time(unknown); // warm-up
    const unknownMs = Math.min(await time(unknown), await time(unknown));
    const knownMs = Math.min(await time('volunteer5@demo.example'), await time('volunteer5@demo.example'));
    expect(unknownMs).toBeGreaterThan(knownMs / 3);
  });
});
