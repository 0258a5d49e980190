import { schema, type Database } from '@board/db';
import { DomainError } from '@board/shared';
import { and, eq, isNull } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppConfig } from '../../config.ts';
import { accessCookie, accessTokenSeconds, refreshCookie } from '../../plugins/app/authentication.ts';
import { hashToken, newToken } from './secrets.ts';

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

async function insertRefreshToken(tx: Database, userId: string, familyId: string | null): Promise<string> {
  const { token, hash } = newToken();
  await tx.insert(schema.refreshTokens).values({
    userId,
    familyId: familyId ?? crypto.randomUUID(),
    tokenHash: hash,
    expiresAt: new Date(Date.now() + refreshTokenDays * 86_400_000),
  });
  return token;
}

/** Starts a session: a new refresh-token family, an access token, both as cookies (and the access token returned). */
export async function startSession(
  app: FastifyInstance,
  config: AppConfig,
  reply: FastifyReply,
  tx: Database,
  userId: string,
) {
  const refresh = await insertRefreshToken(tx, userId, null);
  const accessToken = app.jwt.sign({ sub: userId });
  setSessionCookies(app, config, reply, accessToken, refresh);
  return { accessToken, expiresIn: accessTokenSeconds };
}

/**
 * Rotates a refresh token: the presented one is spent and a new one of the same family issued.
 * Presenting a spent or revoked token revokes the whole family (it was probably stolen), unless
 * it was spent within `concurrentRefreshMs` and the family is still alive: then a concurrent
 * refresh gets its own new token of the family.
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
    if (spent.length === 0) {
      // re-read: a concurrent refresh may have spent it after our first read
      const [now] = await tx.select().from(schema.refreshTokens).where(eq(schema.refreshTokens.id, row.id));
      const concurrent = now?.rotatedAt && !now.revokedAt && Date.now() - now.rotatedAt.getTime() < concurrentRefreshMs;
      if (concurrent && now.expiresAt.getTime() >= Date.now()) {
        const [user] = await tx
          .select({ id: schema.users.id })
          .from(schema.users)
          .where(and(eq(schema.users.id, row.userId), isNull(schema.users.deletedAt)));
        if (!user) return { ok: false as const };
        return {
          ok: true as const,
          userId: row.userId,
          refresh: await insertRefreshToken(tx, row.userId, row.familyId),
        };
      }
      await tx
        .update(schema.refreshTokens)
        .set({ revokedAt: new Date() })
        .where(and(eq(schema.refreshTokens.familyId, row.familyId), isNull(schema.refreshTokens.revokedAt)));
      return { ok: false as const, reuse: true };
    }
    if (row.expiresAt.getTime() < Date.now()) return { ok: false as const };
    const [user] = await tx
      .select({ id: schema.users.id })
      .from(schema.users)
      .where(and(eq(schema.users.id, row.userId), isNull(schema.users.deletedAt)));
    if (!user) return { ok: false as const };
    return { ok: true as const, userId: row.userId, refresh: await insertRefreshToken(tx, row.userId, row.familyId) };
  });
  if (!outcome.ok) {
    clearSessionCookies(config, reply);
    throw new DomainError('UNAUTHENTICATED', 'The session has ended; sign in again.');
  }
  const accessToken = app.jwt.sign({ sub: outcome.userId });
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
    if (!row) return;
    await tx
      .update(schema.refreshTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(schema.refreshTokens.familyId, row.familyId), isNull(schema.refreshTokens.revokedAt)));
  });
}

/** Ends every session of a person (after a password reset or account deletion). */
export async function endAllSessions(tx: Database, userId: string) {
  await tx
    .update(schema.refreshTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(schema.refreshTokens.userId, userId), isNull(schema.refreshTokens.revokedAt)));
}
