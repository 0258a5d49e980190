import { seedDemo, seedMunicipalities } from '@board/db/seed/seed';
import { startServerProcess, type RunningServer } from '@board/tests/harness/production-server';
import { createTestDatabase, type TestDatabase } from '@board/tests/harness/test-database';
import { BoardPage } from '@board/shared';
import { sql } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { demoEmails } from '../kit/people.ts';

/**
 * Several instances (issue 14): two real server processes on one PostgreSQL database, each with
 * its board cache on, as behind nginx (scripts/cluster). What one does, the other knows at once.
 */
let db: TestDatabase;
let a: RunningServer;
let b: RunningServer;
const shared = { JWT_SECRET: randomBytes(32).toString('hex') };

function instance(env: Record<string, string> = {}) {
  return startServerProcess({
    DATABASE_URL: db.url,
    APP_DATABASE_URL: db.appUrl,
    BOARD_CACHE_SECONDS: '60',
    SERVE_WEB: '0',
    LOG_LEVEL: 'warn',
    // as deployed: the timers are scheduled (not under NODE_ENV=test, which the test runner sets)
    NODE_ENV: 'production',
    ...shared,
    ...env,
  });
}

beforeAll(async () => {
  db = await createTestDatabase();
  await seedMunicipalities(db.handle.db);
  await seedDemo(db.handle.db);
  // one after the other: each start migrates (nothing to do) and checks the job queue's tables
  a = await instance();
  b = await instance({ SHUTDOWN_DELAY_SECONDS: '2' });
}, 240_000);
/** lets go of the table the slow-request test holds (also when that test fails midway) */
let release: () => void = () => {};
afterAll(async () => {
  release();
  for (const server of [a, b]) await server?.stop().catch(() => {});
  await db?.drop();
});

async function boardIds(server: RunningServer, query = 'municipalities=13121'): Promise<string[]> {
  const res = await fetch(`${server.baseUrl}/api/requests?${query}&limit=50`);
  expect(res.status).toBe(200);
  return BoardPage.parse(await res.json()).items.map((i) => i.id);
}

async function post(server: RunningServer, path: string, body: object, headers: Record<string, string> = {}) {
  return fetch(`${server.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

async function signIn(server: RunningServer, email: string): Promise<Record<string, string>> {
  const res = await post(server, '/api/auth/sign-in', { email, password: 'udekiki-demo-2026' });
  expect(res.status).toBe(200);
  const { accessToken } = (await res.json()) as { accessToken: string };
  return { authorization: `Bearer ${accessToken}` };
}

describe('two instances on one database', () => {
  it('a write through one is on the other’s cached board at once; so is a change by SQL', async () => {
    const before = await boardIds(b);
    expect(await boardIds(b)).toEqual(before); // now served from b's cache
    expect(before.length).toBeGreaterThan(1);

    const closing = before[0]!;
    const staff = await signIn(a, demoEmails.staffAdachi);
    const res = await post(a, `/api/requests/${closing}/close`, { reason: '行事が中止になりました' }, staff);
    expect(res.status).toBe(200);
    // no waiting: the notification reached b when a's transaction committed, before a answered
    expect(await boardIds(b)).not.toContain(closing);
    expect(await boardIds(a)).not.toContain(closing);

    // an operator's SQL (or a job) reaches both caches too, as its transaction commits
    const hidden = before[1]!;
    await db.handle.db.execute(sql`update help_requests set hidden_at = now() where id = ${hidden}`);
    for (const server of [a, b])
      await vi.waitFor(async () => expect(await boardIds(server)).not.toContain(hidden), { timeout: 5_000 });
  });

  it('rate limits count across instances: the quota is one, wherever the requests land', async () => {
    const email = { email: demoEmails.volunteer2 };
    // 5 sign-in links per account an hour (auth/rate-limits.ts), asked alternately of a and b
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await post(i % 2 ? b : a, '/api/auth/sign-in-link', email)).status);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
  });

  it('a schedule is one row whoever made it: each tick is sent by one instance (pg-boss)', async () => {
    const rows = (await db.handle.db.execute(
      sql`select name, count(*)::int as n from pgboss.schedule group by name order by name`,
    )) as unknown as { name: string; n: number }[];
    // both instances called schedule() for every timer at start
    expect(rows.map((r) => r.name)).toEqual(
      expect.arrayContaining(['expire-requests', 'mail-digests', 'refresh-figures', 'review-overdue']),
    );
    expect(rows.every((r) => r.n === 1)).toBe(true);
  });

  it('SIGTERM during a slow request: readiness turns 503, the request finishes, then the process exits', async () => {
    // any ward: the first test took two of Adachi's off the board
    const [id] = await boardIds(a, 'sort=newest');
    expect(id).toBeDefined();
    const held = new Promise<void>((resolve) => (release = resolve));
    // the owner holds the table: b's read of this request waits on the lock, as a slow query would
    let locked: () => void = () => {};
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holding = db.handle.db.transaction(async (tx) => {
      await tx.execute(sql`lock table help_requests in access exclusive mode`);
      locked();
      await held;
    });
    await isLocked;
    let settled = '';
    const slow = fetch(`${b.baseUrl}/api/requests/${id}`).then(
      (res) => ((settled = `answered ${res.status}`), res),
      (err: unknown) => ((settled = `failed ${String(err)}`), Promise.reject(err)),
    );
    await vi.waitFor(
      async () => {
        expect(settled).toBe('');
        const waiting = (await db.handle.db.execute(
          sql`select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
        )) as unknown as unknown[];
        expect(waiting.length).toBeGreaterThan(0);
      },
      { timeout: 10_000, interval: 50 },
    );

    const exited = b.stop();
    await vi.waitFor(
      async () => {
        const ready = await fetch(`${b.baseUrl}/api/ready`);
        expect(ready.status).toBe(503);
        expect(await ready.json()).toMatchObject({ status: 'draining' });
      },
      { timeout: 5_000, interval: 50 },
    );
    expect((await fetch(`${a.baseUrl}/api/ready`)).status).toBe(200);

    release();
    await holding;
    const answer = await slow;
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ id });
    expect(await exited).toBe(0);
    await expect(fetch(`${b.baseUrl}/api/ready`)).rejects.toThrow();
  });
});
