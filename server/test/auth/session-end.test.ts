import { describe, expect, it } from 'vitest';
import { useApiApp } from '../kit/app.ts';
import { csrf, get, post, visitorPost, whoamiRoute } from '../kit/http.ts';
import { mailTo, tokenIn } from '../kit/mail.ts';
import { as, associationIdOf, createPerson, demoEmails, demoPassword, type SignedIn, signIn } from '../kit/people.ts';

/**
 * Access tokens name their session, and the session is checked on every request: ending it
 * (sign-out, reset, password change, removal by staff) ends access at once, not 15 minutes later.
 */

const t = useApiApp({ routes: whoamiRoute });

const byBearer = (s: SignedIn) => get(t, { authorization: `Bearer ${s.accessToken}` }, '/api/__test/whoami');
const byCookie = (s: SignedIn) =>
  t.app.inject({ method: 'GET', url: '/api/__test/whoami', cookies: { board_access: s.accessToken } });

/** the access token still works (both ways) */
async function expectLive(s: SignedIn) {
  expect((await byBearer(s)).statusCode).toBe(200);
  expect((await byCookie(s)).statusCode).toBe(200);
}

/** a Bearer client hears 401; a browser's cookie just counts as signed out (also 401 on a route that needs someone) */
async function expectEnded(s: SignedIn) {
  const bearer = await byBearer(s);
  expect(bearer.statusCode).toBe(401);
  expect(bearer.json().error.code).toBe('UNAUTHENTICATED');
  const cookie = await byCookie(s);
  expect(cookie.statusCode).toBe(401);
  const board = await t.app.inject({ method: 'GET', url: '/api/requests', cookies: { board_access: s.accessToken } });
  expect(board.statusCode).toBe(200);
}

describe('an access token stops working on the next request', () => {
  it('after sign-out; another device of the same person stays signed in', async () => {
    const here = await signIn(t, 'volunteer1@demo.example');
    const elsewhere = await signIn(t, 'volunteer1@demo.example');
    await expectLive(here);
    const out = await visitorPost(t, '/api/auth/sign-out', {}, { cookie: here.cookie, ...csrf });
    expect(out.statusCode).toBe(204);
    await expectEnded(here);
    await expectLive(elsewhere);
  });

  it('after a password reset, on every device', async () => {
    const email = 'volunteer4@demo.example';
    const [one, two] = [await signIn(t, email), await signIn(t, email)];
    expect((await visitorPost(t, '/api/auth/password-reset', { email })).statusCode).toBe(202);
    const mail = await mailTo(t, email, /パスワード/);
    const reset = await visitorPost(t, '/api/auth/password-reset/confirm', {
      token: tokenIn(mail.text),
      password: 'a brand new long password',
    });
    expect(reset.statusCode).toBe(200);
    await expectEnded(one);
    await expectEnded(two);
  });

  it('after a password change on another device; the device that changed it goes on', async () => {
    const email = 'volunteer5@demo.example';
    const [elsewhere, here] = [await signIn(t, email), await signIn(t, email)];
    const res = await visitorPost(
      t,
      '/api/me/password',
      { currentPassword: demoPassword, newPassword: 'another long password' },
      { authorization: `Bearer ${here.accessToken}` },
    );
    expect(res.statusCode).toBe(200);
    await expectEnded(elsewhere);
    await expectEnded(here);
    const renewed = res.json().accessToken as string;
    const who = await get(t, { authorization: `Bearer ${renewed}` }, '/api/__test/whoami');
    expect(who.statusCode).toBe(200);
  });

  it('after staff remove an officer who left: signed out, and back in with the hats left', async () => {
    const association = await associationIdOf(t, '千住一丁目町会');
    const password = 'the leaving officer password';
    const leaving = await createPerson(t, {
      password,
      roles: [
        { role: 'officer', municipalityCode: '13121', associationId: association },
        { role: 'volunteer', municipalityCode: null, associationId: null },
      ],
    });
    const session = await signIn(t, leaving.email, password);
    await expectLive(session);
    const removed = await visitorPost(
      t,
      `/api/associations/${association}/officers/${leaving.id}/remove`,
      {},
      await as(t, demoEmails.staffAdachi),
    );
    expect(removed.statusCode).toBe(204);
    await expectEnded(session);
    const again = await signIn(t, leaving.email, password);
    expect(again.session.me.roles.map((g) => g.role)).toEqual(['volunteer']);
  });

  it('after a replayed refresh token ended the session (theft)', async () => {
    const s = await signIn(t, 'volunteer2@demo.example');
    const refresh = () => post(t, { cookie: s.cookie, ...csrf }, '/api/auth/refresh');
    const statuses = [(await refresh()).statusCode, (await refresh()).statusCode, (await refresh()).statusCode];
    expect(statuses).toEqual([200, 200, 401]);
    await expectEnded(s);
  });
});
