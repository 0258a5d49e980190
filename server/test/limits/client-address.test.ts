import { describe, expect, it } from 'vitest';
import { signClientAddress } from '../../src/plugins/app/client-address.ts';
import { rateLimits } from '../../src/modules/auth/rate-limits.ts';
import { signIn, useApiApp, type TestApp } from '../kit/index.ts';

const { max } = rateLimits.signInPerIp;

const direct = useApiApp();
const proxied = useApiApp({ env: { TRUST_PROXY_HOPS: '1' } });

let n = 0;
/** One failed sign-in (a fresh unknown email each time, so only per-address limits apply). */
function attempt(t: TestApp, headers: Record<string, string>, remoteAddress = '127.0.0.1') {
  n += 1;
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email: `address-${n}@example.org`, password: 'not the password' },
    headers,
    remoteAddress,
  });
}

async function useUp(t: TestApp, headers: () => Record<string, string>, remoteAddress?: string) {
  for (let i = 0; i < max; i++) expect((await attempt(t, headers(), remoteAddress)).statusCode).toBe(401);
}

function signed(t: TestApp, address: string) {
  return {
    'x-board-client-address': address,
    'x-board-client-signature': signClientAddress(t.config.pageServerSecret, address),
  };
}

describe('which client address the limits count', () => {
  it('a forged X-Forwarded-For from loopback does not change the counted address', async () => {
    let k = 0;
    await useUp(direct, () => ({ 'x-forwarded-for': `203.0.113.${++k}` }), '127.0.0.2');
    expect((await attempt(direct, { 'x-forwarded-for': '198.51.100.200' }, '127.0.0.2')).statusCode).toBe(429);
  });

  it("the page server's signed address is believed: each visitor has their own quota", async () => {
    await useUp(direct, () => signed(direct, '203.0.113.10'));
    expect((await attempt(direct, signed(direct, '203.0.113.10'))).statusCode).toBe(429);
    expect((await attempt(direct, signed(direct, '203.0.113.11'))).statusCode).toBe(401);
  });

  it("a visitor's own copy of that header (no or a wrong signature) is ignored", async () => {
    const peer = '127.0.0.3';
    let k = 0;
    await useUp(
      direct,
      () => ({
        'x-board-client-address': `203.0.113.${100 + ++k}`,
        'x-board-client-signature':
          k % 2 ? 'f'.repeat(64) : signClientAddress('a guessed secret', `203.0.113.${100 + k}`),
      }),
      peer,
    );
    expect((await attempt(direct, { 'x-board-client-address': '203.0.113.250' }, peer)).statusCode).toBe(429);
  });

  it('behind a configured proxy hop, its X-Forwarded-For is believed', async () => {
    const proxy = '10.0.0.5';
    await useUp(proxied, () => ({ 'x-forwarded-for': '203.0.113.20' }), proxy);
    expect((await attempt(proxied, { 'x-forwarded-for': '203.0.113.20' }, proxy)).statusCode).toBe(429);
    expect((await attempt(proxied, { 'x-forwarded-for': '203.0.113.21' }, proxy)).statusCode).toBe(401);
  });
});

describe('the CSRF origin check believes forwarded headers only from proxies', () => {
  it('X-Forwarded-Host from a loopback peer does not make a foreign Origin "our own"', async () => {
    const s = await signIn(direct, 'volunteer1@demo.example');
    const res = await direct.app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: {
        cookie: s.cookie,
        origin: 'http://evil.example',
        'x-forwarded-host': 'evil.example',
        'x-forwarded-proto': 'http',
      },
      payload: { currentPassword: 'udekiki-demo-2026', newPassword: 'attacker password 1' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_REJECTED');
  });
});
