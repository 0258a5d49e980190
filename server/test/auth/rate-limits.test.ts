import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { demoPassword, freshIp, useApiApp } from '../kit/index.ts';

const t = useApiApp();

function post(url: string, payload: Record<string, unknown>, remoteAddress = freshIp()) {
  return t.app.inject({ method: 'POST', url, payload, remoteAddress });
}

function expectLimited(res: LightMyRequestResponse, maxSeconds: number) {
  expect(res.statusCode).toBe(429);
  expect(res.json().error).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/try again/) });
  const retryAfter = Number(res.headers['retry-after']);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(maxSeconds);
}

// wrong-password throttling (per account and address): server/test/limits/password-throttle.test.ts
describe('sign-in limits', () => {
  it('per account: successes do not count', async () => {
    for (let i = 0; i < 7; i++) {
      const res = await post('/api/auth/sign-in', { email: 'volunteer3@demo.example', password: demoPassword });
      expect(res.statusCode).toBe(200);
    }
  });

  it('per IP: 10 attempts a minute', async () => {
    const ip = '192.0.2.10';
    for (let i = 0; i < 10; i++) {
      const res = await post('/api/auth/sign-in', { email: `person${i}@example.org`, password: 'whatever!' }, ip);
      expect(res.statusCode).toBe(401);
    }
    expectLimited(
      await post('/api/auth/sign-in', { email: 'volunteer4@demo.example', password: demoPassword }, ip),
      60,
    );
    // another address is fine
    const elsewhere = await post('/api/auth/sign-in', { email: 'volunteer4@demo.example', password: demoPassword });
    expect(elsewhere.statusCode).toBe(200);
  });
});

describe('reset and sign-in-link request limits', () => {
  it('per account: 5 reset requests an hour', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await post('/api/auth/password-reset', { email: 'volunteer5@demo.example' })).statusCode).toBe(202);
    }
    expectLimited(await post('/api/auth/password-reset', { email: 'volunteer5@demo.example' }), 3600);
    // sign-in links count separately
    expect((await post('/api/auth/sign-in-link', { email: 'volunteer5@demo.example' })).statusCode).toBe(202);
  });

  it('per account: 5 sign-in-link requests an hour, unknown addresses alike', async () => {
    for (const email of ['officer.senju@demo.example', 'nobody.at.all@example.org']) {
      const answers: number[] = [];
      for (let i = 0; i < 6; i++) answers.push((await post('/api/auth/sign-in-link', { email })).statusCode);
      expect(answers).toEqual([202, 202, 202, 202, 202, 429]);
    }
  });

  it('per IP: 20 requests an hour for each kind', async () => {
    const ip = '198.51.100.7';
    for (let i = 0; i < 20; i++) {
      expect((await post('/api/auth/password-reset', { email: `someone${i}@example.org` }, ip)).statusCode).toBe(202);
    }
    expectLimited(await post('/api/auth/password-reset', { email: 'fresh@example.org' }, ip), 3600);
    // resets and sign-in links count separately, as per account
    expect((await post('/api/auth/sign-in-link', { email: 'fresh@example.org' }, ip)).statusCode).toBe(202);
  });
});

describe('sign-up limits', () => {
  it('per address: 5 sign-ups naming one email an hour (each one mails its owner)', async () => {
    const body = { email: 'volunteer2@demo.example', password: 'a long password', displayName: 'X', language: 'en' };
    for (let i = 0; i < 5; i++) expect((await post('/api/auth/sign-up', body)).statusCode).toBe(202);
    expectLimited(await post('/api/auth/sign-up', body), 3600);
  });
});
