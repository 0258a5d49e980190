import { createDatabase, schema, type DatabaseHandle } from '@board/db';
import { buildApp } from '@board/server';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepExpiredCounters } from '../../src/limits/counters.ts';
import { rateLimits } from '../../src/modules/auth/rate-limits.ts';
import { useApiApp } from '../kit/index.ts';

const t = useApiApp();
let secondDatabase: DatabaseHandle;
let second: FastifyInstance;
beforeAll(async () => {
  // another server instance: its own app and connection pool, the same database
  secondDatabase = createDatabase({ url: t.database.url, maxConnections: 2 });
  second = await buildApp(t.config, { database: secondDatabase });
  await second.ready();
});
afterAll(async () => {
  await second.close();
  await secondDatabase.close();
});

function signIn(app: FastifyInstance, remoteAddress: string, n: number) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email: `shared-${n}@example.org`, password: 'not the password' },
    remoteAddress,
  });
}

describe('rate-limit counters are shared by every server instance', () => {
  it('two instances on one database share one per-address quota', async () => {
    const ip = '192.0.2.77';
    const { max } = rateLimits.signInPerIp;
    const answers: number[] = [];
    for (let i = 0; i < max; i++) answers.push((await signIn(i % 2 ? second : t.app, ip, i)).statusCode);
    expect(answers).toEqual(Array(max).fill(401));
    expect((await signIn(t.app, ip, 100)).statusCode).toBe(429);
    expect((await signIn(second, ip, 101)).statusCode).toBe(429);
  });

  it('counters hold no email or address in clear, and ended windows are swept', async () => {
    const rows = await t.database.handle.db.select().from(schema.rateLimitCounters);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.key).not.toMatch(/192\.0\.2\.77|@example\.org/);

    await t.database.handle.db.execute(
      sql`update rate_limit_counters set window_ends_at = now() - interval '1 second' where key like 'route:%'`,
    );
    await sweepExpiredCounters(t.app.db);
    const left = await t.database.handle.db.select().from(schema.rateLimitCounters);
    expect(left.length).toBeGreaterThan(0);
    expect(left.filter((r) => r.key.startsWith('route:'))).toEqual([]);
  });

  it('the table is out of reach of request transactions (board_app)', async () => {
    const refused = await t.app
      .withSystemAccess((tx) => tx.select().from(schema.rateLimitCounters))
      .then(
        () => null,
        (err: unknown) => err as Error,
      );
    expect(String(refused?.cause)).toMatch(/permission denied/);
  });
});
