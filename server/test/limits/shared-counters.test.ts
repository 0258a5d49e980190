import { createDatabase, schema, type DatabaseHandle } from '@board/db';
import { buildApp } from '@board/server';
import { startTestApp, type TestApp } from '@board/tests/harness/test-app';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepExpiredCounters } from '../../src/limits/counters.ts';
import { rateLimits } from '../../src/modules/auth/rate-limits.ts';
import { systemContext } from '../../src/services/context.ts';

let t: TestApp;
let secondDatabase: DatabaseHandle;
let second: FastifyInstance;
beforeAll(async () => {
  t = await startTestApp({ demo: true });
  // another server instance: its own app and connection pool, the same database
  secondDatabase = createDatabase({ url: t.database.appUrl, maxConnections: 2 });
  second = await buildApp(t.config, { database: secondDatabase });
  await second.ready();
});
afterAll(async () => {
  await second.close();
  await secondDatabase.close();
  await t.close();
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

  it('the table is out of reach of request transactions: only system access counts (0010)', async () => {
    const door = systemContext(t.app).door;
    const foundation = {
      userId: 'ffffffff-ffff-4fff-8fff-ffffffffffff',
      roles: [{ role: 'foundation_staff' as const, municipalityCode: null, associationId: null }],
    };
    expect(await door.asActor(foundation, (tx) => tx.select().from(schema.rateLimitCounters))).toEqual([]);
    const refused = await door
      .asActor(foundation, (tx) =>
        tx.insert(schema.rateLimitCounters).values({ key: 'forged', hits: 0, windowEndsAt: new Date() }),
      )
      .then(
        () => null,
        (err: unknown) => err as Error,
      );
    expect(String(refused?.cause)).toMatch(/row-level security/);
    const counted = await door.asSystem('test: read the counters', (tx) => tx.select().from(schema.rateLimitCounters));
    expect(counted.length).toBeGreaterThan(0);
  });
});
