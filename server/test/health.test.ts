import { describe, expect, it } from 'vitest';
import { get, startTestApp, useApiApp } from './kit/index.ts';

const t = useApiApp({ demo: false });

describe('health and readiness', () => {
  it('reports the process up', async () => {
    const res = await get(t, {}, '/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reports ready when PostgreSQL answers', async () => {
    const res = await get(t, {}, '/api/ready');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready', database: 'postgres' });
  });

  it('sets security headers', async () => {
    const res = await get(t, {}, '/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});

describe('readiness without a database', () => {
  it('answers 503 once the database is gone', async () => {
    const broken = await startTestApp({ demo: false });
    // the app serves on its own login (board_app): that is the connection that goes
    await broken.appDatabase.close();
    await broken.database.handle.close();
    const res = await broken.app.inject({ method: 'GET', url: '/api/ready' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: 'unavailable', database: 'postgres' });
    await broken.app.close();
    await broken.database.drop().catch(() => {});
  });
});
