import { rowsOf, schema } from '@board/db';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { hashToken } from '../../src/modules/accounts/secrets.ts';
import { refreshTokenDays } from '../../src/modules/accounts/sessions.ts';
import { useApiApp } from '../kit/app.ts';
import { hourMs, withMachineClockOff } from '../kit/clock.ts';
import { createPerson, refresh, sessionOf, signIn, type SignedIn } from '../kit/people.ts';

/**
 * Sessions keep the database's time, not the machine's: a server whose clock has drifted must
 * neither accept an expired refresh token nor refuse a live one (docs/architecture.md, "Time").
 */
const t = useApiApp();

const password = 'clock-test-password';

async function freshSignIn(): Promise<SignedIn> {
  const person = await createPerson(t, { password, roles: [{ role: 'volunteer' }] });
  return signIn(t, person.email, password);
}

/** moves one stamp of the token, in the database's own time (`sql` relative to its now()) */
async function setToken(refreshToken: string, column: 'expires_at' | 'rotated_at', to: string) {
  await t.database.handle.db.execute(
    sql`update refresh_tokens set ${sql.identifier(column)} = now() + ${to}::interval where token_hash = ${hashToken(refreshToken)}`,
  );
}

async function tokenRow(refreshToken: string) {
  const [row] = await t.database.handle.db
    .select()
    .from(schema.refreshTokens)
    .where(eq(schema.refreshTokens.tokenHash, hashToken(refreshToken)));
  return row!;
}

/** each token of the person's sessions: its lifetime in seconds, from its stamps (written in one INSERT) */
async function lifetimesOf(userId: string) {
  const result = await t.database.handle.db.execute(
    sql`select extract(epoch from expires_at - created_at)::float8 as seconds from refresh_tokens where user_id = ${userId}`,
  );
  return rowsOf<{ seconds: number }>(result).map((row) => row.seconds);
}

describe('refresh tokens by the database clock', () => {
  it(`live ${refreshTokenDays} days from the database's now(), on a machine whose clock is hours off`, async () => {
    for (const offset of [3 * hourMs, -3 * hourMs]) {
      await withMachineClockOff(offset, async () => {
        const first = await freshSignIn();
        expect((await refresh(t, first.cookie)).statusCode).toBe(200);
        const lifetimes = await lifetimesOf(first.session.me.id);
        expect(lifetimes).toEqual([refreshTokenDays * 86_400, refreshTokenDays * 86_400]);
      });
    }
  });

  it('an expired token is refused though the machine’s clock is behind', async () => {
    const first = await freshSignIn();
    await setToken(first.refreshToken, 'expires_at', '-1 second');
    const res = await withMachineClockOff(-hourMs, () => refresh(t, first.cookie));
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('a live token is taken though the machine’s clock is ahead of its expiry', async () => {
    const first = await freshSignIn();
    await setToken(first.refreshToken, 'expires_at', '1 minute');
    const res = await withMachineClockOff(hourMs, () => refresh(t, first.cookie));
    expect(res.statusCode).toBe(200);
  });
});

describe('the twin window by the database clock', () => {
  it('a token spent 10 s ago (database time) gives its twin though the machine’s clock is ahead', async () => {
    const first = await freshSignIn();
    expect((await refresh(t, first.cookie)).statusCode).toBe(200); // spends the first token
    await setToken(first.refreshToken, 'rotated_at', '-10 seconds');
    const twin = await withMachineClockOff(hourMs, () => refresh(t, first.cookie));
    expect(twin.statusCode).toBe(200);
    // the twin's stamp is the database's now() of its transaction, as is the new token's creation
    const newest = await tokenRow(sessionOf(twin).refreshToken);
    expect((await tokenRow(first.refreshToken)).twinnedAt).toEqual(newest.createdAt);
  });

  it('a token spent 30 s ago (database time) is taken for theft though the machine’s clock is behind', async () => {
    const first = await freshSignIn();
    const second = sessionOf(await refresh(t, first.cookie));
    await setToken(first.refreshToken, 'rotated_at', '-30 seconds');
    const replay = await withMachineClockOff(-hourMs, () => refresh(t, first.cookie));
    expect(replay.statusCode).toBe(401);
    expect((await tokenRow(second.refreshToken)).revokedAt).not.toBeNull();
    expect((await refresh(t, second.cookie)).statusCode).toBe(401);
  });
});
