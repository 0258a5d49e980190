import { startTestApp, type TestApp } from '@board/tests/harness/test-app';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { elevateWithin } from '../../src/database/door.ts';
import { newToken } from '../../src/modules/accounts/secrets.ts';
import { systemContext } from '../../src/services/context.ts';
import { rowsOf } from '../fuzz/fingerprint.ts';
import { actorOf, as, demoEmails, get, userIdOf } from '../kit/index.ts';

/**
 * The one database door: every system access (a whole transaction, or one step inside an actor's)
 * reaches the app's log with its reason, under the request it served; an actor's own work does
 * not; and a step's system rights end with the step, also when it fails.
 */

const lines: string[] = [];
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ env: { LOG_LEVEL: 'debug' }, logStream: { write: (line) => void lines.push(line) } });
});
afterAll(() => t.close());

type LogLine = { msg?: string; reqId?: string; systemAccess?: string; withinActorTransaction?: boolean };
const systemLines = (from: number): LogLine[] =>
  lines
    .slice(from)
    .map((l) => JSON.parse(l) as LogLine)
    .filter((l) => l.msg === 'system database access');

describe('system access is visible in the log', () => {
  it('a system transaction is logged with its reason, under the request it served', async () => {
    const from = lines.length;
    const res = await get(t, {}, `/api/invitations/preview?token=${newToken().token}`);
    expect(res.statusCode).toBe(410);
    const requestId = res.json().error.requestId as string;
    expect(systemLines(from)).toEqual([
      expect.objectContaining({
        reqId: requestId,
        systemAccess: 'preview an invitation by its token',
        withinActorTransaction: false,
      }),
    ]);
  });

  it("a system step inside an actor's transaction is logged as such", async () => {
    const volunteerId = await userIdOf(t, demoEmails.volunteer1);
    const headers = await as(t, demoEmails.officerSenju);
    const from = lines.length;
    const res = await get(t, headers, `/api/volunteers/${volunteerId}`);
    expect(res.statusCode).toBe(200);
    expect(systemLines(from)).toContainEqual(
      expect.objectContaining({ systemAccess: 'is this person a volunteer', withinActorTransaction: true }),
    );
  });

  it("an actor's own work logs no system access, recognising them included", async () => {
    const headers = await as(t, demoEmails.volunteer1);
    const from = lines.length;
    const res = await get(t, headers, '/api/me');
    expect(res.statusCode).toBe(200);
    expect(lines.length).toBeGreaterThan(from); // the request itself was logged
    // the session lives in a system-only table (0010); the function session_actor (0038) reads it
    // for this one person and returns only their hats: no system access of the app's
    expect(systemLines(from)).toEqual([]);
  });
});

describe('a system step ends with itself', () => {
  const systemFlag = async (tx: Parameters<typeof elevateWithin>[0]) => {
    const result = await tx.execute(sql`select current_setting('app.system', true) as flag`);
    return rowsOf<{ flag: string }>(result)[0]!.flag;
  };

  it('the rights are switched off after the step, also when the step throws', async () => {
    const actor = await actorOf(t, await userIdOf(t, demoEmails.volunteer1));
    const flags = await systemContext(t.app).door.asActor(actor, async (tx) => {
      const during = await elevateWithin(tx, 'test: a step that works', () => systemFlag(tx));
      const afterSuccess = await systemFlag(tx);
      const thrown = await elevateWithin(tx, 'test: a step that throws', async () => {
        throw new Error('the step failed');
      }).catch((err: unknown) => err as Error);
      return { during, afterSuccess, thrown: thrown.message, afterFailure: await systemFlag(tx) };
    });
    expect(flags).toEqual({ during: 'on', afterSuccess: 'off', thrown: 'the step failed', afterFailure: 'off' });
  });
});
