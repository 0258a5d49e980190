import { boardStatuses, publicStatuses } from '@board/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@board/tests/harness/test-database';

/**
 * The board's rules are written once in shared/ and turned into SQL by db/src/schema/help-requests.ts;
 * the `board_requests` view was written in a migration. This proves the database says the same.
 */
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

async function predicateOf(query: string): Promise<string> {
  const result = await database.handle.db.execute(sql.raw(query));
  const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
  return (rows[0] as { def: string } | undefined)?.def ?? '';
}

function statesIn(definition: string): string[] {
  return [...definition.matchAll(/'([a-z_]+)'::request_status/g)].map((m) => m[1]!).sort();
}

describe('board rules in the database', () => {
  it('the board view lists exactly the shared boardStatuses, not hidden', async () => {
    const def = await predicateOf(`select pg_get_viewdef('board_requests'::regclass) as def`);
    expect(statesIn(def)).toEqual([...boardStatuses].sort());
    expect(def).toMatch(/hidden_at IS NULL/);
  });

  it('the board indexes carry the same predicate as the view', async () => {
    const def = await predicateOf(`select pg_get_indexdef('help_requests_board_newest_idx'::regclass) as def`);
    expect(statesIn(def)).toEqual([...boardStatuses].sort());
  });

  it('the read policy opens exactly the shared publicStatuses to everyone', async () => {
    const def = await predicateOf(
      `select qual as def from pg_policies where tablename = 'help_requests' and policyname = 'help_requests_read'`,
    );
    expect(statesIn(def)).toEqual([...publicStatuses].sort());
  });
});
