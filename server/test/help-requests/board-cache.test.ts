import { BoardPage, type BoardQuery } from '@board/shared';
import { sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { expireOverdueRequests } from '../../src/modules/help-requests/expiry.ts';
import { createBoardCache } from '../../src/plugins/app/board-cache.ts';
import { as, demoEmails, get, insertRequest, post, useApiApp } from '../kit/index.ts';

/**
 * The board's page cache (server/src/plugins/app/board-cache.ts), on the real app with the cache
 * on: rows written straight into the database stand for another server instance's writes (two
 * real instances: server/test/cluster/two-instances.test.ts).
 */

const t = useApiApp({ env: { BOARD_CACHE_SECONDS: '60' } });

/** A write whose notification is lost (the trigger off for it): only this process's own writes, or the TTL, show it. */
async function unheardInsert(title: string): Promise<string> {
  const db = t.database.handle.db;
  await db.execute(sql`alter table help_requests disable trigger help_requests_board_changed`);
  try {
    return (await insertRequest(t, { title })).id;
  } finally {
    await db.execute(sql`alter table help_requests enable trigger help_requests_board_changed`);
  }
}

async function boardIds(query = 'municipalities=13121'): Promise<string[]> {
  const res = await get(t, {}, `/api/requests?${query}&limit=50`);
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  return BoardPage.parse(res.json()).items.map((i) => i.id);
}

describe('the board page cache in the app', () => {
  it('serves a page again from memory until a write through this API, which shows at once', async () => {
    const before = await boardIds();
    const elsewhere = await unheardInsert('別のサーバーで公開');
    // a write this process was not told of: its page is kept (up to BOARD_CACHE_SECONDS)
    expect(await boardIds()).toEqual(before);
    // a query this process has not answered yet reads the database
    expect(await boardIds('municipalities=13121,13104')).toContain(elsewhere);

    // signing in and refreshing sessions cannot change the board: the page is kept
    const signIn = await post(t, {}, '/api/auth/sign-in', {
      email: demoEmails.volunteer1,
      password: 'udekiki-demo-2026',
    });
    expect(signIn.statusCode).toBe(200);
    expect(await boardIds()).toEqual(before);

    // a write through this API (staff close a request) starts afresh: both changes show
    const closing = before[0]!;
    const res = await post(t, await as(t, demoEmails.staffAdachi), `/api/requests/${closing}/close`, {
      reason: '行事が中止になりました',
    });
    expect(res.statusCode).toBe(200);
    const after = await boardIds();
    expect(after).toContain(elsewhere);
    expect(after).not.toContain(closing);
  });

  it('refused writes keep the page: only a write that succeeded starts afresh', async () => {
    const before = await boardIds();
    const elsewhere = await unheardInsert('拒否された書き込みのあと');
    const target = before[0]!;
    const close = async (url: string, headers: Record<string, string>, payload: unknown) =>
      (await t.app.inject({ method: 'POST', url, headers, payload: payload as Record<string, unknown> })).statusCode;
    const reason = { reason: '行事が中止になりました' };
    const refused = [
      await close(`/api/requests/${target}/close`, {}, reason),
      await close(`/api/requests/${target}/close`, await as(t, demoEmails.volunteer1), reason),
      await close(
        `/api/requests/00000000-0000-4000-8000-000000000000/close`,
        await as(t, demoEmails.staffAdachi),
        reason,
      ),
      await close(`/api/requests/${target}/close`, await as(t, demoEmails.staffAdachi), { reason: 42 }),
      await close(`/api/requests/${target}/close`, await as(t, demoEmails.staffShinjuku), reason),
    ];
    expect(refused).toEqual([401, 403, 404, 400, 403]);
    expect(await boardIds()).toEqual(before);
    expect(await boardIds()).not.toContain(elsewhere);

    expect(await close(`/api/requests/${target}/close`, await as(t, demoEmails.staffAdachi), reason)).toBe(200);
    expect(await boardIds()).toContain(elsewhere);
  });

  it('another instance’s write reaches this cache by LISTEN/NOTIFY as it commits', async () => {
    const before = await boardIds();
    expect(await boardIds()).toEqual(before);
    const elsewhere = (await insertRequest(t, { title: '隣のインスタンスで公開' })).id;
    await vi.waitFor(async () => expect(await boardIds()).toContain(elsewhere), { timeout: 5_000, interval: 20 });
  });

  it('the expiry job starts afresh too', async () => {
    const overdue = (
      await insertRequest(t, {
        title: '締切を過ぎた依頼',
        applicationDeadline: new Date(Date.now() + 1_000),
      })
    ).id;
    const search = `municipalities=13121&q=${encodeURIComponent('締切')}`;
    expect(await boardIds(search)).toContain(overdue);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await expireOverdueRequests(t.app)).toBeGreaterThan(0);
    expect(await boardIds(search)).not.toContain(overdue);
  });
});

describe('createBoardCache', () => {
  const query = (over: Partial<BoardQuery> = {}) => ({ sort: 'newest', limit: 20, ...over }) as BoardQuery;
  const page = (n: number): BoardPage => ({ items: [], nextCursor: `page-${n}`, total: 0, more: false });

  it('computes a page once for concurrent visitors, and once for the same filters in another order', async () => {
    const cache = createBoardCache(60);
    let computed = 0;
    const compute = async () => {
      computed++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return page(computed);
    };
    const bodies = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        cache.page(query({ municipalities: i % 2 ? ['13121', '13104'] : ['13104', '13121'] }), compute),
      ),
    );
    expect(computed).toBe(1);
    expect(new Set(bodies)).toEqual(new Set([JSON.stringify(page(1))]));
    await cache.page(query({ municipalities: ['13104'] }), compute);
    expect(computed).toBe(2);
  });

  it('never keeps a page computed before an invalidation', async () => {
    const cache = createBoardCache(60);
    let release: () => void = () => {};
    const slow = cache.page(query(), async () => {
      await new Promise<void>((resolve) => (release = resolve));
      return page(1);
    });
    cache.invalidate(); // a write committed while the old page was being read
    release();
    expect(await slow).toBe(JSON.stringify(page(1)));
    expect(await cache.page(query(), async () => page(2))).toBe(JSON.stringify(page(2)));
  });

  it('forgets pages after its time; with 0 seconds it keeps nothing', async () => {
    const short = createBoardCache(0.05);
    await short.page(query(), async () => page(1));
    expect(await short.page(query(), async () => page(2))).toBe(JSON.stringify(page(1)));
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await short.page(query(), async () => page(3))).toBe(JSON.stringify(page(3)));
    const off = createBoardCache(0);
    await off.page(query(), async () => page(1));
    expect(await off.page(query(), async () => page(2))).toBe(JSON.stringify(page(2)));
  });

  it('a failed computation is not kept', async () => {
    const cache = createBoardCache(60);
    await expect(
      cache.page(query(), async () => {
        throw new Error('database gone');
      }),
    ).rejects.toThrow('database gone');
    expect(await cache.page(query(), async () => page(2))).toBe(JSON.stringify(page(2)));
  });
});
