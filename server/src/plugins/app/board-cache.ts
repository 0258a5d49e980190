import type { BoardPage, BoardQuery } from '@board/shared';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { LRUCache } from 'lru-cache';
import type { AppConfig } from '../../config.ts';
import { unsafeMethods } from '../../network.ts';

declare module 'fastify' {
  interface FastifyInstance {
    boardCache: BoardCache;
  }
}

export interface BoardCache {
  /** The page as JSON: from the cache, from a computation already under way for the same query, or computed now. */
  page(query: BoardQuery, compute: () => Promise<BoardPage>): Promise<string>;
  /** Forget every page (something on the board may have changed). */
  invalidate(): void;
}

/**
 * Writes that cannot change what the board lists: sessions (sign-in, refresh every 15 minutes
 * per person), one's own account, invitations. Every other successful write starts a new
 * generation, so a route added later is safe by default.
 */
const offTheBoard = ['/api/auth', '/api/me', '/api/invitations', '/api/dev'];

/** A refused write (401, 403, 404, 409, 422…) or a failed one changed nothing: anyone could empty the cache with them. */
function mayChangeTheBoard(method: string, url: string, statusCode: number): boolean {
  if (!unsafeMethods.has(method) || statusCode < 200 || statusCode >= 300) return false;
  const path = url.split('?')[0]!;
  return !offTheBoard.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/** The same filters in any order give the same key. */
function keyOf(query: BoardQuery): string {
  return JSON.stringify({
    ...query,
    municipalities: query.municipalities ? [...query.municipalities].sort() : undefined,
    skills: query.skills ? [...query.skills].sort() : undefined,
  });
}

/**
 * The board is public and the same for every visitor, and most visitors ask for the same few
 * pages; each page is kept for `seconds` (BOARD_CACHE_SECONDS, 0 = off) and concurrent misses for
 * one page share one query. Any write through this API that may touch the board (answered after
 * its transaction ended; see `offTheBoard` for the ones that cannot) starts a new generation, so
 * this process never serves a page older than its own last write; the expiry job does the same. Every
 * other change (another instance's, a job's, SQL by hand) reaches every instance by LISTEN/NOTIFY
 * (`boardChangedChannel`) the moment it commits; `seconds` bounds what a lost notification costs.
 */
export function createBoardCache(seconds: number): BoardCache {
  if (seconds <= 0) {
    return { page: async (_query, compute) => JSON.stringify(await compute()), invalidate: () => {} };
  }
  const pages = new LRUCache<string, string>({ max: 1000, ttl: seconds * 1000 });
  const computing = new Map<string, Promise<string>>();
  let generation = 0;
  return {
    page(query, compute) {
      // a computation that began before a write stores under its old generation: never served again
      const key = `${generation} ${keyOf(query)}`;
      const cached = pages.get(key);
      if (cached !== undefined) return Promise.resolve(cached);
      let pending = computing.get(key);
      if (!pending) {
        pending = compute()
          .then((page) => {
            const body = JSON.stringify(page);
            pages.set(key, body);
            return body;
          })
          .finally(() => computing.delete(key));
        computing.set(key, pending);
      }
      return pending;
    },
    invalidate() {
      generation++;
      pages.clear();
    },
  };
}

/** Notified by the database at the commit of any change to a table the board reads (migration board_changed_notify). */
export const boardChangedChannel = 'board_changed';

export default fp(
  async (app: FastifyInstance, opts: { config: AppConfig }) => {
    app.decorate('boardCache', createBoardCache(opts.config.boardCacheSeconds));
    app.addHook('onResponse', async (request, reply) => {
      if (mayChangeTheBoard(request.method, request.url, reply.statusCode)) app.boardCache.invalidate();
    });
    if (opts.config.boardCacheSeconds <= 0) return;
    // every instance's writes (and jobs, and operators' SQL): forget the pages as soon as they commit;
    // after a reconnect too, since notifications may have been missed while the connection was down
    const forget = () => app.boardCache.invalidate();
    const unlisten = await app.database.listen(boardChangedChannel, { onNotify: forget, onListen: forget });
    app.addHook('onClose', async () => unlisten().catch(() => {}));
  },
  { name: 'board-cache', dependencies: ['database'] },
);
