import { elevateWithin } from '../../database/door.ts';
import { databaseNowPlus } from '../../database/now.ts';
import { schema, type Database } from '@board/db';
import { and, eq, getTableColumns, gt, isNull, ne, sql, type SQL } from 'drizzle-orm';
import { newToken } from '../accounts/secrets.ts';

const { refreshTokens, users } = schema;

/** sets the token's `moment` to now() if every condition holds, in one statement; false when one did not */
async function stampIf(
  tx: Database,
  tokenId: string,
  moment: 'rotatedAt' | 'twinnedAt',
  ...conditions: SQL[]
): Promise<boolean> {
  const stamped = await tx
    .update(refreshTokens)
    .set({ [moment]: sql`now()` })
    .where(and(eq(refreshTokens.id, tokenId), ...conditions))
    .returning({ id: refreshTokens.id });
  return stamped.length > 0;
}

/** revokes the tokens `which` picks that are not revoked yet */
async function revokeLive(tx: Database, which: SQL | undefined): Promise<void> {
  await tx
    .update(refreshTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(which, isNull(refreshTokens.revokedAt)));
}

/**
 * SQL for sessions: a session is a refresh-token family (`refresh_tokens.family_id`). Every
 * moment here is the database's (`now()`): a token's expiry, whether it has passed, the window
 * for a twin.
 */
export const sessionRepository = {
  /** a new refresh token of the family, live for `lifetimeDays` from now(); the database keeps only its hash */
  async insertRefreshToken(tx: Database, userId: string, familyId: string, lifetimeDays: number): Promise<string> {
    const { token, hash } = newToken();
    const expiresAt = databaseNowPlus(lifetimeDays * 86_400_000);
    await tx.insert(refreshTokens).values({ userId, familyId, tokenHash: hash, expiresAt });
    return token;
  },

  /** the token with this hash, and whether it has expired (by the database's clock) */
  async findByHash(tx: Database, tokenHash: string) {
    const [row] = await tx
      .select({ ...getTableColumns(refreshTokens), expired: sql<boolean>`${refreshTokens.expiresAt} < now()` })
      .from(refreshTokens)
      .where(eq(refreshTokens.tokenHash, tokenHash));
    return row ?? null;
  },

  /** marks the token spent; false when it already was (or was revoked) */
  spend: (tx: Database, tokenId: string) =>
    stampIf(tx, tokenId, 'rotatedAt', isNull(refreshTokens.rotatedAt), isNull(refreshTokens.revokedAt)),

  /**
   * Claims the one twin a spent token may still give: only if it was spent less than `windowMs`
   * before now(), is not expired, has given none yet and its family lives. Atomic, so of several
   * replays racing for it exactly one wins.
   */
  claimTwin: (tx: Database, tokenId: string, windowMs: number) =>
    stampIf(
      tx,
      tokenId,
      'twinnedAt',
      isNull(refreshTokens.twinnedAt),
      isNull(refreshTokens.revokedAt),
      gt(refreshTokens.rotatedAt, databaseNowPlus(-windowMs)),
      gt(refreshTokens.expiresAt, sql`now()`),
    ),

  revokeFamily: (tx: Database, familyId: string) => revokeLive(tx, eq(refreshTokens.familyId, familyId)),

  /** revokes every live token of the person, but those of the family `keep` */
  revokeAllOf: (tx: Database, userId: string, keep?: string) =>
    revokeLive(tx, and(eq(refreshTokens.userId, userId), keep ? ne(refreshTokens.familyId, keep) : undefined)),

  async isLiveUser(tx: Database, userId: string): Promise<boolean> {
    const [user] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, userId), isNull(users.deletedAt)));
    return user !== undefined;
  },
};

/**
 * Ends every session of a person (after a password reset, a role removal, the first proof of
 * their address, account deletion), but `keep` if given: their access tokens stop working at
 * their next request.
 */
export function endAllSessions(tx: Database, userId: string, keep?: string): Promise<void> {
  // refresh tokens are system-only (0010): called by the person, by staff removing an officer, by system work
  return elevateWithin(tx, 'end every session of a person', () => sessionRepository.revokeAllOf(tx, userId, keep));
}
