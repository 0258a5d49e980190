import { schema } from '@board/db';
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { useApiApp } from '../kit/app.ts';
import { csrf, get, post, visitorPost, whoamiRoute } from '../kit/http.ts';
import { createInvitation } from '../kit/invitations.ts';
import { tokenIn } from '../kit/mail.ts';
import { askEmailChange, createPerson, freshEmail, sessionOf, type SignedIn, signIn } from '../kit/people.ts';

/**
 * Someone signs up with another person's address and never proves it. The first proof of the
 * address by its owner (a sign-in link, an invitation, the verification link, an email change)
 * ends every session of that account and drops the password set before, unless the one proving
 * it shows in the same step that they know it (typed on the verification page, or signed in).
 */

const t = useApiApp({ routes: whoamiRoute });

const strangerPassword = 'the stranger chose this';

const signInWith = (email: string, password: string) => visitorPost(t, '/api/auth/sign-in', { email, password });
const bearer = (s: SignedIn) => ({ authorization: `Bearer ${s.accessToken}` });
const works = async (s: SignedIn) => (await get(t, bearer(s), '/api/__test/whoami')).statusCode === 200;
const refreshes = async (s: SignedIn) =>
  (await post(t, { cookie: s.cookie, ...csrf }, '/api/auth/refresh')).statusCode === 200;

/** Makes a request that mails `to` a link to `path`; the token of that new mail. */
async function mailedToken(to: string, path: string, request: () => Promise<unknown>): Promise<string> {
  const before = new Set(t.mail);
  await request();
  return vi.waitFor(
    () => {
      const mail = t.mail.find((m) => !before.has(m) && m.to === to && m.text.includes(`${path}?token=`));
      if (!mail) throw new Error(`no new mail to ${to} with ${path} yet`);
      return tokenIn(mail.text);
    },
    { timeout: 5_000, interval: 10 },
  );
}

const signInLink = (email: string) =>
  mailedToken(email, '/signin/link', async () => {
    expect((await visitorPost(t, '/api/auth/sign-in-link', { email })).statusCode).toBe(202);
  });

/** A stranger signs up with `email` (not theirs), never verifies, and signs in. */
async function preRegistered(email = freshEmail('owner')) {
  const verifyToken = await mailedToken(email, '/verify-email', async () => {
    const res = await visitorPost(t, '/api/auth/sign-up', {
      email,
      password: strangerPassword,
      displayName: 'Stranger',
      language: 'en',
    });
    expect(res.statusCode).toBe(202);
  });
  return { email, stranger: await signIn(t, email, strangerPassword), verifyToken };
}

/** the stranger holds nothing any more: no password, no session, no renewal */
async function expectLockedOut(email: string, stranger: SignedIn) {
  expect((await signInWith(email, strangerPassword)).statusCode).toBe(401);
  expect(await works(stranger)).toBe(false);
  expect(await refreshes(stranger)).toBe(false);
}

async function accountOf(email: string) {
  const [row] = await t.database.handle.db.select().from(schema.users).where(eq(schema.users.email, email));
  return row;
}

describe('the owner proves a pre-registered address', () => {
  it('by a sign-in link: the stranger is locked out, the owner is in and sets a password by reset', async () => {
    const { email, stranger } = await preRegistered();
    const res = await visitorPost(t, '/api/auth/sign-in-link/consume', { token: await signInLink(email) });
    expect(res.statusCode).toBe(200);
    const owner = sessionOf(res);
    expect(owner.session.me.emailVerified).toBe(true);

    await expectLockedOut(email, stranger);
    expect(await works(owner)).toBe(true);
    expect((await accountOf(email))!.passwordHash).toBeNull();

    // a later proof of the now-proven address ends nothing
    const again = await visitorPost(t, '/api/auth/sign-in-link/consume', { token: await signInLink(email) });
    expect(again.statusCode).toBe(200);
    expect(await works(owner)).toBe(true);
  });

  it('by the verification link alone: the stranger is locked out, and the answer says to set a password', async () => {
    const { email, stranger, verifyToken } = await preRegistered();
    const res = await visitorPost(t, '/api/auth/verify-email', { token: verifyToken });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'verified', email, hasPassword: false });
    await expectLockedOut(email, stranger);

    // the owner sets their own by the reset link
    const resetToken = await mailedToken(email, '/reset-password', () =>
      visitorPost(t, '/api/auth/password-reset', { email }),
    );
    const reset = await visitorPost(t, '/api/auth/password-reset/confirm', {
      token: resetToken,
      password: 'the owner chose this one',
    });
    expect(reset.statusCode).toBe(200);
    expect((await signInWith(email, 'the owner chose this one')).statusCode).toBe(200);
  });

  it('by the verification link with the password chosen at sign-up: it stays, earlier sessions end', async () => {
    const { email, stranger: earlier, verifyToken } = await preRegistered();
    const wrong = await visitorPost(t, '/api/auth/verify-email', { token: verifyToken, password: 'not the one' });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('PASSWORD_INCORRECT');
    expect((await accountOf(email))!.emailVerifiedAt).toBeNull(); // nothing spent, nothing changed
    expect(await works(earlier)).toBe(true);

    const res = await visitorPost(t, '/api/auth/verify-email', { token: verifyToken, password: strangerPassword });
    expect(res.json()).toEqual({ status: 'verified', email, hasPassword: true });
    expect(await works(earlier)).toBe(false);
    expect((await signInWith(email, strangerPassword)).statusCode).toBe(200);
  });

  it('by the verification link opened where they are signed in: password and that session stay, others end', async () => {
    const { email, stranger: elsewhere, verifyToken } = await preRegistered();
    const here = await signIn(t, email, strangerPassword);
    const res = await visitorPost(t, '/api/auth/verify-email', { token: verifyToken }, bearer(here));
    expect(res.json()).toEqual({ status: 'verified', email, hasPassword: true });
    expect(await works(here)).toBe(true);
    expect(await refreshes(here)).toBe(true);
    expect(await works(elsewhere)).toBe(false);
  });

  it('through an invitation: the stranger does not become municipal staff', async () => {
    const { email, stranger } = await preRegistered();
    const invitation = await createInvitation(t, { role: 'municipal_staff', municipalityCode: '13121', email });
    // not signed in: the owner is asked to sign in, and does so by link (the first proof)
    const refused = await visitorPost(t, '/api/invitations/accept', { token: invitation.token });
    expect(refused.json().error.code).toBe('INVITATION_SIGN_IN_REQUIRED');
    const owner = sessionOf(await visitorPost(t, '/api/auth/sign-in-link/consume', { token: await signInLink(email) }));
    const accepted = await visitorPost(t, '/api/invitations/accept', { token: invitation.token }, bearer(owner));
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().me.roles.map((g: { role: string }) => g.role)).toContain('municipal_staff');

    await expectLockedOut(email, stranger);
    expect(await works(owner)).toBe(true);
  });

  it('through an invitation accepted while signed in: the other sessions end, this one and the password stay', async () => {
    const { email, stranger: elsewhere } = await preRegistered();
    const here = await signIn(t, email, strangerPassword);
    const invitation = await createInvitation(t, { role: 'municipal_staff', municipalityCode: '13121', email });
    const accepted = await visitorPost(t, '/api/invitations/accept', { token: invitation.token }, bearer(here));
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().me.emailVerified).toBe(true);
    expect(await works(here)).toBe(true);
    expect(await works(elsewhere)).toBe(false);
    expect(await refreshes(elsewhere)).toBe(false);
    expect((await signInWith(email, strangerPassword)).statusCode).toBe(200);
  });
});

describe('an email change proves the new address', () => {
  it('an account that signed up with it but never proved it lets it go: no password, no session', async () => {
    const { email: contested, stranger } = await preRegistered();
    const ownerPassword = 'the owner password 2026';
    const person = await createPerson(t, { password: ownerPassword });
    const owner = await signIn(t, person.email, ownerPassword);
    // the change link, not a "this address has an account" note
    const token = await mailedToken(contested, '/verify-email', async () => {
      const asked = await askEmailChange(t, owner, contested, ownerPassword);
      expect(asked.statusCode).toBe(202);
    });
    const res = await visitorPost(t, '/api/auth/verify-email', { token }, bearer(owner));
    expect(res.json()).toEqual({ status: 'verified', email: contested, hasPassword: true });

    await expectLockedOut(contested, stranger);
    expect((await signInWith(contested, ownerPassword)).statusCode).toBe(200);
    expect((await accountOf(contested))!.id).toBe(person.id);
  });

  it('a change link opened elsewhere without the password: the account keeps no password or other session', async () => {
    const password = 'whoever asked for the change';
    const person = await createPerson(t, { password });
    const asker = await signIn(t, person.email, password);
    const target = freshEmail('someone-else');
    const token = await mailedToken(target, '/verify-email', () => askEmailChange(t, asker, target, password));
    const res = await visitorPost(t, '/api/auth/verify-email', { token });
    expect(res.json()).toEqual({ status: 'verified', email: target, hasPassword: false });
    expect(await works(asker)).toBe(false);
    expect((await signInWith(target, password)).statusCode).toBe(401);
  });
});
