import { schema } from '@board/db';
import { AuditLogPage } from '@board/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { as, demoEmails, get, useApiApp, userIdOf } from '../kit/index.ts';

const t = useApiApp();
let volunteerId: string;
beforeAll(async () => {
  volunteerId = await userIdOf(t, demoEmails.volunteer1);
  const staffId = await userIdOf(t, demoEmails.staffAdachi);
  const shinjukuId = await userIdOf(t, demoEmails.staffShinjuku);
  const rows = [];
  for (let i = 0; i < 30; i++) {
    rows.push({ actorId: staffId, action: 'test.adachi', municipalityCode: '13121', details: { i } });
    rows.push({ actorId: shinjukuId, action: 'test.shinjuku', municipalityCode: '13104', details: { i } });
  }
  rows.push({ actorId: volunteerId, action: 'me.export', municipalityCode: null, details: {} });
  await t.database.handle.db.insert(schema.auditLog).values(rows);
});

async function page(email: string, query = '') {
  const res = await get(t, await as(t, email), `/api/audit-log${query}`);
  return { res, body: res.statusCode === 200 ? AuditLogPage.parse(res.json()) : null };
}

describe('listAuditLog', () => {
  it("gives municipal staff only their municipality's entries, newest first, with the actor's name", async () => {
    const { body } = await page(demoEmails.staffAdachi, '?limit=200');
    expect(body!.items.length).toBe(30);
    expect(body!.items.every((e) => e.municipalityCode === '13121')).toBe(true);
    const ids = body!.items.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(body!.items[0]).toMatchObject({ actorName: '足立区 地域調整課 佐藤', action: 'test.adachi' });
    expect(body!.nextCursor).toBeNull();
  });

  it('pages with cursor / nextCursor', async () => {
    const first = (await page(demoEmails.staffShinjuku, '?limit=20')).body!;
    expect(first.items).toHaveLength(20);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await page(demoEmails.staffShinjuku, `?limit=20&cursor=${first.nextCursor}`)).body!;
    expect(second.items).toHaveLength(10);
    expect(second.nextCursor).toBeNull();
    const all = [...first.items, ...second.items].map((e) => e.id);
    expect(new Set(all).size).toBe(30);
  });

  it('gives foundation staff everything, including entries outside any municipality, or one municipality', async () => {
    const all = (await page(demoEmails.foundation, '?limit=200')).body!;
    const codes = new Set(all.items.map((e) => e.municipalityCode));
    expect(codes).toEqual(new Set(['13121', '13104', null]));
    const one = (await page(demoEmails.foundation, '?municipalityCode=13104&limit=200')).body!;
    expect(one.items.every((e) => e.municipalityCode === '13104')).toBe(true);
  });

  it("refuses another municipality's log and everyone who is not staff", async () => {
    const other = await page(demoEmails.staffAdachi, '?municipalityCode=13104');
    expect(other.res.statusCode).toBe(403);
    expect(other.res.body).not.toContain('test.shinjuku');
    for (const email of [demoEmails.volunteer1, demoEmails.officerSenju]) {
      expect((await page(email)).res.statusCode).toBe(403);
    }
    expect((await get(t, {}, '/api/audit-log')).statusCode).toBe(401);
  });
});
