import { schema } from '@board/db';
import { eq, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it, vi } from 'vitest';
import { counterKey, hitCounter } from '../../src/limits/counters.ts';
import { passwordAttemptsMail } from '../../src/mail/security-mails.ts';
import { passwordThrottle } from '../../src/modules/accounts/password-throttle.ts';
import { allMailTo, demoPassword, freshIp, signIn, tokenIn, useApiApp, visitorPost } from '../kit/index.ts';

const t = useApiApp();

function signInFrom(remoteAddress: string, email: string, password: string) {
  return t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password }, remoteAddress });
}

function expectWait(res: LightMyRequestResponse, min: number, max: number) {
  expect(res.statusCode).toBe(429);
  expect(res.json().error.code).toBe('RATE_LIMITED');
  const retryAfter = Number(res.headers['retry-after']);
  expect(retryAfter).toBeGreaterThan(min);
  expect(retryAfter).toBeLessThanOrEqual(max);
}

/** Moves a pair's last failure into the past, as if the person had waited. */
async function waitedFor(email: string, address: string, seconds: number) {
  await t.database.handle.db.execute(
    sql`update rate_limit_counters set last_hit_at = last_hit_at - make_interval(secs => ${seconds})
        where key = ${counterKey('password:pair', `${email}\n${address}`)}`,
  );
}

const free = passwordThrottle.freeFailuresPerPair;
const firstWait = passwordThrottle.firstWaitMs / 1000;

describe('wrong passwords slow down the one typing them, they do not lock the account', () => {
  it('strangers typing wrong passwords from other addresses cannot lock the owner out', async () => {
    const email = 'volunteer1@demo.example';
    for (let i = 0; i < 3 * free; i++) {
      expect((await signInFrom(i < free ? '192.0.2.200' : freshIp(), email, `wrong ${i}`)).statusCode).toBe(401);
    }
    expect((await signInFrom(freshIp(), 'Volunteer1@Demo.Example', demoPassword)).statusCode).toBe(200);
  });

  it('one address waits, longer after each further failure; the right password then clears it', async () => {
    const email = 'volunteer2@demo.example';
    const ip = '192.0.2.201';
    for (let i = 0; i < free; i++) expect((await signInFrom(ip, email, `wrong ${i}`)).statusCode).toBe(401);
    expectWait(await signInFrom(ip, email, demoPassword), 0, firstWait);

    await waitedFor(email, ip, firstWait + 1);
    expect((await signInFrom(ip, email, 'wrong again')).statusCode).toBe(401);
    expectWait(await signInFrom(ip, email, demoPassword), firstWait, 2 * firstWait);

    await waitedFor(email, ip, 2 * firstWait + 1);
    expect((await signInFrom(ip, email, demoPassword)).statusCode).toBe(200);
    expect((await signInFrom(ip, email, 'a typo')).statusCode).toBe(401);
  });

  it('an unknown address is throttled exactly like an account (no enumeration through the limit)', async () => {
    const answers: number[] = [];
    for (let i = 0; i <= free; i++) {
      answers.push((await signInFrom('192.0.2.202', 'ghost@example.org', 'whatever!')).statusCode);
    }
    expect(answers).toEqual([...Array(free).fill(401), 429]);
  });

  it('many addresses together meet a per-account ceiling; sign-in by emailed link still works', async () => {
    const email = 'volunteer3@demo.example';
    const ceiling = passwordThrottle.accountCeiling.max;
    await hitCounter(t.app.db, counterKey('password:account', email), { ms: 3_600_000 }, ceiling - 1);
    expect((await signInFrom(freshIp(), email, 'guess')).statusCode).toBe(401);
    expectWait(await signInFrom(freshIp(), email, demoPassword), 0, 3600);

    const asked = await visitorPost(t, '/api/auth/sign-in-link', { email });
    expect(asked.statusCode).toBe(202);
    const link = await vi.waitFor(() => {
      const found = t.mail.find((m) => m.to === email && m.text.includes('/signin/link?token='));
      if (!found) throw new Error('no sign-in link mailed yet');
      return found;
    });
    const consumed = await visitorPost(t, '/api/auth/sign-in-link/consume', { token: tokenIn(link.text) });
    expect(consumed.statusCode).toBe(200);
  });
});

describe('the owner hears of repeated wrong passwords', () => {
  it('one mail in their language, however many more failures follow', async () => {
    const email = 'volunteer4@demo.example';
    const [owner] = await t.database.handle.db
      .select({ language: schema.users.language, displayName: schema.users.displayName })
      .from(schema.users)
      .where(eq(schema.users.email, email));
    const subject = passwordAttemptsMail[owner!.language]({ displayName: '', signInUrl: '' }).subject;

    for (let i = 0; i < passwordThrottle.noticeAfterFailures - 1; i++) await signInFrom(freshIp(), email, `x${i}`);
    expect((await allMailTo(t, email)).filter((m) => m.subject.includes(subject))).toEqual([]);

    for (let i = 0; i < 6; i++) await signInFrom(freshIp(), email, `y${i}`);
    const notices = (await allMailTo(t, email)).filter((m) => m.subject.includes(subject));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toContain(owner!.displayName);
    expect(notices[0]!.text).toContain(`${t.config.publicOrigin}/signin`);
  });
});

describe('signed-in password checks go through the same throttle', () => {
  it('deleting the account and changing the password: wrong passwords slow down, nothing is deleted', async () => {
    const email = 'volunteer5@demo.example';
    const s = await signIn(t, email);
    const ip = '192.0.2.203';
    const auth = { authorization: `Bearer ${s.accessToken}` };
    for (let i = 0; i < free; i++) {
      const res = await t.app.inject({
        method: 'DELETE',
        url: '/api/me',
        headers: auth,
        payload: { password: `wrong ${i}` },
        remoteAddress: ip,
      });
      expect(res.json().error.code).toBe('PASSWORD_INCORRECT');
    }
    const deleting = await t.app.inject({
      method: 'DELETE',
      url: '/api/me',
      headers: auth,
      payload: { password: demoPassword },
      remoteAddress: ip,
    });
    expectWait(deleting, 0, firstWait);
    const changing = await t.app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: auth,
      payload: { currentPassword: demoPassword, newPassword: 'a new long password' },
      remoteAddress: ip,
    });
    expectWait(changing, 0, firstWait);
    const [row] = await t.database.handle.db
      .select({ deletedAt: schema.users.deletedAt })
      .from(schema.users)
      .where(eq(schema.users.email, email));
    expect(row!.deletedAt).toBeNull();
  });
});
