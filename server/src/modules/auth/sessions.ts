import { schema, type Database } from '@board/db';
import { DomainError } from '@board/shared';
import { and, eq, gt, isNull, ne } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppConfig } from '../../config.ts';
import { accessCookie, accessTokenSeconds, refreshCookie } from '../../plugins/app/authentication.ts';
import { hashToken, newToken } from './secrets.ts';
import { systemStep } from '../applications/system-step.ts';

export const refreshTokenDays = 30;
/**
 * A token rotated this recently may be presented once more without ending the session: two tabs
 * (or a page and its prefetch) refreshing at the same moment send the same cookie. Later than
 * this, a replay is taken for theft and ends the whole family.
 */
export const concurrentRefreshMs = 20_000;

function cookieOptions(config: AppConfig, maxAgeSeconds: number) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: config.secureCookies, maxAge: maxAgeSeconds };
}

function setSessionCookies(
  app: FastifyInstance,
  config: AppConfig,
  reply: FastifyReply,
  accessToken: string,
  refresh: string,
) {
  reply.setCookie(accessCookie, accessToken, cookieOptions(config, accessTokenSeconds));
  reply.setCookie(refreshCookie, refresh, cookieOptions(config, refreshTokenDays * 86_400));
}

export function clearSessionCookies(config: AppConfig, reply: FastifyReply) {
  reply.clearCookie(accessCookie, { path: '/', secure: config.secureCookies, sameSite: 'lax' });
  reply.clearCookie(refreshCookie, { path: '/', secure: config.secureCookies, sameSite: 'lax' });
}

async function insertRefreshToken(tx: Database, userId: string, familyId: string): Promise<string> {
  const { token, hash } = newToken();
  // refresh tokens are system-only (migration 0009); the row is this person's
  await systemStep(tx, () =>
    tx.insert(schema.refreshTokens).values({
      userId,
      familyId,
      tokenHash: hash,
      expiresAt: new Date(Date.now() + refreshTokenDays * 86_400_000),
    }),
  );
  return token;
}

/** An access token of one session: `sid` is the refresh-token family, checked on every request. */
function signAccessToken(app: FastifyInstance, userId: string, sessionId: string): string {
  return app.jwt.sign({ sub: userId, sid: sessionId });
}

/**
 * A new session (a refresh-token family) and its first pair of tokens, without cookies: for
 * `startSession`, and for tests and tools that need a signed-in person.
 */
export async function createSession(app: FastifyInstance, tx: Database, userId: string) {
  const sessionId = crypto.randomUUID();
  const refresh = await insertRefreshToken(tx, userId, sessionId);
  return { sessionId, refresh, accessToken: signAccessToken(app, userId, sessionId) };
}

/** Starts a session: a new refresh-token family, an access token, both as cookies (and the access token returned). */
export async function startSession(
  app: FastifyInstance,
  config: AppConfig,
  reply: FastifyReply,
  tx: Database,
  userId: string,
) {
  const { accessToken, refresh } = await createSession(app, tx, userId);
  setSessionCookies(app, config, reply, accessToken, refresh);
  return { accessToken, expiresIn: accessTokenSeconds };
}

async function liveUser(tx: Database, userId: string): Promise<boolean> {
  const [user] = await tx
    .select({ id: schema.users.id })
    .from(schema.users)
    .where(and(eq(schema.users.id, userId), isNull(schema.users.deletedAt)));
  return user !== undefined;
}

async function revokeFamily(tx: Database, familyId: string) {
  await tx
    .update(schema.refreshTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(schema.refreshTokens.familyId, familyId), isNull(schema.refreshTokens.revokedAt)));
}

/**
 * Claims the one twin a spent token may still give: only if it was spent within
 * `concurrentRefreshMs`, is not expired, has given none yet and its family lives. Atomic, so of
 * several replays racing for it exactly one wins.
 */
async function claimTwin(tx: Database, tokenId: string): Promise<boolean> {
  const now = new Date();
  const claimed = await tx
    .update(schema.refreshTokens)
    .set({ twinnedAt: now })
    .where(
      and(
        eq(schema.refreshTokens.id, tokenId),
        isNull(schema.refreshTokens.twinnedAt),
        isNull(schema.refreshTokens.revokedAt),
        gt(schema.refreshTokens.rotatedAt, new Date(now.getTime() - concurrentRefreshMs)),
        gt(schema.refreshTokens.expiresAt, now),
      ),
    )
    .returning({ id: schema.refreshTokens.id });
  return claimed.length > 0;
}

/**
 * Rotates a refresh token: the presented one is spent and a new one of the same family issued.
 * A spent token presented again within `concurrentRefreshMs` gets one twin (a second tab
 * refreshing at the same moment); any further use of it, or a later one, is taken for theft and
 * revokes the whole family, which ends every access token of the session at once.
 */
export async function rotateSession(app: FastifyInstance, config: AppConfig, reply: FastifyReply, presented: string) {
  const outcome = await app.withSystemAccess(async (tx) => {
    const [row] = await tx
      .select()
      .from(schema.refreshTokens)
      .where(eq(schema.refreshTokens.tokenHash, hashToken(presented)));
    if (!row) return { ok: false as const };
    const spent = await tx
      .update(schema.refreshTokens)
      .set({ rotatedAt: new Date() })
      .where(
        and(
          eq(schema.refreshTokens.id, row.id),
          isNull(schema.refreshTokens.rotatedAt),
          isNull(schema.refreshTokens.revokedAt),
        ),
      )
      .returning({ id: schema.refreshTokens.id });
    // a concurrent refresh may have spent it after our first read: then this one may be its twin
    if (spent.length === 0 && !(await claimTwin(tx, row.id))) {
      await revokeFamily(tx, row.familyId);
      return { ok: false as const };
    }
    if (row.expiresAt.getTime() < Date.now() || !(await liveUser(tx, row.userId))) return { ok: false as const };
    return {
      ok: true as const,
      userId: row.userId,
      sessionId: row.familyId,
      refresh: await insertRefreshToken(tx, row.userId, row.familyId),
    };
  });
  if (!outcome.ok) {
    clearSessionCookies(config, reply);
    throw new DomainError('UNAUTHENTICATED', 'The session has ended; sign in again.');
  }
  const accessToken = signAccessToken(app, outcome.userId, outcome.sessionId);
  setSessionCookies(app, config, reply, accessToken, outcome.refresh);
  return { accessToken, expiresIn: accessTokenSeconds, userId: outcome.userId };
}

/** Ends the session the refresh token belongs to (its whole family). */
export async function endSession(app: FastifyInstance, presented: string | undefined) {
  if (!presented) return;
  await app.withSystemAccess(async (tx) => {
    const [row] = await tx
      .select()
      .from(schema.refreshTokens)
      .where(eq(schema.refreshTokens.tokenHash, hashToken(presented)));
    if (row) await revokeFamily(tx, row.familyId);
  });
}

/**
 * Ends every session of a person (after a password reset, a role removal, the first proof of
 * their address, account deletion), but `keep` if given: their access tokens stop working at
 * their next request.
 */
export async function endAllSessions(tx: Database, userId: string, keep?: string) {
  // system-only table (0009): called by the person, by staff removing an officer, by system work
  await systemStep(tx, () =>
    tx
      .update(schema.refreshTokens)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(schema.refreshTokens.userId, userId),
          isNull(schema.refreshTokens.revokedAt),
          keep ? ne(schema.refreshTokens.familyId, keep) : undefined,
        ),
      ),
  );
}
