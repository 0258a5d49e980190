import { schema } from '@board/db';
import { Session } from '@board/shared';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  allMailTo,
  answer,
  mailTo,
  post,
  rowCounts,
  signInAttempt,
  tokenIn,
  useApiApp,
  visitorPost,
} from '../kit/index.ts';

const t = useApiApp();

const password = 'a long enough password';

function signUp(body: Record<string, unknown>) {
  return visitorPost(t, '/api/auth/sign-up', body);
}

async function userByEmail(email: string) {
  const [row] = await t.database.handle.db.select().from(schema.users).where(eq(schema.users.email, email));
  return row;
}

describe('signUp → verifyEmail → signIn', () => {
  it('makes an unverified volunteer, mails a link in their language, and the link verifies', async () => {
    const email = 'New.Person@Example.org';
    const res = await signUp({ email, password, displayName: 'Pat Lee', language: 'en' });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ status: 'check_your_email' });
    expect(res.headers['set-cookie']).toBeUndefined();

    // stored lower-cased, not verified, volunteer role, argon2id hash
    const user = await userByEmail('new.person@example.org');
    expect(user).toMatchObject({ displayName: 'Pat Lee', language: 'en', emailVerifiedAt: null });
    expect(user!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const roles = await t.database.handle.db
      .select()
      .from(schema.roleAssignments)
      .where(eq(schema.roleAssignments.userId, user!.id));
    expect(roles.map((r) => r.role)).toEqual(['volunteer']);

    const mail = await mailTo(t, 'new.person@example.org');
    expect(mail.subject).toContain('Please confirm your email address');
    expect(mail.text).toContain('The link works for 24 hours.');
    expect(mail.text).toContain(`${t.config.publicOrigin}/verify-email?token=`);
    expect(mail.text).not.toMatch(/[ぁ-ん]{3}/); // no Japanese body text in the English mail (the subject tag aside)

    // the link lives 24 hours; only its hash is stored
    const token = tokenIn(mail.text);
    const [stored] = await t.database.handle.db
      .select()
      .from(schema.oneTimeTokens)
      .where(eq(schema.oneTimeTokens.userId, user!.id));
    expect(stored!.purpose).toBe('verify_email');
    expect(stored!.tokenHash).not.toContain(token);
    // both stamps are the database's now() of one INSERT: exactly 24 hours apart
    expect(stored!.expiresAt.getTime() - stored!.createdAt.getTime()).toBe(24 * 3600_000);

    // unverified people may sign in and browse; me.emailVerified tells the web
    const before = await signInAttempt(t, 'new.person@example.org', password);
    expect(answer(before, 200, Session).me).toMatchObject({ emailVerified: false, language: 'en' });

    // the password chosen at sign-up, given with the link, survives the proof (see address-proof.test.ts)
    const verified = await post(t, {}, '/api/auth/verify-email', { token, password });
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toEqual({ status: 'verified', email: 'new.person@example.org', hasPassword: true });

    const after = await signInAttempt(t, 'NEW.PERSON@example.org ', password);
    const session = answer(after, 200, Session);
    expect(session.me).toMatchObject({
      email: 'new.person@example.org',
      emailVerified: true,
      displayName: 'Pat Lee',
      roles: [{ role: 'volunteer', municipalityCode: null, associationId: null }],
      volunteerProfile: null,
    });
    expect(session.expiresIn).toBeLessThanOrEqual(15 * 60);

    // single use
    const again = await post(t, {}, '/api/auth/verify-email', { token });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('TOKEN_INVALID');
  });

  it('writes the mail in Japanese and in やさしい日本語', async () => {
    await signUp({ email: 'ja@example.org', password, displayName: '佐藤 一郎', language: 'ja' });
    await signUp({ email: 'easy@example.org', password, displayName: 'Minh', language: 'ja-easy' });
    const ja = await mailTo(t, 'ja@example.org');
    expect(ja.subject).toBe('【まちの腕きき掲示板】メールアドレスの確認をお願いします');
    expect(ja.text).toContain('このリンクは24時間使えます。');
    const easy = await mailTo(t, 'easy@example.org');
    expect(easy.subject).toContain('メールアドレスを たしかめて ください');
    expect(easy.text).toContain('この リンクは 24じかん つかえます。');
  });

  it('keeps the self-chosen display name out of the mail to an unproven address', async () => {
    await signUp({ email: 'victim@example.org', password, displayName: 'WIN http://evil.example', language: 'ja' });
    const mail = await mailTo(t, 'victim@example.org');
    expect(mail.text).not.toContain('evil.example');
  });

  it('an existing address gets a "someone tried" mail and nothing changes', async () => {
    const before = await userByEmail('volunteer2@demo.example');
    const res = await signUp({
      email: 'volunteer2@demo.example',
      password: 'attacker chosen password',
      displayName: 'Mallory',
      language: 'ja',
    });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ status: 'check_your_email' });
    expect(await userByEmail('volunteer2@demo.example')).toEqual(before);
    // in the owner's language (volunteer2 prefers English), with their own name
    const mail = await mailTo(t, 'volunteer2@demo.example');
    expect(mail.subject).toContain('Someone tried to sign up with your email address');
    expect(mail.text).toContain('Hello Alex Morgan,');
    expect(mail.text).toContain(`${t.config.publicOrigin}/signin`);
    expect(mail.text).not.toContain('token=');
  });

  it('a double submit makes one account', async () => {
    const body = { email: 'twice@example.org', password, displayName: 'Twice', language: 'ja' };
    const [a, b] = await Promise.all([signUp(body), signUp(body)]);
    expect([a.statusCode, b.statusCode]).toEqual([202, 202]);
    const rows = await t.database.handle.db
      .select()
      .from(schema.users)
      .where(eq(schema.users.email, 'twice@example.org'));
    expect(rows).toHaveLength(1);
    const mails = await allMailTo(t, 'twice@example.org');
    expect(mails).toHaveLength(2);
    expect(mails.filter((m) => m.text.includes('/verify-email?token='))).toHaveLength(1);
  });

  it('bad input is a 400 naming each field, and writes nothing', async () => {
    const before = await rowCounts(t, { mail: true });
    const res = await signUp({ email: 'not-an-email', password: 'short', displayName: '  ', language: 'fr' });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields).toEqual(
      expect.arrayContaining([
        { field: 'email', code: 'EMAIL_INVALID' },
        { field: 'password', code: 'PASSWORD_TOO_SHORT' },
        { field: 'displayName', code: 'DISPLAY_NAME_REQUIRED' },
        { field: 'language', code: 'invalid_value' },
      ]),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await rowCounts(t, { mail: true })).toEqual(before);
  });

  it('verifyEmail refuses unknown, malformed and expired tokens', async () => {
    const unknown = await post(t, {}, '/api/auth/verify-email', { token: 'x'.repeat(43) });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('TOKEN_INVALID');

    const malformed = await post(t, {}, '/api/auth/verify-email', { token: 'x' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('VALIDATION_FAILED');

    await signUp({ email: 'late@example.org', password, displayName: 'Late', language: 'ja' });
    const token = tokenIn((await mailTo(t, 'late@example.org')).text);
    const user = await userByEmail('late@example.org');
    await t.database.handle.db
      .update(schema.oneTimeTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(schema.oneTimeTokens.userId, user!.id));
    const expired = await post(t, {}, '/api/auth/verify-email', { token });
    expect(expired.statusCode).toBe(400);
    expect(expired.json().error.code).toBe('TOKEN_INVALID');
    expect((await userByEmail('late@example.org'))!.emailVerifiedAt).toBeNull();
  });
});
