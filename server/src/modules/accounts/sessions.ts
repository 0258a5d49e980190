import type { Database } from '@board/db';
import { DomainError } from '@board/shared';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppConfig } from '../../config.ts';
import { accessCookie, accessTokenSeconds, refreshCookie } from '../../plugins/app/authentication.ts';
import { elevateWithin, type DatabaseDoor } from '../../database/door.ts';
import { sessionRepository } from '../accounts/session-repository.ts';
import { hashToken } from './secrets.ts';

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

function insertRefreshToken(tx: Database, userId: string, familyId: string): Promise<string> {
  // refresh tokens are system-only (0010); the row is this person's
  return elevateWithin(tx, 'issue a refresh token', () =>
    sessionRepository.insertRefreshToken(tx, userId, familyId, refreshTokenDays),
  );
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

/** Starts a session inside the caller's transaction; the edge (a route) supplies it, for it sets the cookies. */
export type SessionStarter = (tx: Database, userId: string) => Promise<{ accessToken: string; expiresIn: number }>;

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

/**
 * Rotates a refresh token: the presented one is spent and a new one of the same family issued.
 * A spent token presented again within `concurrentRefreshMs` gets one twin (a second tab
 * refreshing at the same moment); any further use of it, or a later one, is taken for theft and
 * revokes the whole family, which ends every access token of the session at once.
 */
export async function rotateSession(
  app: FastifyInstance,
  door: DatabaseDoor,
  config: AppConfig,
  reply: FastifyReply,
  presented: string,
) {
  const outcome = await door.asSystem('rotate a refresh token', async (tx) => {
    const row = await sessionRepository.findByHash(tx, hashToken(presented));
    if (!row) return { ok: false as const };
    // a concurrent refresh may have spent it after our first read: then this one may be its twin
    if (
      !(await sessionRepository.spend(tx, row.id)) &&
      !(await sessionRepository.claimTwin(tx, row.id, concurrentRefreshMs))
    ) {
      await sessionRepository.revokeFamily(tx, row.familyId);
      return { ok: false as const };
    }
    if (row.expired || !(await sessionRepository.isLiveUser(tx, row.userId))) {
      return { ok: false as const };
    }
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
export async function endSession(door: DatabaseDoor, presented: string | undefined) {
  if (!presented) return;
  await door.asSystem('end a session by its refresh token', async (tx) => {
    const row = await sessionRepository.findByHash(tx, hashToken(presented));
    if (row) await sessionRepository.revokeFamily(tx, row.familyId);
  });
}
