import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../src/harness/test-app.ts';

/**
 * The chain a sign-in through the web pages takes: a proxy in front (TRUST_PROXY_HOPS=1) names
 * the visitor in X-Forwarded-For; the page server (mounted in the same process) derives the
 * visitor's address from it and hands it to the API signed; the API's per-address limit then
 * counts each visitor, not the page server. No browser needed: the form is posted as one would.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ serveWeb: true, listen: true, env: { TRUST_PROXY_HOPS: '1' } });
}, 120_000);
afterAll(() => t?.close());

let n = 0;
async function signInOnPage(visitor: string) {
  n += 1;
  const res = await fetch(`${t.baseUrl}/signin?/password`, {
    method: 'POST',
    headers: {
      origin: t.baseUrl,
      accept: 'application/json',
      'x-sveltekit-action': 'true',
      'content-type': 'application/x-www-form-urlencoded',
      'x-forwarded-for': visitor,
    },
    body: new URLSearchParams({ email: `page-${n}@example.org`, password: 'not the password' }),
  });
  const result = (await res.json()) as { type: string; status?: number };
  expect(result.type).toBe('failure');
  return result.status;
}

describe('sign-in through the web pages is limited per visitor, not per page server', () => {
  it('one visitor using up the quota leaves the next visitor alone', async () => {
    const answers: (number | undefined)[] = [];
    for (let i = 0; i < 10; i++) answers.push(await signInOnPage('203.0.113.30'));
    expect(answers).toEqual(Array(10).fill(401));
    expect(await signInOnPage('203.0.113.30')).toBe(429);
    expect(await signInOnPage('203.0.113.31')).toBe(401);
  });
});
