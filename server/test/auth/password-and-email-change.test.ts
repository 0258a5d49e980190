import { jobSchema, schema } from '@board/db';
import { Session } from '@board/shared';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { formatWhen } from '../../src/mail/format.ts';
import { linkLifetimes } from '../../src/modules/auth/service.ts';
import { useApiApp } from '../kit/app.ts';
import { hourMs, withMachineClockOff } from '../kit/clock.ts';
import { answer, csrf, visitorPost } from '../kit/http.ts';
import { allMailTo, forgetMail, mailTo, tokenIn } from '../kit/mail.ts';
import {
  askEmailChange,
  createPerson,
  demoPassword,
  freshEmail,
  refresh,
  signIn,
  signInAttempt,
} from '../kit/people.ts';
import { oneTimeTokensOf } from '../kit/rows.ts';
const t = useApiApp();

describe('changePassword', () => {
  it('needs the current password, ends other sessions, renews this one, and mails a notice', async () => {
    const email = 'volunteer3@demo.example';
    const elsewhere = await signIn(t, email);
    const here = await signIn(t, email);
    forgetMail(t);

    const wrong = await visitorPost(
      t,
      '/api/me/password',
      { currentPassword: 'not my password', newPassword: 'my new long password' },
      { authorization: `Bearer ${here.accessToken}` },
    );
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('PASSWORD_INCORRECT');

    const res = await visitorPost(
      t,
      '/api/me/password',
      { currentPassword: demoPassword, newPassword: 'my new long password' },
      { cookie: here.cookie, ...csrf },
    );
    const renewed = answer(res, 200, Session);
    expect(renewed.me.email).toBe(email);
    const newRefresh = res.cookies.find((c) => c.name === 'board_refresh')!.value;

    expect((await refresh(t, elsewhere.cookie)).statusCode).toBe(401);
    expect((await refresh(t, here.cookie)).statusCode).toBe(401);
    expect((await refresh(t, `board_refresh=${newRefresh}`)).statusCode).toBe(200);

    expect((await signInAttempt(t, email, demoPassword)).statusCode).toBe(401);
    expect((await signInAttempt(t, email, 'my new long password')).statusCode).toBe(200);
    const notice = await mailTo(t, email);
    expect(notice.subject).toContain('パスワードが かわりました'); // volunteer3 reads やさしい日本語
  });

  it('needs a signed-in person', async () => {
    const res = await visitorPost(t, '/api/me/password', {
      currentPassword: demoPassword,
      newPassword: 'my new long password',
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });
});

describe('changeEmail', () => {
  it('mails a link to the new address; the link moves the account and tells the old address', async () => {
    const s = await signIn(t, 'officer.okubo@demo.example');
    const auth = { authorization: `Bearer ${s.accessToken}` };
    forgetMail(t);

    const wrong = await askEmailChange(t, s, 'okubo.new@example.org', 'nope nope');
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('PASSWORD_INCORRECT');

    const res = await askEmailChange(t, s, 'Okubo.New@example.org');
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ status: 'check_your_email' });
    const mail = await mailTo(t, 'okubo.new@example.org');
    expect(mail.subject).toContain('新しいメールアドレスの確認');
    expect(mail.text).toContain(`${t.config.publicOrigin}/verify-email?token=`);
    // nothing changes until the link is opened
    expect((await signInAttempt(t, 'officer.okubo@demo.example', demoPassword)).statusCode).toBe(200);

    // opened where they are signed in, so the password stays (see address-proof.test.ts)
    const verified = await visitorPost(t, '/api/auth/verify-email', { token: tokenIn(mail.text) }, auth);
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toEqual({ status: 'verified', email: 'okubo.new@example.org', hasPassword: true });

    expect((await signInAttempt(t, 'officer.okubo@demo.example', demoPassword)).statusCode).toBe(401);
    const after = await signInAttempt(t, 'okubo.new@example.org', demoPassword);
    expect(answer(after, 200, Session).me).toMatchObject({ email: 'okubo.new@example.org', emailVerified: true });

    const notice = await mailTo(t, 'officer.okubo@demo.example', /ログイン用のメールアドレスが変更されました/);
    expect(notice.text).toContain('o***@example.org');
  });

  it('to an address that has an account: the same 202, a note to that owner, no link anywhere', async () => {
    const s = await signIn(t, 'officer.yotsuya@demo.example');
    forgetMail(t);
    const res = await askEmailChange(t, s, 'volunteer2@demo.example');
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ status: 'check_your_email' });
    const note = await mailTo(t, 'volunteer2@demo.example');
    expect(note.subject).toContain('About a request to use your email address');
    expect(note.text).not.toContain('token=');
    expect(await oneTimeTokensOf(t, 'officer.yotsuya@demo.example', 'change_email')).toEqual([]);
  });

  it('409 EMAIL_TAKEN when an account proved the address between the request and the link', async () => {
    // (in the unsplit file the reset test before had changed this password; here it is the demo one)
    const s = await signIn(t, 'volunteer1@demo.example');
    forgetMail(t);
    await askEmailChange(t, s, 'contested@example.org');
    const token = tokenIn((await mailTo(t, 'contested@example.org')).text);
    await visitorPost(t, '/api/auth/sign-up', {
      email: 'contested@example.org',
      password: 'a long enough password',
      displayName: 'Quick',
      language: 'ja',
    });
    await t.database.handle.db
      .update(schema.users)
      .set({ emailVerifiedAt: new Date() })
      .where(eq(schema.users.email, 'contested@example.org'));
    const res = await visitorPost(t, '/api/auth/verify-email', { token }, { authorization: `Bearer ${s.accessToken}` });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('EMAIL_TAKEN');
    const [user] = await t.database.handle.db
      .select()
      .from(schema.users)
      .where(and(eq(schema.users.id, s.session.me.id), isNull(schema.users.deletedAt)));
    expect(user!.email).toBe('volunteer1@demo.example');
  });

  it('mail to the new address is not in anyone’s words but ours', async () => {
    const s = await signIn(t, 'volunteer2@demo.example');
    forgetMail(t);
    await askEmailChange(t, s, 'alex.new@example.org');
    const mail = await mailTo(t, 'alex.new@example.org');
    expect(mail.subject).toContain('Please confirm your new email address');
    expect(mail.text).not.toContain('Alex');
    expect(await allMailTo(t, 'volunteer2@demo.example')).toEqual([]);
  });
});

/**
 * When the mail job to `to` whose subject matches was made (the database's now() of the
 * transaction that queued it): a notice queued in its change's transaction has the change's time.
 */
async function mailQueuedAt(to: string, subject: RegExp): Promise<Date> {
  const rows = (await t.database.handle.db.execute(
    sql`select created_on, data->>'subject' as subject from ${sql.raw(jobSchema)}.job
        where name = 'mail' and data->>'to' = ${to}`,
  )) as unknown as { created_on: string | Date; subject: string }[];
  const job = rows.find((row) => subject.test(row.subject));
  expect(job, `a mail job to ${to} matching ${subject}`).toBeDefined();
  return new Date(job!.created_on);
}

describe('the notices tell the time of the change by the database’s clock, and go with it', () => {
  // three days off: the machine's date would show in the mail
  const drift = 72 * hourMs;

  it('password changed: the time the new password was set', async () => {
    const password = 'clock-test-password';
    const person = await createPerson(t, { password, language: 'en' });
    await withMachineClockOff(drift, async () => {
      const s = await signIn(t, person.email, password);
      const res = await visitorPost(
        t,
        '/api/me/password',
        { currentPassword: password, newPassword: 'another long password' },
        { cookie: s.cookie, ...csrf },
      );
      expect(res.statusCode).toBe(200);
      // the renewed session's token was written in the same transaction as the password
      const [renewed] = await t.database.handle.db
        .select()
        .from(schema.refreshTokens)
        .where(eq(schema.refreshTokens.userId, person.id))
        .orderBy(desc(schema.refreshTokens.createdAt))
        .limit(1);
      const notice = await mailTo(t, person.email, /password/i);
      expect(notice.text).toContain(formatWhen(renewed!.createdAt, 'en'));
      // queued in the change's own transaction: a crash after the commit cannot lose it
      expect(await mailQueuedAt(person.email, /password/i)).toEqual(renewed!.createdAt);
    });
  });

  it('email changed: the time the account moved; the link lived its 24 hours from the database’s now()', async () => {
    const password = 'clock-test-password';
    const person = await createPerson(t, { password });
    const newEmail = freshEmail('moved');
    await withMachineClockOff(drift, async () => {
      const s = await signIn(t, person.email, password);
      const auth = { authorization: `Bearer ${s.accessToken}` };
      expect((await askEmailChange(t, s, newEmail, password)).statusCode).toBe(202);
      const [link] = await oneTimeTokensOf(t, person.email, 'change_email');
      expect(link!.expiresAt.getTime() - link!.createdAt.getTime()).toBe(linkLifetimes.change_email);
      const token = tokenIn((await mailTo(t, newEmail)).text);
      expect((await visitorPost(t, '/api/auth/verify-email', { token }, auth)).statusCode).toBe(200);

      const [moved] = await t.database.handle.db.select().from(schema.users).where(eq(schema.users.id, person.id));
      const notice = await mailTo(t, person.email, /メールアドレスが変更されました/);
      expect(notice.text).toContain(formatWhen(moved!.emailVerifiedAt!, 'ja'));
      expect(await mailQueuedAt(person.email, /メールアドレスが変更されました/)).toEqual(moved!.emailVerifiedAt);
    });
  });
});
