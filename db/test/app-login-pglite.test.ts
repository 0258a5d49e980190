import {
  anonymousAccess,
  createDatabase,
  migrateDatabase,
  openAppDatabase,
  schema,
  withAccess,
  type DatabaseHandle,
} from '@board/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemo, seedMunicipalities } from '../src/seed/seed.ts';

/*
 * Embedded PGlite has one connection and no login roles: after migrating and seeding as the
 * superuser, openAppDatabase switches that connection to board_app for the rest of the session.
 */

let handle: DatabaseHandle;

beforeAll(async () => {
  const owner = createDatabase({ dataDir: 'memory://' });
  await migrateDatabase(owner);
  await seedMunicipalities(owner.db);
  await seedDemo(owner.db);
  handle = await openAppDatabase(owner, {});
}, 180_000);

afterAll(() => handle?.close());

it('serves as board_app after seeding: a query without claims sees nobody', async () => {
  const result: unknown = await handle.db.execute(sql`select current_user`);
  expect((result as { rows: { current_user: string }[] }).rows[0]!.current_user).toBe('board_app');
  expect(await handle.db.select().from(schema.users)).toEqual([]);
  expect(await handle.db.select().from(schema.refreshTokens)).toEqual([]);
});

it("a transaction's claims still apply and end with it", async () => {
  const [someone] = await withAccess(handle.db, { ...anonymousAccess, system: true }, (tx) =>
    tx.select({ id: schema.users.id }).from(schema.users).limit(1),
  );
  const seen = await withAccess(handle.db, { ...anonymousAccess, userId: someone!.id }, (tx) =>
    tx.select({ id: schema.users.id }).from(schema.users),
  );
  expect(seen).toEqual([{ id: someone!.id }]);
  expect(await handle.db.select().from(schema.users)).toEqual([]);
});
