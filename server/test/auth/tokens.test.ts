import { schema } from '@board/db';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { createHmac, generateKeyPairSync, sign } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { get, signIn, useApiApp } from '../kit/index.ts';

/** A route of this test file only, so access-token checks do not depend on other modules' routes. */
function whoami(app: FastifyInstance) {
  app.get('/api/__test/whoami', async (request) => ({ userId: request.requireActor().userId }));
}

const t = useApiApp({ routes: whoami });
let userId: string;
/** the live session of volunteer1's sign-in, which the crafted tokens name */
let sid: string;
beforeAll(async () => {
  const { accessToken, session } = await signIn(t, 'volunteer1@demo.example');
  userId = session.me.id;
  sid = payloadOf(accessToken).sid;
});

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const payloadOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());

function claims(overrides: Record<string, unknown> = {}) {
  const now = Math.floor(Date.now() / 1000);
  return { sub: userId, sid, iss: 'machi-udekiki', aud: 'machi-udekiki-api', iat: now, exp: now + 600, ...overrides };
}

function hs256(payload: unknown, secret: string | Buffer, header: Record<string, unknown> = { alg: 'HS256' }) {
  const data = `${b64({ typ: 'JWT', ...header })}.${b64(payload)}`;
  return `${data}.${createHmac('sha256', secret).update(data).digest('base64url')}`;
}

function whoamiWith(token: string) {
  return get(t, { authorization: `Bearer ${token}` }, '/api/__test/whoami');
}

async function expectRejected(token: string) {
  const res = await whoamiWith(token);
  expect(res.statusCode).toBe(401);
  expect(res.json().error.code).toBe('UNAUTHENTICATED');
}

describe('access tokens', () => {
  it('a well-formed token (crafted the same way as the attacks below) is accepted', async () => {
    const res = await whoamiWith(hs256(claims(), t.config.jwtSecret));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ userId });
  });

  it('the server issues HS256 tokens with issuer, audience and at most 15 minutes of life', async () => {
    const { accessToken } = await signIn(t, 'volunteer1@demo.example');
    const [header, payload] = accessToken
      .split('.')
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
    expect(header.alg).toBe('HS256');
    expect(payload).toMatchObject({
      sub: userId,
      sid: expect.any(String),
      iss: 'machi-udekiki',
      aud: 'machi-udekiki-api',
    });
    expect(payload.exp - payload.iat).toBeLessThanOrEqual(15 * 60);
  });

  it('rejects an expired token', async () => {
    const now = Math.floor(Date.now() / 1000);
    await expectRejected(hs256(claims({ iat: now - 3600, exp: now - 60 }), t.config.jwtSecret));
    await expectRejected(t.app.jwt.sign({ sub: userId, sid }, { expiresIn: -60 }));
  });

  it('rejects a tampered payload and a tampered signature', async () => {
    const good = hs256(claims(), t.config.jwtSecret);
    const [header, , signature] = good.split('.');
    await expectRejected(`${header}.${b64(claims({ sub: '00000000-0000-0000-0000-000000000000' }))}.${signature}`);
    const flipped = signature!.startsWith('A') ? `B${signature!.slice(1)}` : `A${signature!.slice(1)}`;
    await expectRejected(`${header}.${b64(claims())}.${flipped}`);
  });

  it('rejects alg "none"', async () => {
    await expectRejected(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`);
    await expectRejected(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}`);
  });

  it('rejects HS256 signed with another secret', async () => {
    await expectRejected(hs256(claims(), 'another secret that is at least 32 chars long'));
  });

  it('rejects RS256, and HS256 signed with the public key as the secret', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const data = `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64(claims())}`;
    await expectRejected(`${data}.${sign('sha256', Buffer.from(data), privateKey).toString('base64url')}`);
    const pem = publicKey.export({ type: 'spki', format: 'pem' });
    await expectRejected(hs256(claims(), pem));
  });

  it('rejects a wrong audience and a wrong issuer', async () => {
    await expectRejected(hs256(claims({ aud: 'some-other-api' }), t.config.jwtSecret));
    await expectRejected(hs256(claims({ iss: 'someone-else' }), t.config.jwtSecret));
  });

  it("rejects a token without a session, or naming an unknown one or another person's", async () => {
    const { sid: _, ...withoutSession } = claims();
    await expectRejected(hs256(withoutSession, t.config.jwtSecret));
    await expectRejected(hs256(claims({ sid: crypto.randomUUID() }), t.config.jwtSecret));
    const other = payloadOf((await signIn(t, 'volunteer2@demo.example')).accessToken);
    await expectRejected(hs256(claims({ sid: other.sid }), t.config.jwtSecret));
  });

  it('rejects a token of a deleted account', async () => {
    const { accessToken, session } = await signIn(t, 'volunteer3@demo.example');
    await t.database.handle.db
      .update(schema.users)
      .set({ deletedAt: new Date() })
      .where(eq(schema.users.id, session.me.id));
    const res = await whoamiWith(accessToken);
    expect(res.statusCode).toBe(401);
  });

  it('a malformed Authorization header is a 401', async () => {
    const res = await get(t, { authorization: 'Basic dXNlcjpwYXNz' }, '/api/__test/whoami');
    expect(res.statusCode).toBe(401);
  });

  it('a stale access cookie just means signed out', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/__test/whoami',
      cookies: { board_access: hs256(claims(), 'another secret that is at least 32 chars long') },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });
});
