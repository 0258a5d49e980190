import { schema } from '@board/db';
import { Session } from '@board/shared';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { hashToken } from '../../src/modules/accounts/secrets.ts';
import { concurrentRefreshMs } from '../../src/modules/accounts/sessions.ts';
import {
  answer,
  cookieValue,
  csrf,
  get,
  post,
  refresh,
  sessionOf,
  signIn,
  signInAttempt,
  useApiApp,
  whoamiRoute,
} from '../kit/index.ts';

const t = useApiApp({ routes: whoamiRoute });

function whoami(accessToken: string) {
  return get(t, { authorization: `Bearer ${accessToken}` }, '/api/__test/whoami');
}

const payloadOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());

async function familyOf(refreshTokenUserId: string) {
  return t.database.handle.db
    .select()
    .from(schema.refreshTokens)
    .where(eq(schema.refreshTokens.userId, refreshTokenUserId));
}

describe('signIn', () => {
  it('sets httpOnly, SameSite=Lax session cookies (not Secure over plain http in tests)', async () => {
    const { res, session } = await signIn(t, 'officer.okubo@demo.example');
    const cookies = res.cookies;
    for (const name of ['board_access', 'board_refresh']) {
      const c = cookies.find((x) => x.name === name)!;
      expect(c).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(c.secure).toBeFalsy();
    }
    expect(cookies.find((x) => x.name === 'board_access')!.maxAge).toBe(15 * 60);
    expect(session.accessToken).toBe(cookieValue(res, 'board_access'));
    // roles come with the names of where they apply
    expect(session.me.roles).toEqual(
      expect.arrayContaining([
        {
          role: 'officer',
          municipalityCode: '13104',
          municipalityName: '新宿区',
          associationId: expect.any(String),
          associationName: '大久保二丁目町会',
        },
        {
          role: 'volunteer',
          municipalityCode: null,
          municipalityName: null,
          associationId: null,
          associationName: null,
        },
      ]),
    );
  });

  it('the refresh token is stored only as a hash', async () => {
    const { refreshToken, session } = await signIn(t, 'volunteer2@demo.example');
    const rows = await familyOf(session.me.id);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.tokenHash).not.toBe(refreshToken);
  });

  it('a deleted account cannot sign in', async () => {
    const { session } = await signIn(t, 'volunteer5@demo.example');
    await t.database.handle.db
      .update(schema.users)
      .set({ deletedAt: new Date() })
      .where(eq(schema.users.id, session.me.id));
    const res = await signInAttempt(t, 'volunteer5@demo.example', 'udekiki-demo-2026');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('INVALID_CREDENTIALS');
  });
});

describe('staff sign-ins are audited', () => {
  async function auditOf(userId: string) {
    return t.database.handle.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.actorId, userId), eq(schema.auditLog.action, 'staff.sign_in')));
  }

  it('municipal staff: one entry per municipality they serve', async () => {
    const { session } = await signIn(t, 'staff.adachi@demo.example');
    const entries = await auditOf(session.me.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      municipalityCode: '13121',
      subjectType: 'user',
      subjectId: session.me.id,
      details: { method: 'password' },
    });

    // a second municipality gives a second entry per sign-in
    await t.database.handle.db
      .insert(schema.roleAssignments)
      .values({ userId: session.me.id, role: 'municipal_staff', municipalityCode: '13104' });
    await signIn(t, 'staff.adachi@demo.example');
    const after = await auditOf(session.me.id);
    expect(after.map((e) => e.municipalityCode).sort()).toEqual(['13104', '13121', '13121']);
  });

  it('foundation staff: one entry without a municipality', async () => {
    const { session } = await signIn(t, 'foundation@demo.example');
    const entries = await auditOf(session.me.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.municipalityCode).toBeNull();
  });

  it('volunteers and officers: none', async () => {
    const { session } = await signIn(t, 'officer.senju@demo.example');
    expect(await auditOf(session.me.id)).toEqual([]);
  });
});

describe('refreshSession', () => {
  it('rotates: a new pair each time, and the old token works no more', async () => {
    const first = await signIn(t, 'volunteer1@demo.example');
    const res = await refresh(t, first.cookie);
    expect(res.statusCode).toBe(200);
    const second = sessionOf(res);
    expect(second.session.me.id).toBe(first.session.me.id);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    const who = await get(t, { authorization: `Bearer ${second.session.accessToken}` }, '/api/__test/whoami');
    expect(who.json()).toEqual({ userId: first.session.me.id });

    const third = sessionOf(await refresh(t, second.cookie));
    expect(third.refreshToken).not.toBe(second.refreshToken);
  });

  it('replaying a rotated token revokes the whole family, the newest token included', async () => {
    const first = await signIn(t, 'volunteer3@demo.example');
    const other = await signIn(t, 'volunteer3@demo.example'); // another device: another family
    const second = sessionOf(await refresh(t, first.cookie));
    // a replay after the short window for concurrent refreshes
    await t.database.handle.db
      .update(schema.refreshTokens)
      .set({ rotatedAt: new Date(Date.now() - concurrentRefreshMs - 1_000) })
      .where(eq(schema.refreshTokens.tokenHash, hashToken(first.refreshToken)));

    const replay = await refresh(t, first.cookie);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('UNAUTHENTICATED');
    // the answer clears the cookies
    expect(replay.cookies.find((c) => c.name === 'board_refresh')!.value).toBe('');

    const newest = await refresh(t, second.cookie);
    expect(newest.statusCode).toBe(401);

    const rows = await familyOf(first.session.me.id);
    const familyId = rows.find((r) => r.tokenHash && r.revokedAt && r.rotatedAt)!.familyId;
    expect(rows.filter((r) => r.familyId === familyId).every((r) => r.revokedAt !== null)).toBe(true);

    // the other device is not affected
    expect((await refresh(t, other.cookie)).statusCode).toBe(200);
  });

  it('two refreshes with the same token at the same moment (two tabs) both get a session; the family lives on', async () => {
    const first = await signIn(t, 'volunteer1@demo.example');
    const [a, b] = await Promise.all([refresh(t, first.cookie), refresh(t, first.cookie)]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    const [tabA, tabB] = [sessionOf(a), sessionOf(b)];
    expect(tabA.refreshToken).not.toBe(tabB.refreshToken);
    // each tab goes on with its own token
    expect((await refresh(t, tabA.cookie)).statusCode).toBe(200);
    expect((await refresh(t, tabB.cookie)).statusCode).toBe(200);
    const rows = await familyOf(first.session.me.id);
    const family = rows.find((r) => r.tokenHash === hashToken(first.refreshToken))!.familyId;
    const members = rows.filter((r) => r.familyId === family);
    expect(members.length).toBe(5);
    expect(members.every((r) => r.revokedAt === null)).toBe(true);
  });

  it('a third use of the token within the window ends the family: both twins die, access tokens too', async () => {
    const first = await signIn(t, 'volunteer2@demo.example');
    const [a, b] = await Promise.all([refresh(t, first.cookie), refresh(t, first.cookie)]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    const [tabA, tabB] = [sessionOf(a), sessionOf(b)];

    const third = await refresh(t, first.cookie);
    expect(third.statusCode).toBe(401);
    expect(third.json().error.code).toBe('UNAUTHENTICATED');
    for (const tab of [tabA, tabB]) {
      expect((await refresh(t, tab.cookie)).statusCode).toBe(401);
      expect((await whoami(tab.accessToken)).statusCode).toBe(401);
    }
    expect((await whoami(first.accessToken)).statusCode).toBe(401);
    const family = (await familyOf(first.session.me.id)).filter((r) => r.familyId === payloadOf(first.accessToken).sid);
    expect(family.length).toBe(3);
    expect(family.every((r) => r.revokedAt !== null)).toBe(true);
  });

  it('of three refreshes with one token at once, at most two get a session and the family ends', async () => {
    const first = await signIn(t, 'officer.senju@demo.example');
    const results = await Promise.all([refresh(t, first.cookie), refresh(t, first.cookie), refresh(t, first.cookie)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 200, 401]);
    for (const ok of results.filter((r) => r.statusCode === 200)) {
      expect((await refresh(t, sessionOf(ok).cookie)).statusCode).toBe(401);
    }
    const rows = await familyOf(first.session.me.id);
    expect(rows.filter((r) => r.familyId === payloadOf(first.accessToken).sid).every((r) => r.revokedAt)).toBe(true);
  });

  it('API clients may send the refresh token in the body', async () => {
    const { refreshToken } = await signIn(t, 'volunteer4@demo.example');
    const res = await post(t, {}, '/api/auth/refresh', { refreshToken });
    expect(answer(res, 200, Session).me.email).toBe('volunteer4@demo.example');
  });

  it('without any refresh token: 401', async () => {
    const res = await post(t, {}, '/api/auth/refresh');
    expect(res.statusCode).toBe(401);
    const unknown = await refresh(t, 'board_refresh=not-a-real-token-at-all-xxxxxxxx');
    expect(unknown.statusCode).toBe(401);
  });

  it('an expired refresh token: 401', async () => {
    const first = await signIn(t, 'officer.umeda@demo.example');
    await t.database.handle.db
      .update(schema.refreshTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(schema.refreshTokens.userId, first.session.me.id));
    expect((await refresh(t, first.cookie)).statusCode).toBe(401);
  });
});

describe('signOut', () => {
  it('revokes the session and clears the cookies', async () => {
    const s = await signIn(t, 'officer.yotsuya@demo.example');
    const res = await post(t, { cookie: s.cookie, ...csrf }, '/api/auth/sign-out');
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    for (const name of ['board_access', 'board_refresh']) {
      const c = res.cookies.find((x) => x.name === name)!;
      expect(c.value).toBe('');
      expect(new Date(c.expires!).getTime()).toBeLessThan(Date.now());
    }
    expect((await refresh(t, s.cookie)).statusCode).toBe(401);
    const rows = await familyOf(s.session.me.id);
    expect(rows.every((r) => r.revokedAt !== null)).toBe(true);
  });

  it('API clients sign out with the token in the body', async () => {
    const s = await signIn(t, 'officer.yotsuya@demo.example');
    const res = await post(t, {}, '/api/auth/sign-out', { refreshToken: s.refreshToken });
    expect(res.statusCode).toBe(204);
    const again = await post(t, {}, '/api/auth/refresh', { refreshToken: s.refreshToken });
    expect(again.statusCode).toBe(401);
  });

  it('signing out without a session is harmless', async () => {
    const res = await post(t, {}, '/api/auth/sign-out');
    expect(res.statusCode).toBe(204);
  });
});
