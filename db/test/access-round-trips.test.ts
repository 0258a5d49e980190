import { anonymousAccess, createDatabase, rowsOf, withAccess, type DatabaseHandle } from '@board/db';
import { bothEngines, useEngine } from '@board/tests/harness/engines';
import { createTestDatabase, type TestDatabase } from '@board/tests/harness/test-database';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The per-request cost of row-level security (issue 14): withAccess sends the role and claims
 * without waiting for them, so the work's first statement shares their round trip; it must
 * still run after them. And postgres.js prepares the statements (db/src/prepared.ts).
 */
const officer = {
  userId: '0190c7a0-0000-7000-8000-000000000001',
  foundation: false,
  staffMunicipalities: ['13121', '13104'],
  officerAssociations: [],
};

const whoAmI = sql`select current_user as role, current_setting('app.user_id', true) as user_id,
  current_setting('app.staff_municipalities', true) as staff`;

describe.each(bothEngines)('withAccess on $name', (engine) => {
  const database = useEngine(engine);

  it("runs the work's first statement as board_app with the actor's claims, even on the owner's login", async () => {
    const [first] = rowsOf(await withAccess(database.db, officer, (tx) => tx.execute(whoAmI)));
    expect(first).toEqual({ role: 'board_app', user_id: officer.userId, staff: '13121,13104' });
    // statements sent together in the work see the claims too
    const both = await withAccess(database.db, officer, (tx) => Promise.all([tx.execute(whoAmI), tx.execute(whoAmI)]));
    expect(both.map((r) => rowsOf<{ staff: string }>(r)[0]!.staff)).toEqual(['13121,13104', '13121,13104']);
  });

  it('a failing work rolls back and leaves nothing for the next transaction', async () => {
    await expect(withAccess(database.db, officer, (tx) => tx.execute(sql`select 1 / 0`))).rejects.toThrow();
    const [after] = rowsOf(await withAccess(database.db, anonymousAccess, (tx) => tx.execute(whoAmI)));
    expect(after).toEqual({ role: 'board_app', user_id: '', staff: '' });
  });
});

describe('prepared statements on PostgreSQL', () => {
  let test: TestDatabase;
  const unprepared = () => createDatabase({ url: test.url, maxConnections: 1, prepare: false });
  beforeAll(async () => {
    test = await createTestDatabase();
  }, 60_000);
  afterAll(() => test.drop());

  /**
   * The named statements with parameters of the connection a transaction runs on, after the
   * claims and `work` ran twice (postgres.js names a few of its own without parameters, e.g. commit).
   */
  async function preparedOn(handle: DatabaseHandle): Promise<string[]> {
    const byId = sql`select code from municipalities where code = ${'13121'}`;
    await withAccess(handle.db, officer, (tx) => tx.execute(byId));
    const result = await withAccess(handle.db, officer, async (tx) => {
      await tx.execute(byId);
      return tx.execute(sql`select statement from pg_prepared_statements where from_sql = false`);
    });
    return rowsOf<{ statement: string }>(result)
      .map((r) => r.statement.replace(/\s+/g, ' '))
      .filter((s) => s.includes('$1'));
  }

  it('prepares the claims and the queries with parameters, inside transactions', async () => {
    const handle = createDatabase({ url: test.url, maxConnections: 1 });
    try {
      const statements = await preparedOn(handle);
      expect(statements.some((s) => s.startsWith("select set_config('role', 'board_app', true)"))).toBe(true);
      expect(statements).toContain('select code from municipalities where code = $1');
    } finally {
      await handle.close();
    }
  });

  it('prepares nothing when told not to (PgBouncer before 1.21 in transaction mode)', async () => {
    const handle = unprepared();
    try {
      expect(await preparedOn(handle)).toEqual([]);
    } finally {
      await handle.close();
    }
  });
});
