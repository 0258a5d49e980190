import { migrateDatabase, rowsOf, schema } from '@board/db';
import { bothEngines, useEngine } from '@board/tests/harness/engines';
import { count, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { demoAccounts, demoAssociations, demoRequests } from '../src/seed/demo-data.ts';
import { seedDemo, seedMunicipalities } from '../src/seed/seed.ts';

/** The DB layer must behave the same on a real PostgreSQL server and on embedded PGlite. */
const engines = bothEngines;

describe.each(engines)('database on $name', (engine) => {
  const database = useEngine(engine);

  it('answers a ping', async () => {
    await expect(database.handle.ping()).resolves.toBeUndefined();
  });

  it('migrations are idempotent', async () => {
    await expect(migrateDatabase(database.handle)).resolves.toBeUndefined();
  });

  it('seeds all 62 municipalities and reseeding changes nothing', async () => {
    await seedMunicipalities(database.db);
    await seedMunicipalities(database.db);
    const [row] = await database.db.select({ n: count() }).from(schema.municipalities);
    expect(row!.n).toBe(62);
  });

  it('keeps a status staff changed when municipalities are reseeded', async () => {
    await database.db
      .update(schema.municipalities)
      .set({ status: 'paused' })
      .where(eq(schema.municipalities.code, '13123'));
    await seedMunicipalities(database.db);
    const [m] = await database.db.select().from(schema.municipalities).where(eq(schema.municipalities.code, '13123'));
    expect(m!.status).toBe('paused');
    expect(m!.nameJa).toBe('江戸川区');
  });

  it('seeds the demo once: 14 active, accounts per role, requests in several states', async () => {
    expect(await seedDemo(database.db)).toBe('seeded');
    expect(await seedDemo(database.db)).toBe('already present');
    const active = await database.db
      .select()
      .from(schema.municipalities)
      .where(eq(schema.municipalities.status, 'active'));
    expect(active).toHaveLength(14);
    const [users] = await database.db.select({ n: count() }).from(schema.users);
    expect(users!.n).toBe(demoAccounts.length);
    const hats = await database.db.select().from(schema.roleAssignments);
    const byRole = (role: string) => hats.filter((h) => h.role === role);
    expect(byRole('foundation_staff')).toHaveLength(1);
    expect(new Set(byRole('municipal_staff').map((h) => h.municipalityCode))).toEqual(new Set(['13121', '13104']));
    expect(byRole('officer')).toHaveLength(4);
    expect(byRole('officer').every((h) => h.associationId && h.municipalityCode)).toBe(true);
    expect(byRole('volunteer').length).toBeGreaterThanOrEqual(5);
    const [associations] = await database.db.select({ n: count() }).from(schema.associations);
    expect(associations!.n).toBe(demoAssociations.length);
    const requests = await database.db.select().from(schema.helpRequests);
    expect(requests).toHaveLength(demoRequests.length);
    expect(new Set(requests.map((r) => r.status)).size).toBeGreaterThanOrEqual(4);
  });

  it('rejects a second account with the same email', async () => {
    await expect(
      database.db.insert(schema.users).values({ email: demoAccounts[0]!.email, displayName: 'copy' }),
    ).rejects.toThrow();
  });

  it('keeps every GIN index’s pending list short (migration 0039)', async () => {
    const gin = rowsOf<{ name: string; options: string[] | null }>(
      await database.db.execute(sql`
        select c.relname as name, c.reloptions as options
        from pg_class c join pg_am am on am.oid = c.relam join pg_namespace n on n.oid = c.relnamespace
        where am.amname = 'gin' and n.nspname = 'public' order by c.relname`),
    );
    expect(gin.map((index) => index.name)).toContain('help_requests_board_search_idx');
    for (const index of gin) expect(index.options, index.name).toContain('gin_pending_list_limit=128');
  });
});
