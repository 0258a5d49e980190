import { schema, withAccess, anonymousAccess, systemAccess } from '@board/db';
import { bothEngines, useEngine } from '@board/tests/harness/engines';
import { boardStatuses } from '@board/shared';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo, seedMunicipalities } from '../src/seed/seed.ts';

const engines = bothEngines;

const adachiStaff = { userId: null, foundation: false, staffMunicipalities: ['13121'], officerAssociations: [] };

describe.each(engines)('row-level security on $name', (engine) => {
  const database = useEngine(engine);
  beforeAll(async () => {
    await seedMunicipalities(database.db);
    await seedDemo(database.db);
    // one invitation and one audit entry in each of the two demo municipalities
    for (const code of ['13121', '13104']) {
      await database.db.insert(schema.invitations).values({
        role: 'municipal_staff',
        email: `new.${code}@demo.example`,
        municipalityCode: code,
        tokenHash: `hash-${code}`,
        expiresAt: new Date(Date.now() + 86_400_000),
      });
      await database.db.insert(schema.auditLog).values({ action: 'test.event', municipalityCode: code });
    }
  }, 60_000);

  it('a query that forgets its WHERE still sees only its own municipality', async () => {
    const rows = await withAccess(database.db, adachiStaff, (tx) => tx.select().from(schema.invitations));
    expect(rows.map((r) => r.municipalityCode)).toEqual(['13121']);
    const audit = await withAccess(database.db, adachiStaff, (tx) => tx.select().from(schema.auditLog));
    expect(audit.map((r) => r.municipalityCode)).toEqual(['13121']);
  });

  it('drafts of another municipality stay hidden; published requests are public', async () => {
    const rows = await withAccess(database.db, adachiStaff, (tx) => tx.select().from(schema.helpRequests));
    const other = rows.filter((r) => r.municipalityCode !== '13121');
    expect(other.length).toBeGreaterThan(0);
    expect(other.every((r) => ['published', 'filled', 'completed'].includes(r.status))).toBe(true);
    const anonymous = await withAccess(database.db, anonymousAccess, (tx) => tx.select().from(schema.helpRequests));
    expect(anonymous.every((r) => ['published', 'filled', 'completed'].includes(r.status))).toBe(true);
    expect(anonymous.length).toBeLessThan(rows.length);
  });

  it('cannot write into another municipality', async () => {
    await expect(
      withAccess(database.db, adachiStaff, (tx) =>
        tx.insert(schema.associations).values({ municipalityCode: '13104', name: '越境町会' }),
      ),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/row-level security/) } });
    await expect(
      withAccess(database.db, adachiStaff, (tx) =>
        tx.insert(schema.associations).values({ municipalityCode: '13121', name: '新しい町会' }).returning(),
      ),
    ).resolves.toHaveLength(1);
  });

  it('cannot change another municipality’s invitations, even by id', async () => {
    const updated = await withAccess(database.db, adachiStaff, (tx) =>
      tx.update(schema.invitations).set({ revokedAt: new Date() }).returning(),
    );
    expect(updated.map((r) => r.municipalityCode)).toEqual(['13121']);
  });

  it('foundation staff read across municipalities; anonymous reads no invitations', async () => {
    const foundation = { ...anonymousAccess, foundation: true };
    const all = await withAccess(database.db, foundation, (tx) => tx.select().from(schema.invitations));
    expect(all).toHaveLength(2);
    expect(await withAccess(database.db, anonymousAccess, (tx) => tx.select().from(schema.invitations))).toHaveLength(
      0,
    );
    expect(await withAccess(database.db, systemAccess, (tx) => tx.select().from(schema.invitations))).toHaveLength(2);
  });

  it('the board view lists only open and filled requests, with public columns, and takes no writes', async () => {
    const listed = await withAccess(database.db, anonymousAccess, (tx) => tx.select().from(schema.boardRequests));
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((r) => boardStatuses.includes(r.status))).toBe(true);
    const columns = await database.db.execute(
      sql`select column_name from information_schema.columns where table_name = 'board_requests'`,
    );
    const names = (Array.isArray(columns) ? columns : (columns as { rows: unknown[] }).rows).map(
      (c) => (c as { column_name: string }).column_name,
    );
    expect(names).toContain('title');
    for (const secret of ['exact_place', 'status_reason', 'created_by', 'hidden_at'])
      expect(names).not.toContain(secret);
    // the view runs with its owner's rights: a write through it would skip the table's policies
    const id = listed[0]!.id;
    for (const write of [
      sql`update board_requests set title = '書き換え' where id = ${id}`,
      sql`delete from board_requests where id = ${id}`,
    ]) {
      await expect(withAccess(database.db, adachiStaff, (tx) => tx.execute(write))).rejects.toMatchObject({
        cause: { message: expect.stringMatching(/permission denied/) },
      });
    }
    const [still] = await database.db.select().from(schema.helpRequests).where(eq(schema.helpRequests.id, id));
    expect(still?.title).toBe(listed[0]!.title);
  });

  it('settings do not outlive their transaction', async () => {
    await withAccess(database.db, adachiStaff, async () => {});
    const rows = await withAccess(database.db, anonymousAccess, (tx) => tx.select().from(schema.auditLog));
    expect(rows).toHaveLength(0);
  });
});
