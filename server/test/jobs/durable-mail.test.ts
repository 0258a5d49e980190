import { jobQueueConnection, jobSchema } from '@board/db';
import { seedDemo, seedMunicipalities } from '@board/db/seed/seed';
import { startServerProcess, type RunningServer } from '@board/tests/harness/production-server';
import { createTestDatabase, type TestDatabase } from '@board/tests/harness/test-database';
import { sql } from 'drizzle-orm';
import { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { demoEmails } from '../kit/people.ts';
import { startSmtpSink } from '@board/tests/harness/smtp-sink';

/**
 * Mail survives the server: the real server as its own process, on real PostgreSQL, sending
 * through real SMTP to a local sink. Slow (a process start each), so only these two stories.
 */
let db: TestDatabase;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
const running: RunningServer[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  await seedMunicipalities(db.handle.db);
  await seedDemo(db.handle.db);
  sink = await startSmtpSink();
}, 60_000);
afterAll(async () => {
  for (const server of running) await server.stop().catch(() => {});
  await sink?.close();
  await db?.drop();
});

async function server(env: Record<string, string>) {
  const started = await startServerProcess({
    DATABASE_URL: db.url,
    APP_DATABASE_URL: db.appUrl,
    SMTP_URL: sink.url,
    LOG_LEVEL: 'warn',
    ...env,
  });
  running.push(started);
  return started;
}

async function jobStates(queue: string) {
  const rows = await db.handle.db.execute(
    sql`select state from ${sql.raw(jobSchema)}.job where name = ${queue} order by created_on`,
  );
  return (rows as unknown as { state: string }[]).map((r) => r.state);
}

describe('a committed change’s mail is delivered exactly once, whatever happens to the server', () => {
  it('killed (SIGKILL) after the commit and before the mail went out: the next start delivers it once', async () => {
    const first = await server({ JOB_WORKERS: '0' });
    const res = await fetch(`${first.baseUrl}/api/auth/sign-in-link`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: demoEmails.volunteer1 }),
    });
    expect(res.status).toBe(202);
    await vi.waitFor(async () => expect(await jobStates('mail')).toEqual(['created']), { timeout: 10_000 });
    await first.crash();
    running.splice(running.indexOf(first), 1);
    expect(sink.received).toEqual([]);

    await server({});
    await vi.waitFor(() => expect(sink.received).toHaveLength(1), { timeout: 30_000, interval: 100 });
    expect(sink.received[0]).toMatchObject({ to: demoEmails.volunteer1 });
    expect(sink.received[0]!.text).toContain('/signin/link?token=');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(sink.received).toHaveLength(1);
    await vi.waitFor(async () => expect(await jobStates('mail')).toEqual(['completed']), { timeout: 10_000 });
  }, 240_000);

  it('two instances on one database: every job is done by one of them, once', async () => {
    sink.received.length = 0;
    // the instance started above is still running: this is the second, on the same database
    expect(running).toHaveLength(1);
    await server({});
    const count = 30;
    const boss = new PgBoss({ ...jobQueueConnection(db.handle), migrate: false, supervise: false, schedule: false });
    await boss.start();
    try {
      const mails = Array.from({ length: count }, (_, i) => ({
        data: { to: `twin-${i}@example.test`, subject: `twin ${i}`, text: 'body', municipalityCode: null },
      }));
      await boss.insert('mail', mails);
    } finally {
      await boss.stop({ graceful: false });
    }
    await vi.waitFor(() => expect(sink.received.length).toBeGreaterThanOrEqual(count), {
      timeout: 60_000,
      interval: 100,
    });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const addresses = sink.received.map((m) => m.to).filter((to) => to.startsWith('twin-'));
    expect(addresses).toHaveLength(count);
    expect(new Set(addresses).size).toBe(count);
  }, 240_000);
});
