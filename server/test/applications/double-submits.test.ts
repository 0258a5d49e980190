import { schema } from '@board/db';
import { and, count, eq, type SQL } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useApiApp } from '../kit/app.ts';
import { errorCode, get, post } from '../kit/http.ts';
import { as, associationIdOf, demoEmails, freshEmail } from '../kit/people.ts';
import { insertRequest } from '../kit/requests.ts';

/**
 * Double submits (a double click, a retried form) on real PostgreSQL: N identical requests at once
 * make one row; the others get the same clear 409 as a later repeat would. The rule lives in the
 * database (partial unique indexes, migration 0007), not only in a check before the insert.
 */

const t = useApiApp();

const copies = 8;

async function atOnce(headers: Record<string, string>, url: string, payload: object) {
  const answers = await Promise.all(Array.from({ length: copies }, () => post(t, headers, url, payload)));
  return answers.map((res) => (res.statusCode === 409 ? `409 ${errorCode(res)}` : String(res.statusCode))).sort();
}

async function rows(table: typeof schema.flags | typeof schema.associations | typeof schema.invitations, where: SQL) {
  const [row] = await t.database.handle.db.select({ n: count() }).from(table).where(where);
  return row!.n;
}

const conflicts = (code: string) => Array.from({ length: copies - 1 }, () => `409 ${code}`);

describe('double submits make one row', () => {
  it('flags: one open flag per person and item', async () => {
    const request = await insertRequest(t);
    const answers = await atOnce(await as(t, demoEmails.volunteer1), '/api/flags', {
      targetType: 'request',
      targetId: request.id,
      reason: '連絡先が本文に書かれています',
    });
    expect(answers).toEqual([...conflicts('ALREADY_FLAGGED'), '201'].sort());
    expect(await rows(schema.flags, eq(schema.flags.targetId, request.id))).toBe(1);
  });

  it('associations: one association of a name per municipality', async () => {
    const name = `二重登録町会 ${Date.now().toString(36)}`;
    const answers = await atOnce(await as(t, demoEmails.staffAdachi), '/api/associations', {
      municipalityCode: '13121',
      name,
      area: '一丁目',
    });
    expect(answers).toEqual([...conflicts('CONFLICT'), '201'].sort());
    const where = and(eq(schema.associations.municipalityCode, '13121'), eq(schema.associations.name, name))!;
    expect(await rows(schema.associations, where)).toBe(1);
  });

  it('invitations: one open invitation per address and hat, and one mail', async () => {
    const email = freshEmail('double');
    const associationId = await associationIdOf(t, '千住一丁目町会');
    const answers = await atOnce(await as(t, demoEmails.staffAdachi), '/api/invitations/officers', {
      email,
      associationId,
      language: 'ja',
    });
    expect(answers).toEqual([...conflicts('INVITATION_PENDING'), '201'].sort());
    expect(await rows(schema.invitations, eq(schema.invitations.email, email))).toBe(1);
    expect(t.mail.filter((m) => m.to === email)).toHaveLength(1);
  });

  it('an expired invitation does not block a new one, and still reads as expired', async () => {
    const email = freshEmail('expired');
    const associationId = await associationIdOf(t, '千住一丁目町会');
    const staff = await as(t, demoEmails.staffAdachi);
    const first = await post(t, staff, '/api/invitations/officers', { email, associationId, language: 'ja' });
    expect(first.statusCode).toBe(201);
    await t.database.handle.db
      .update(schema.invitations)
      .set({ expiresAt: new Date(Date.now() - 1_000) })
      .where(eq(schema.invitations.email, email));
    const second = await post(t, staff, '/api/invitations/officers', { email, associationId, language: 'ja' });
    expect(second.statusCode).toBe(201);
    const list = await get(t, staff, '/api/invitations?municipalityCode=13121');
    const states = (list.json().items as { email: string; state: string }[])
      .filter((i) => i.email === email)
      .map((i) => i.state)
      .sort();
    expect(states).toEqual(['expired', 'pending']);
  });
});

describe('help_requests: matched_count stays within 0…slots', () => {
  it('the database refuses more matches than slots, and fewer than none', async () => {
    const request = await insertRequest(t, { slots: 2 });
    const setMatched = (n: number) =>
      t.database.handle.db
        .update(schema.helpRequests)
        .set({ matchedCount: n })
        .where(eq(schema.helpRequests.id, request.id));
    await expect(setMatched(2)).resolves.toBeDefined();
    await expect(setMatched(3)).rejects.toMatchObject({ cause: { code: '23514' } });
    await expect(setMatched(-1)).rejects.toMatchObject({ cause: { code: '23514' } });
    const [row] = await t.database.handle.db
      .select({ matched: schema.helpRequests.matchedCount })
      .from(schema.helpRequests)
      .where(eq(schema.helpRequests.id, request.id));
    expect(row!.matched).toBe(2);
  });
});
