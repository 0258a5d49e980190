import { schema } from '@board/db';
import { AuditLogPage, ErrorBody } from '@board/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '../../src/modules/help-requests/views.ts';
import { answer, as, demoEmails, get, useApiApp, userIdOf } from '../kit/index.ts';

/**
 * The audit log's filters (issue 15) and its keyset paging (issue 9): by action (a group or one),
 * by days in Tokyo time, `cursor`/`nextCursor` stable under equal timestamps, never past the
 * reader's municipality, and bad input refused with a field code the web translates.
 */

const t = useApiApp();

// one moment for many entries (as one transaction writes them), and the edges of a Tokyo day
const sameMoment = new Date('2026-03-10T01:00:00.123456Z');
const lastMinuteOfMarch1 = new Date('2026-03-01T14:59:59Z'); // 23:59:59 on 1 March in Tokyo
const firstMomentOfMarch2 = new Date('2026-03-01T15:00:00Z'); // 00:00 on 2 March in Tokyo

beforeAll(async () => {
  const adachi = await userIdOf(t, demoEmails.staffAdachi);
  const shinjuku = await userIdOf(t, demoEmails.staffShinjuku);
  const rows: (typeof schema.auditLog.$inferInsert)[] = [];
  for (let i = 0; i < 12; i++) {
    rows.push({
      actorId: adachi,
      action: 'request.approve',
      municipalityCode: '13121',
      at: sameMoment,
      details: { i },
    });
    rows.push({
      actorId: shinjuku,
      action: 'request.approve',
      municipalityCode: '13104',
      at: sameMoment,
      details: { i },
    });
  }
  rows.push(
    { actorId: adachi, action: 'flag.hide', municipalityCode: '13121', at: lastMinuteOfMarch1, details: {} },
    { actorId: adachi, action: 'flag.dismiss', municipalityCode: '13121', at: firstMomentOfMarch2, details: {} },
    { actorId: adachi, action: 'staff.sign_in', municipalityCode: '13121', at: firstMomentOfMarch2, details: {} },
    { actorId: shinjuku, action: 'flag.hide', municipalityCode: '13104', at: firstMomentOfMarch2, details: {} },
  );
  await t.database.handle.db.insert(schema.auditLog).values(rows);
});

async function list(email: string, query: string) {
  const res = await get(t, await as(t, email), `/api/audit-log?${query}`);
  return { res, body: res.statusCode === 200 ? AuditLogPage.parse(res.json()) : null };
}

/** Every page of a listing, following `nextCursor`. */
async function allPages(email: string, query: string) {
  const pages = [];
  let cursor: string | null = null;
  do {
    const { body } = await list(email, `${query}${cursor ? `&cursor=${cursor}` : ''}`);
    pages.push(body!);
    cursor = body!.nextCursor;
  } while (cursor && pages.length < 20);
  return pages;
}

describe('paging by cursor', () => {
  it('takes entries of one moment across pages once each, later entries first', async () => {
    const pages = await allPages(demoEmails.staffAdachi, 'action=request.approve&limit=5');
    expect(pages.map((p) => p.items.length)).toEqual([5, 5, 2]);
    const ids = pages.flatMap((p) => p.items.map((e) => e.id));
    expect(new Set(ids).size).toBe(12);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(pages.flatMap((p) => p.items).every((e) => e.municipalityCode === '13121')).toBe(true);
  });

  it("never passes the reader's municipality, even from a cursor at another ward's entry", async () => {
    const shinjuku = (await list(demoEmails.foundation, 'municipalityCode=13104&action=request.approve&limit=1')).body!;
    const theirs = shinjuku.items[0]!;
    expect(theirs.municipalityCode).toBe('13104');
    // a cursor of the staff member's own listing, standing at the other ward's entry
    const cursor = encodeCursor('audit::request.approve::', {
      sortKey: '2026-03-10 01:00:00.123456+00',
      id: String(theirs.id),
    });
    const { body } = await list(demoEmails.staffAdachi, `action=request.approve&cursor=${cursor}`);
    expect(body!.items.length).toBeGreaterThan(0);
    expect(body!.items.every((e) => e.municipalityCode === '13121')).toBe(true);
    expect(body!.items.every((e) => e.id < theirs.id)).toBe(true);
    // naming the other ward is refused outright
    const other = await list(demoEmails.staffAdachi, 'municipalityCode=13104&action=request.approve');
    expect(other.res.statusCode).toBe(403);
    expect(other.res.body).not.toContain('"13104"');
  });

  it('refuses a cursor made for other filters (400, field cursor)', async () => {
    const first = (await list(demoEmails.staffAdachi, 'action=request.approve&limit=5')).body!;
    const res = (await list(demoEmails.staffAdachi, `action=flags&cursor=${first.nextCursor}`)).res;
    expect(answer(res, 400, ErrorBody).error.fields).toEqual([{ field: 'cursor', code: 'CURSOR_INVALID' }]);
  });
});

describe('filters', () => {
  it('by a group of actions or by one action', async () => {
    const group = (await list(demoEmails.staffAdachi, 'action=flags')).body!;
    expect(group.items.map((e) => e.action).sort()).toEqual(['flag.dismiss', 'flag.hide']);
    const one = (await list(demoEmails.staffAdachi, 'action=flag.hide')).body!;
    expect(one.items.map((e) => e.action)).toEqual(['flag.hide']);
    const foundation = (await list(demoEmails.foundation, 'action=flag.hide')).body!;
    expect(foundation.items.map((e) => e.municipalityCode).sort()).toEqual(['13104', '13121']);
  });

  it('by days in Tokyo time, both days included', async () => {
    const march2 = (await list(demoEmails.staffAdachi, 'from=2026-03-02&to=2026-03-02')).body!;
    expect(march2.items.map((e) => e.action).sort()).toEqual(['flag.dismiss', 'staff.sign_in']);
    const march1 = (await list(demoEmails.staffAdachi, 'to=2026-03-01')).body!;
    expect(march1.items.map((e) => e.at)).toContain(lastMinuteOfMarch1.toISOString());
    expect(march1.items.every((e) => e.at <= lastMinuteOfMarch1.toISOString())).toBe(true);
    const fromMarch2 = (await list(demoEmails.staffAdachi, 'from=2026-03-02&action=flags')).body!;
    expect(fromMarch2.items.map((e) => e.action)).toEqual(['flag.dismiss']);
  });

  it('takes empty fields (a GET form without JavaScript) as no filter', async () => {
    const blank = (await list(demoEmails.staffAdachi, 'action=&from=&to=&municipalityCode=&cursor=&limit=200')).body!;
    const none = (await list(demoEmails.staffAdachi, 'limit=200')).body!;
    expect(blank.items.map((e) => e.id)).toEqual(none.items.map((e) => e.id));
    expect(none.items.length).toBeGreaterThanOrEqual(15);
  });

  it.each([
    ['an unknown action', 'action=request.approve2', { action: 'AUDIT_ACTION_INVALID' }],
    ['an impossible day', 'from=2026-02-30', { from: 'DATE_INVALID' }],
    ['a day in the wrong shape', 'to=18/07/2026', { to: 'DATE_INVALID' }],
    ['a range backwards', 'from=2026-03-02&to=2026-03-01', { to: 'DATE_RANGE_INVALID' }],
    ['a cursor that is not one', 'cursor=not-a-cursor', { cursor: 'CURSOR_INVALID' }],
  ])('refuses %s with 400 and a field code', async (_name, query, fields) => {
    const { res } = await list(demoEmails.staffAdachi, query);
    const error = answer(res, 400, ErrorBody).error;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(Object.fromEntries((error.fields ?? []).map((f) => [f.field, f.code]))).toEqual(fields);
  });
});
