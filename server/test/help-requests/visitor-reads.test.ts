import { createDatabase, schema, type Database, type DatabaseHandle } from '@board/db';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { databaseDoor, elevateWithin } from '../../src/database/door.ts';
import { rowsOf } from '../fuzz/fingerprint.ts';
import { useApiApp } from '../kit/app.ts';
import { get } from '../kit/http.ts';
import { useDemoPeople } from '../kit/people.ts';
import { insertRequest } from '../kit/requests.ts';

/**
 * A visitor's reads (the public board and request pages) run statement by statement on the app's
 * login, without a transaction or claims (issue 14): row-level security alone keeps them public.
 */

const t = useApiApp();
const { officerSenju: officer } = useDemoPeople(t);
let ids: { published: string; draft: string; hidden: string };

interface Sent {
  text: string;
  connection: number;
}

/** The statements a handle's pool sends while `work` runs (postgres.js's debug hook). */
async function sentBy<T>(handle: DatabaseHandle, work: () => Promise<T>): Promise<{ result: T; sent: Sent[] }> {
  const client = (handle.db as unknown as { $client: { options: { debug: unknown } } }).$client;
  const sent: Sent[] = [];
  // not the request's: the harness asks the job queue whether mail is due after each answer, and
  // postgres.js reads the array types once on each new connection
  client.options.debug = (connection: number, text: string) => {
    if (!/pgboss\.|pg_catalog\.pg_type/.test(text)) sent.push({ text, connection });
  };
  try {
    return { result: await work(), sent };
  } finally {
    client.options.debug = false;
  }
}

const isTransactionOrClaims = (s: Sent) => /^\s*(begin|commit|rollback)\b|set_config\(/i.test(s.text);

beforeAll(async () => {
  ids = {
    published: (await insertRequest(t)).id,
    draft: (await insertRequest(t, { status: 'draft' })).id,
    hidden: (await insertRequest(t, { hiddenAt: new Date() })).id,
  };
});

describe('a visitor reads without a transaction', () => {
  it('a request page is one statement; the board page two, side by side', async () => {
    const page = await sentBy(t.appDatabase, () => get(t, {}, `/api/requests/${ids.published}`));
    expect(page.result.statusCode, page.result.body).toBe(200);
    expect(page.sent.filter(isTransactionOrClaims)).toEqual([]);
    expect(page.sent).toHaveLength(1);

    const board = await sentBy(t.appDatabase, () => get(t, {}, '/api/requests?q=テスト'));
    expect(board.result.statusCode, board.result.body).toBe(200);
    expect(board.sent.filter(isTransactionOrClaims)).toEqual([]);
    expect(board.sent).toHaveLength(2);
  });

  it('sees only what is public: a draft and a hidden request are 404, as in a transaction', async () => {
    for (const id of [ids.draft, ids.hidden]) {
      expect((await get(t, {}, `/api/requests/${id}`)).statusCode).toBe(404);
    }
    const listed = (await get(t, {}, '/api/requests?limit=50&q=テスト')).json() as { items: { id: string }[] };
    expect(listed.items.map((r) => r.id)).toContain(ids.published);
    expect(listed.items.map((r) => r.id)).not.toContain(ids.draft);
    expect(listed.items.map((r) => r.id)).not.toContain(ids.hidden);
  });

  it('a query that forgets its WHERE sees no one’s email and no draft', async () => {
    const door = databaseDoor(t.appDatabase.db, t.app.log);
    const { users, requests } = await door.readAs(null, async (db) => ({
      users: await db.select({ email: schema.users.email }).from(schema.users),
      requests: await db.select({ id: schema.helpRequests.id }).from(schema.helpRequests),
    }));
    expect(users).toEqual([]);
    const seen = requests.map((r) => r.id);
    expect(seen).toContain(ids.published);
    expect(seen).not.toContain(ids.draft);
  });

  it('claims a signed-in person set in a transaction do not outlive it on the pooled connection', async () => {
    const door = databaseDoor(t.appDatabase.db, t.app.log);
    // every pooled connection has run a system transaction, one a person's claims too
    const someone = { userId: '00000000-0000-4000-8000-000000000000', roles: [] };
    await Promise.all(
      Array.from({ length: 10 }, () =>
        door.asSystem('fill every pooled connection with a claim', (tx) => tx.execute(sql`select 1`)),
      ),
    );
    await door.asActor(someone, (tx) => tx.execute(sql`select 1`));
    const after = await door.readAs(null, async (db) =>
      Promise.all(
        Array.from({ length: 10 }, () =>
          db.execute(
            sql`select current_user as who, coalesce(current_setting('app.system', true), '') as system, coalesce(current_setting('app.user_id', true), '') as user`,
          ),
        ),
      ),
    );
    for (const result of after) {
      expect(rowsOf<{ who: string; system: string; user: string }>(result)).toEqual([
        { who: 'board_app', system: '', user: '' },
      ]);
    }
  });

  it('nothing can elevate outside a transaction', async () => {
    await expect(elevateWithin(t.appDatabase.db, 'a test', async () => 1)).rejects.toThrow(/not inside a transaction/);
  });

  it('a signed-in person is recognised in one statement, then reads in a transaction with their claims', async () => {
    const { result, sent } = await sentBy(t.appDatabase, () => get(t, officer, `/api/requests/${ids.draft}`));
    expect(result.statusCode, result.body).toBe(200);
    // who they are: one statement before any transaction (session_actor, migration 0038)
    expect(sent[0]?.text).toContain('from session_actor(');
    expect(sent.filter((s) => /^\s*begin/i.test(s.text))).toHaveLength(1);
    expect(sent.some((s) => s.text.includes("set_config('app.user_id'"))).toBe(true);
  });

  it('on a handle not opened as the app’s login, a visitor’s reads are a visitor’s transaction', async () => {
    const unchecked = createDatabase({ url: t.database.appUrl, maxConnections: 1 });
    try {
      const door = databaseDoor(unchecked.db, t.app.log);
      const { result, sent } = await sentBy(unchecked, () =>
        door.readAs(null, (db: Database) => db.select({ email: schema.users.email }).from(schema.users)),
      );
      expect(result).toEqual([]);
      expect(sent.some((s) => /^\s*begin/i.test(s.text))).toBe(true);
      expect(sent.some((s) => s.text.includes("set_config('app.system'"))).toBe(true);
    } finally {
      await unchecked.close();
    }
  });
});
