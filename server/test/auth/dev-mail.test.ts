import { startTestApp, type TestApp } from '@board/tests/harness/test-app';
import { afterEach, describe, expect, it } from 'vitest';
import { as, demoEmails, get, mailTo, visitorPost } from '../kit/index.ts';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const secret = 'a-production-secret-of-at-least-32-characters';

async function status(env: Record<string, string>) {
  t = await startTestApp({ mail: 'memory', demo: false, env });
  const res = await get(t, {}, '/api/dev/mail');
  return res.statusCode;
}

describe('listCapturedMail', () => {
  it('shows captured mail, newest first, in tests', async () => {
    t = await startTestApp({ mail: 'memory', demo: true });
    await visitorPost(t, '/api/auth/password-reset', { email: 'volunteer1@demo.example' });
    await mailTo(t, 'volunteer1@demo.example');
    await visitorPost(t, '/api/auth/sign-in-link', { email: 'volunteer2@demo.example' });
    await mailTo(t, 'volunteer2@demo.example');
    const res = await get(t, {}, '/api/dev/mail');
    expect(res.statusCode).toBe(200);
    const { items } = res.json();
    expect(items.map((m: { to: string }) => m.to)).toEqual(['volunteer2@demo.example', 'volunteer1@demo.example']);
    expect(items[0]).toMatchObject({ id: expect.any(Number), at: expect.any(String), subject: expect.any(String) });
    expect(items[0].text).toContain('/signin/link?token=');
  });

  it('is listed in the OpenAPI document when shown', async () => {
    t = await startTestApp({ mail: 'memory', demo: false });
    const doc = (await get(t, {}, '/api/openapi.json')).json();
    expect(doc.paths['/api/dev/mail'].get.operationId).toBe('listCapturedMail');
  });

  it('is shown in development only with demo data', async () => {
    expect(await status({ NODE_ENV: 'development', DEMO_DATA: '1' })).toBe(200);
  });

  it('is 404 in development without demo data', async () => {
    expect(await status({ NODE_ENV: 'development', DEMO_DATA: '0' })).toBe(404);
  });

  it('is 404 when SMTP is configured', async () => {
    expect(await status({ SMTP_URL: 'smtp://127.0.0.1:2525' })).toBe(404);
    await t!.close();
    expect(await status({ NODE_ENV: 'development', DEMO_DATA: '1', SMTP_URL: 'smtp://127.0.0.1:2525' })).toBe(404);
  });

  it('is 404 in production, even with demo data', async () => {
    expect(await status({ NODE_ENV: 'production', JWT_SECRET: secret, DEMO_DATA: '1' })).toBe(404);
    const doc = (await t!.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.paths['/api/dev/mail']).toBeUndefined();
  });

  describe('who may read it', () => {
    async function statusOver(baseUrl: string, headers: Record<string, string> = {}) {
      const res = await fetch(`${baseUrl}/api/dev/mail`, { headers });
      return res.status;
    }

    it('a loopback-only listener without proxies serves anyone on this machine (the e2e tests read mail so)', async () => {
      t = await startTestApp({ mail: 'memory', demo: true, listen: true });
      expect(await statusOver(t.baseUrl)).toBe(200);
    });

    it('a listener on every interface refuses anonymous callers and volunteers; foundation staff still read it', async () => {
      t = await startTestApp({ mail: 'memory', demo: true });
      await t.app.listen({ host: '0.0.0.0', port: 0 });
      const address = t.app.server.address();
      const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      expect(await statusOver(baseUrl)).toBe(404);
      expect(await statusOver(baseUrl, await as(t, demoEmails.volunteer1))).toBe(404);
      expect(await statusOver(baseUrl, await as(t, demoEmails.staffAdachi))).toBe(404);
      const staff = await fetch(`${baseUrl}/api/dev/mail`, { headers: await as(t, demoEmails.foundation) });
      expect(staff.status).toBe(200);
      expect(staff.headers.get('cache-control')).toBe('no-store');
    });

    it('behind a proxy (TRUST_PROXY_HOPS=1) a loopback listener refuses anonymous callers too', async () => {
      t = await startTestApp({ mail: 'memory', demo: true, listen: true, env: { TRUST_PROXY_HOPS: '1' } });
      expect(await statusOver(t.baseUrl)).toBe(404);
      expect(await statusOver(t.baseUrl, await as(t, demoEmails.foundation))).toBe(200);
    });
  });
});
