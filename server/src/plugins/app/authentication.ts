import { DomainError, type Actor } from '@board/shared';
import fastifyCookie from '@fastify/cookie';
import fastifyJwt from '@fastify/jwt';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AppConfig } from '../../config.ts';
import { unsafeMethods } from '../../network.ts';
import { databaseDoor } from '../../database/door.ts';
import { rolesRepository } from '../../modules/accounts/roles-repository.ts';

export const accessCookie = 'board_access';
export const refreshCookie = 'board_refresh';
/** Header our own web server sends on its server-side API calls; a cross-site page cannot set it. */
export const csrfHeader = 'x-board-csrf';
export const tokenIssuer = 'machi-udekiki';
export const tokenAudience = 'machi-udekiki-api';
export const accessTokenSeconds = 15 * 60;

declare module '@fastify/jwt' {
  interface FastifyJWT {
    /** sub: the person; sid: their session (refresh-token family), which must still be live */
    payload: { sub: string; sid: string };
    user: { sub: string; sid: string };
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    /** the signed-in person and their hats, or null */
    actor: Actor | null;
    /** the session (refresh-token family) the actor's access token belongs to */
    sessionId: string | null;
    /** how the actor was recognised */
    authenticatedBy: 'bearer' | 'cookie' | null;
    /** the actor, or a 401 */
    requireActor(): Actor;
  }
}

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new DomainError('UNAUTHENTICATED', 'Malformed Authorization header');
  return match[1]!;
}

/**
 * Recognises the person behind an API request (Bearer token, else the access cookie), loads
 * their current roles, and guards cookie-authenticated writes against cross-site requests.
 */
export default fp(
  async (app: FastifyInstance, opts: { config: AppConfig }) => {
    await app.register(fastifyCookie);
    await app.register(fastifyJwt, {
      secret: opts.config.jwtSecret,
      sign: { algorithm: 'HS256', iss: tokenIssuer, aud: tokenAudience, expiresIn: accessTokenSeconds },
      verify: {
        algorithms: ['HS256'],
        allowedIss: tokenIssuer,
        allowedAud: tokenAudience,
        requiredClaims: ['sub', 'sid', 'exp', 'iss', 'aud'],
      },
    });

    app.decorateRequest('actor', null);
    app.decorateRequest('sessionId', null);
    app.decorateRequest('authenticatedBy', null);
    app.decorateRequest('requireActor', function (this: FastifyRequest) {
      if (!this.actor) throw new DomainError('UNAUTHENTICATED', 'Sign in first.');
      return this.actor;
    });

    const ownOrigins = new Set([opts.config.publicOrigin]);

    const door = databaseDoor(app.db, app.log);
    /** one statement before any transaction: who they are is not known yet (session_actor, 0038) */
    const loadActor = (userId: string, sessionId: string) =>
      door.readAs(null, (db) => rolesRepository.liveActor(db, userId, sessionId));

    app.addHook('onRequest', async (request) => {
      if (!request.url.startsWith('/api/')) return;

      const bearer = bearerToken(request);
      const cookieToken = request.cookies[accessCookie];
      const token = bearer ?? cookieToken;
      if (token) {
        try {
          const payload = app.jwt.verify<{ sub: string; sid: string }>(token);
          request.actor = await loadActor(payload.sub, payload.sid);
          request.authenticatedBy = request.actor ? (bearer ? 'bearer' : 'cookie') : null;
          request.sessionId = request.actor ? payload.sid : null;
          if (!request.actor && bearer)
            throw new DomainError('UNAUTHENTICATED', 'The session has ended; sign in again.');
        } catch (err) {
          if (err instanceof DomainError) throw err;
          // a bad Bearer token is the client's mistake to hear about; a stale cookie just means "signed out"
          if (bearer) throw new DomainError('UNAUTHENTICATED', 'The access token is invalid or expired.');
        }
      }

      if (unsafeMethods.has(request.method)) {
        const origin = request.headers.origin;
        const selfOrigin = `${request.protocol}://${request.host}`;
        if (origin && origin !== selfOrigin && !ownOrigins.has(origin)) {
          throw new DomainError('CSRF_REJECTED', 'Cross-site request refused.');
        }
        const usesCookies = !bearer && (cookieToken !== undefined || request.cookies[refreshCookie] !== undefined);
        if (usesCookies && !origin && request.headers[csrfHeader] !== '1') {
          throw new DomainError('CSRF_REJECTED', 'Cross-site request refused.');
        }
      }
    });
  },
  { name: 'authentication', dependencies: ['database'] },
);
