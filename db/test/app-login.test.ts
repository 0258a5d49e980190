import {
  anonymousAccess,
  assertSubjectToRowSecurity,
  createDatabase,
  schema,
  systemAccess,
  withAccess,
  type AccessContext,
  type DatabaseHandle,
} from '@board/db';
import { createTestDatabase, type TestDatabase } from '@board/tests/harness/test-database';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo, seedMunicipalities } from '../src/seed/seed.ts';

/*
 * The app's own login (board_app) on real PostgreSQL: it cannot step outside row-level security,
 * and the private tables show a query that forgets its WHERE only what its claims allow.
 */

let test: TestDatabase;
let app: DatabaseHandle;
let ids: { volunteer1: string; volunteer2: string; senjuOfficer: string; senju: string };

const asPerson = (userId: string, more: Partial<AccessContext> = {}): AccessContext => ({
  ...anonymousAccess,
  userId,
  ...more,
});

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

beforeAll(async () => {
  test = await createTestDatabase();
  const owner = test.handle.db;
  await seedMunicipalities(owner);
  await seedDemo(owner);
  const person = async (email: string) =>
    (await owner.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, email)))[0]!.id;
  const senjuOfficer = await person('officer.senju@demo.example');
  const [senju] = await owner
    .select({ id: schema.roleAssignments.associationId })
    .from(schema.roleAssignments)
    .where(and(eq(schema.roleAssignments.userId, senjuOfficer), eq(schema.roleAssignments.role, 'officer')));
  ids = {
    volunteer1: await person('volunteer1@demo.example'),
    volunteer2: await person('volunteer2@demo.example'),
    senjuOfficer,
    senju: senju!.id!,
  };
  for (const id of [ids.volunteer1, ids.volunteer2]) {
    await owner
      .insert(schema.volunteerProfiles)
      .values({ userId: id, bio: `bio of ${id}` })
      .onConflictDoNothing();
    await owner.insert(schema.oneTimeTokens).values({
      userId: id,
      purpose: 'password_reset',
      tokenHash: `reset-${id}`,
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    await owner.insert(schema.refreshTokens).values({
      userId: id,
      familyId: id,
      tokenHash: `refresh-${id}`,
      expiresAt: new Date(Date.now() + 3_600_000),
    });
  }
  // volunteer1 raises a hand on one of 千住一丁目町会's requests; volunteer2 does nothing there
  const [request] = await owner
    .select()
    .from(schema.helpRequests)
    .where(eq(schema.helpRequests.associationId, ids.senju))
    .limit(1);
  await owner.insert(schema.applications).values({
    requestId: request!.id,
    volunteerId: ids.volunteer1,
    municipalityCode: request!.municipalityCode,
    associationId: ids.senju,
    message: 'I can help',
  });
  app = createDatabase({ url: test.appUrl, maxConnections: 2 });
}, 120_000);

afterAll(async () => {
  await app?.close();
  await test?.drop();
});

describe("the app's login cannot bypass row-level security", () => {
  it('is board_app: no superuser, no BYPASSRLS, owns no table (the owner is refused)', async () => {
    const [me] = rowsOf<{ current_user: string }>(await app.db.execute(sql`select current_user`));
    expect(me!.current_user).toBe('board_app');
    await expect(assertSubjectToRowSecurity(app)).resolves.toBeUndefined();
    await expect(assertSubjectToRowSecurity(test.handle)).rejects.toThrow(/could bypass row-level security/);
  });

  it('cannot become the migration owner', async () => {
    const [owner] = rowsOf<{ current_user: string }>(await test.handle.db.execute(sql`select current_user`));
    expect(owner!.current_user).not.toBe('board_app');
    for (const become of [`set role "${owner!.current_user}"`, `set session authorization "${owner!.current_user}"`]) {
      await expect(app.db.execute(sql.raw(become))).rejects.toMatchObject({ cause: { code: '42501' } });
    }
  });

  it('cannot switch row-level security off or take a table over', async () => {
    await expect(app.db.execute(sql`alter table users disable row level security`)).rejects.toMatchObject({
      cause: { code: '42501' },
    });
    // with row_security off, a query its policies would filter fails instead of seeing everything
    await expect(
      app.db.transaction(async (tx) => {
        await tx.execute(sql`set local row_security = off`);
        return tx.select().from(schema.users);
      }),
    ).rejects.toMatchObject({ cause: { code: '42501' } });
  });

  it('outside any access context sees no person, profile, token or counter', async () => {
    expect(await app.db.select().from(schema.users)).toEqual([]);
    expect(await app.db.select().from(schema.volunteerProfiles)).toEqual([]);
    expect(await app.db.select().from(schema.oneTimeTokens)).toEqual([]);
    expect(await app.db.select().from(schema.refreshTokens)).toEqual([]);
    expect(await app.db.select().from(schema.rateLimitCounters)).toEqual([]);
  });
});

describe('a query that forgets its WHERE sees only what the actor may see', () => {
  it("a volunteer sees their own email and nobody else's", async () => {
    const rows = await withAccess(app.db, asPerson(ids.volunteer2), (tx) =>
      tx.select({ id: schema.users.id, email: schema.users.email }).from(schema.users),
    );
    expect(rows).toEqual([{ id: ids.volunteer2, email: 'volunteer2@demo.example' }]);
    const profiles = await withAccess(app.db, asPerson(ids.volunteer2), (tx) =>
      tx.select().from(schema.volunteerProfiles),
    );
    expect(profiles.map((p) => p.userId)).toEqual([ids.volunteer2]);
  });

  it('an officer sees who applied to their association, not every volunteer', async () => {
    const officer = asPerson(ids.senjuOfficer, { officerAssociations: [ids.senju] });
    const people = await withAccess(app.db, officer, (tx) => tx.select({ id: schema.users.id }).from(schema.users));
    const seen = people.map((p) => p.id);
    expect(seen).toContain(ids.senjuOfficer);
    expect(seen).toContain(ids.volunteer1);
    expect(seen).not.toContain(ids.volunteer2);
    const profiles = await withAccess(app.db, officer, (tx) => tx.select().from(schema.volunteerProfiles));
    expect(profiles.map((p) => p.userId)).toEqual([ids.volunteer1]);
  });

  it("nobody writes another person's row or profile", async () => {
    const changed = await withAccess(app.db, asPerson(ids.volunteer2), (tx) =>
      tx.update(schema.users).set({ displayName: 'taken over' }).returning({ id: schema.users.id }),
    );
    expect(changed).toEqual([{ id: ids.volunteer2 }]);
    await expect(
      withAccess(app.db, asPerson(ids.volunteer2), (tx) =>
        tx.insert(schema.volunteerProfiles).values({ userId: ids.volunteer1, bio: 'not mine' }).onConflictDoNothing(),
      ),
    ).rejects.toMatchObject({ cause: { code: '42501' } });
  });
});

describe('the token tables are system-only', () => {
  it("a person's own tokens are invisible and unwritable without system access", async () => {
    const me = asPerson(ids.volunteer1);
    expect(await withAccess(app.db, me, (tx) => tx.select().from(schema.oneTimeTokens))).toEqual([]);
    expect(await withAccess(app.db, me, (tx) => tx.select().from(schema.refreshTokens))).toEqual([]);
    const foundation = { ...anonymousAccess, foundation: true };
    expect(await withAccess(app.db, foundation, (tx) => tx.select().from(schema.refreshTokens))).toEqual([]);
    await expect(
      withAccess(app.db, me, (tx) =>
        tx.insert(schema.oneTimeTokens).values({
          userId: ids.volunteer1,
          purpose: 'sign_in_link',
          tokenHash: 'forged',
          expiresAt: new Date(Date.now() + 60_000),
        }),
      ),
    ).rejects.toMatchObject({ cause: { code: '42501' } });
  });

  it('system access finds a token by its hash', async () => {
    const rows = await withAccess(app.db, systemAccess, (tx) =>
      tx
        .select({ userId: schema.oneTimeTokens.userId })
        .from(schema.oneTimeTokens)
        .where(eq(schema.oneTimeTokens.tokenHash, `reset-${ids.volunteer1}`)),
    );
    expect(rows).toEqual([{ userId: ids.volunteer1 }]);
  });
});
