import { startTestApp, type TestApp } from '@board/tests/harness/test-app';
import { afterEach, describe, expect, it } from 'vitest';
import { freshIp, mailTo } from './helpers.ts';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const secret = 'a-production-secret-of-at-least-32-characters';

async function status(env: Record<string, string>) {
  t = await startTestApp({ demo: false, env });
  const res = await t.app.inject({ method: 'GET', url: '/api/dev/mail' });
  return res.statusCode;
}

describe('listCapturedMail', () => {
  it('shows captured mail, newest first, in tests', async () => {
    t = await startTestApp({ demo: true });
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { email: 'volunteer1@demo.example' },
      remoteAddress: freshIp(),
    });
    await mailTo(t, 'volunteer1@demo.example');
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in-link',
      payload: { email: 'volunteer2@demo.example' },
      remoteAddress: freshIp(),
    });
    await mailTo(t, 'volunteer2@demo.example');
    const res = await t.app.inject({ method: 'GET', url: '/api/dev/mail' });
    expect(res.statusCode).toBe(200);
    const { items } = res.json();
    expect(items.map((m: { to: string }) => m.to)).toEqual(['volunteer2@demo.example', 'volunteer1@demo.example']);
    expect(items[0]).toMatchObject({ id: expect.any(Number), at: expect.any(String), subject: expect.any(String) });
    expect(items[0].text).toContain('/signin/link?token=');
  });

  it('is listed in the OpenAPI document when shown', async () => {
    t = await startTestApp({ demo: false });
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
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
});
