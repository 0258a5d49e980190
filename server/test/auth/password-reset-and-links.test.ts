import { schema } from '@board/db';
import { Session } from '@board/shared';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { formatWhen } from '../../src/mail/format.ts';
import { linkLifetimes } from '../../src/modules/auth/service.ts';
import { useApiApp } from '../kit/app.ts';
import { hourMs, withMachineClockOff } from '../kit/clock.ts';
import { answer, visitorPost } from '../kit/http.ts';
import { forgetMail, mailTo, tokenIn } from '../kit/mail.ts';
import { createPerson, demoPassword, refresh, signIn, signInAttempt } from '../kit/people.ts';
import { oneTimeTokensOf } from '../kit/rows.ts';
const t = useApiApp();

/** how long the stored link works: its expiry less its creation, both written by one INSERT */
const lifetimeOf = (stored: { expiresAt: Date; createdAt: Date }) =>
  stored.expiresAt.getTime() - stored.createdAt.getTime();

describe('password reset', () => {
  it('resets once with the mailed link, ends every session, and mails a notice', async () => {
    forgetMail(t);
    const email = 'volunteer1@demo.example';
    const before = await signIn(t, email);

    expect((await visitorPost(t, '/api/auth/password-reset', { email })).statusCode).toBe(202);
    const mail = await mailTo(t, email, /パスワードの再設定/);
    expect(mail.text).toContain(`${t.config.publicOrigin}/reset-password?token=`);
    expect(mail.text).toContain('このリンクは1時間、1回だけ使えます。');
    const token = tokenIn(mail.text);
    const [stored] = await oneTimeTokensOf(t, email, 'password_reset');
    expect(lifetimeOf(stored!)).toBe(hourMs);

    const res = await visitorPost(t, '/api/auth/password-reset/confirm', { token, password: 'a brand new password' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'password_reset' });
    expect(res.headers['set-cookie']).toBeUndefined();

    // single use
    const again = await visitorPost(t, '/api/auth/password-reset/confirm', { token, password: 'yet another password' });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('TOKEN_INVALID');

    // sessions from before are over
    expect((await refresh(t, before.cookie)).statusCode).toBe(401);
    // old password no more, new one works
    expect((await signInAttempt(t, email, demoPassword)).statusCode).toBe(401);
    expect((await signInAttempt(t, email, 'a brand new password')).statusCode).toBe(200);

    const notice = await mailTo(t, email, /パスワードが変更されました/);
    expect(notice.text).toContain('それまでのログインは終了しました');
    expect(notice.text).not.toContain('token=');
  });

  it('a link older than an hour does not work', async () => {
    const email = 'volunteer2@demo.example';
    forgetMail(t);
    await visitorPost(t, '/api/auth/password-reset', { email });
    const mail = await mailTo(t, email, /Reset your password/);
    expect(mail.text).toContain('The link works once, for 1 hour.');
    const [stored] = await oneTimeTokensOf(t, email, 'password_reset');
    await t.database.handle.db
      .update(schema.oneTimeTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(schema.oneTimeTokens.id, stored!.id));
    const res = await visitorPost(t, '/api/auth/password-reset/confirm', {
      token: tokenIn(mail.text),
      password: 'a brand new password',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('TOKEN_INVALID');
    expect((await signInAttempt(t, email, demoPassword)).statusCode).toBe(200);
  });

  it('asking again makes the earlier link stop working', async () => {
    const email = 'volunteer4@demo.example';
    forgetMail(t);
    await visitorPost(t, '/api/auth/password-reset', { email });
    const first = tokenIn((await mailTo(t, email)).text);
    forgetMail(t);
    await visitorPost(t, '/api/auth/password-reset', { email });
    const second = tokenIn((await mailTo(t, email)).text);
    expect(second).not.toBe(first);
    const stale = await visitorPost(t, '/api/auth/password-reset/confirm', {
      token: first,
      password: 'a brand new password',
    });
    expect(stale.statusCode).toBe(400);
    const fresh = await visitorPost(t, '/api/auth/password-reset/confirm', {
      token: second,
      password: 'a brand new password',
    });
    expect(fresh.statusCode).toBe(200);
  });

  it('a too-short new password is refused and the link stays usable', async () => {
    const email = 'officer.umeda@demo.example';
    forgetMail(t);
    await visitorPost(t, '/api/auth/password-reset', { email });
    const token = tokenIn((await mailTo(t, email)).text);
    const short = await visitorPost(t, '/api/auth/password-reset/confirm', { token, password: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields).toEqual([{ field: 'password', code: 'PASSWORD_TOO_SHORT' }]);
    expect(
      (await visitorPost(t, '/api/auth/password-reset/confirm', { token, password: 'long enough now' })).statusCode,
    ).toBe(200);
  });
});

describe('sign-in by emailed link', () => {
  it('mails a 15-minute link that signs in once, and verifies the address', async () => {
    // an unverified volunteer who lost their password
    await visitorPost(t, '/api/auth/sign-up', {
      email: 'forgetful@example.org',
      password: 'a long enough password',
      displayName: '忘れっぽい',
      language: 'ja-easy',
    });
    await mailTo(t, 'forgetful@example.org'); // the verification mail, left unopened
    forgetMail(t);
    expect((await visitorPost(t, '/api/auth/sign-in-link', { email: 'forgetful@example.org' })).statusCode).toBe(202);
    const mail = await mailTo(t, 'forgetful@example.org');
    expect(mail.subject).toContain('ログインの リンクです');
    expect(mail.text).toContain('この リンクは 15ふん だけ つかえます。');
    expect(mail.text).toContain(`${t.config.publicOrigin}/signin/link?token=`);
    const [stored] = await oneTimeTokensOf(t, 'forgetful@example.org', 'sign_in_link');
    expect(lifetimeOf(stored!)).toBe(15 * 60_000);

    const token = tokenIn(mail.text);
    const res = await visitorPost(t, '/api/auth/sign-in-link/consume', { token });
    const session = answer(res, 200, Session);
    expect(session.me).toMatchObject({ email: 'forgetful@example.org', emailVerified: true });
    expect(res.cookies.map((c) => c.name).sort()).toEqual(['board_access', 'board_refresh']);

    const again = await visitorPost(t, '/api/auth/sign-in-link/consume', { token });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('TOKEN_INVALID');
  });

  it('an expired link does not sign in; a reset token is no sign-in link', async () => {
    const email = 'officer.senju@demo.example';
    forgetMail(t);
    await visitorPost(t, '/api/auth/sign-in-link', { email });
    const token = tokenIn((await mailTo(t, email)).text);
    const [stored] = await oneTimeTokensOf(t, email, 'sign_in_link');
    await t.database.handle.db
      .update(schema.oneTimeTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(schema.oneTimeTokens.id, stored!.id));
    expect((await visitorPost(t, '/api/auth/sign-in-link/consume', { token })).statusCode).toBe(400);

    forgetMail(t);
    await visitorPost(t, '/api/auth/password-reset', { email });
    const resetToken = tokenIn((await mailTo(t, email)).text);
    expect((await visitorPost(t, '/api/auth/sign-in-link/consume', { token: resetToken })).statusCode).toBe(400);
    expect((await visitorPost(t, '/api/auth/verify-email', { token: resetToken })).statusCode).toBe(400);
  });

  it('staff signing in by link are audited with the method', async () => {
    const email = 'staff.shinjuku@demo.example';
    forgetMail(t);
    await visitorPost(t, '/api/auth/sign-in-link', { email });
    const res = await visitorPost(t, '/api/auth/sign-in-link/consume', {
      token: tokenIn((await mailTo(t, email)).text),
    });
    const userId = Session.parse(res.json()).me.id;
    const entries = await t.database.handle.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.actorId, userId), eq(schema.auditLog.action, 'staff.sign_in')));
    expect(entries).toEqual([expect.objectContaining({ municipalityCode: '13104', details: { method: 'link' } })]);
  });
});

describe('links keep the database’s time', () => {
  it('a link works for its lifetime from the database’s now(), though the machine’s clock is hours behind', async () => {
    const { email } = await createPerson(t, { password: 'clock-test-password' });
    await withMachineClockOff(-3 * hourMs, async () => {
      await visitorPost(t, '/api/auth/sign-in-link', { email });
      const signInToken = tokenIn((await mailTo(t, email, /ログイン/)).text);
      const [link] = await oneTimeTokensOf(t, email, 'sign_in_link');
      expect(lifetimeOf(link!)).toBe(linkLifetimes.sign_in_link);
      expect((await visitorPost(t, '/api/auth/sign-in-link/consume', { token: signInToken })).statusCode).toBe(200);

      await visitorPost(t, '/api/auth/password-reset', { email });
      const resetToken = tokenIn((await mailTo(t, email, /パスワードの再設定/)).text);
      const [reset] = await oneTimeTokensOf(t, email, 'password_reset');
      expect(lifetimeOf(reset!)).toBe(linkLifetimes.password_reset);
      const res = await visitorPost(t, '/api/auth/password-reset/confirm', {
        token: resetToken,
        password: 'a new password',
      });
      expect(res.statusCode).toBe(200);
    });
  });

  it('the notice of a reset tells its time by the database’s clock, though the machine’s is days ahead', async () => {
    const { email } = await createPerson(t, { password: 'clock-test-password' });
    await withMachineClockOff(72 * hourMs, async () => {
      await visitorPost(t, '/api/auth/password-reset', { email });
      const token = tokenIn((await mailTo(t, email, /パスワードの再設定/)).text);
      expect(
        (await visitorPost(t, '/api/auth/password-reset/confirm', { token, password: 'a new password' })).statusCode,
      ).toBe(200);
      // spent in the transaction that set the password
      const [spent] = await oneTimeTokensOf(t, email, 'password_reset');
      const notice = await mailTo(t, email, /パスワードが変更されました/);
      expect(notice.text).toContain(formatWhen(spent!.usedAt!, 'ja'));
    });
  });
});
