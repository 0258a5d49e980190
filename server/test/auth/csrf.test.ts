import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, post, type SignedIn, signIn, useApiApp } from '../kit/index.ts';

function routes(app: FastifyInstance) {
  app.post('/api/__test/write', async (request) => ({ userId: request.requireActor().userId }));
}

const t = useApiApp({ routes });
let s: SignedIn;
beforeAll(async () => {
  s = await signIn(t, 'volunteer1@demo.example');
});

function write(headers: Record<string, string>) {
  return post(t, headers, '/api/__test/write');
}

describe('cookie-authenticated writes are protected against CSRF', () => {
  it('a foreign Origin is refused', async () => {
    const res = await write({ cookie: s.cookie, origin: 'https://evil.example' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_REJECTED');
  });

  it('no Origin and no x-board-csrf header is refused', async () => {
    const res = await write({ cookie: s.cookie });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_REJECTED');
  });

  it('our own origin, or the x-board-csrf header, is accepted', async () => {
    const own = await write({ cookie: s.cookie, origin: t.config.publicOrigin });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toEqual({ userId: s.session.me.id });
    const header = await write({ cookie: s.cookie, 'x-board-csrf': '1' });
    expect(header.statusCode).toBe(200);
  });

  it('Bearer clients need neither', async () => {
    const res = await write({ authorization: `Bearer ${s.accessToken}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ userId: s.session.me.id });
  });

  it('a refresh cookie alone counts as cookie authentication (refresh and sign-out are guarded)', async () => {
    const refresh = await post(t, { cookie: `board_refresh=${s.refreshToken}` }, '/api/auth/refresh');
    expect(refresh.statusCode).toBe(403);
    const signOut = await post(
      t,
      { cookie: `board_refresh=${s.refreshToken}`, origin: 'https://evil.example' },
      '/api/auth/sign-out',
    );
    expect(signOut.statusCode).toBe(403);
  });

  it('a cross-site form cannot change the password', async () => {
    const res = await post(t, { cookie: s.cookie, origin: 'https://evil.example' }, '/api/me/password', {
      currentPassword: demoPassword,
      newPassword: 'attacker password 1',
    });
    expect(res.statusCode).toBe(403);
  });
});
