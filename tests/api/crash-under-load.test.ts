import { rowsOf } from '@board/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validInput } from '../../server/test/kit/requests.ts';
import { startServerProcess, type RunningServer } from '../src/harness/production-server.ts';
import { demoEmails, demoPassword } from '../src/harness/scene.ts';
import { createTestDatabase, type TestDatabase } from '../src/harness/test-database.ts';

/*
 * Issue 14, data safety: the server is killed (SIGKILL, no shutdown hook) while demo accounts
 * post requests, raise hands, accept and write messages through the HTTP API. Every write the
 * server acknowledged (2xx with the new id) must be in the database after a restart, and nothing
 * may be half-written: counters equal their rows, every thread belongs to a match.
 */

const officers = [
  { email: demoEmails.officerSenju, staff: demoEmails.staffAdachi },
  { email: demoEmails.officerUmeda, staff: demoEmails.staffAdachi },
  { email: demoEmails.officerYotsuya, staff: demoEmails.staffShinjuku },
];
const titlePrefix = '停電の備え ';
const volunteers = [demoEmails.volunteer1, demoEmails.volunteer2, demoEmails.volunteer3, demoEmails.volunteer4];

/** What the clients were told: each acknowledged write with the id it made or changed. */
interface Acknowledged {
  requests: string[];
  published: string[];
  applications: { id: string; requestId: string }[];
  accepted: string[];
  messages: { id: string; applicationId: string }[];
}

let database: TestDatabase;
let server: RunningServer;
const env = () => ({
  DATABASE_URL: database.url,
  APP_DATABASE_URL: database.appUrl,
  DEMO_DATA: '1',
  DEMO_HISTORY: '0',
  SERVE_WEB: '0',
  // one secret for both starts: the sessions opened before the kill still sign writes after the restart
  JWT_SECRET: 'crash-under-load-test-secret-0123456789',
});

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startServerProcess(env());
}, 200_000);
afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

async function signIn(baseUrl: string, email: string): Promise<Record<string, string>> {
  const res = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: demoPassword }),
  });
  if (!res.ok) throw new Error(`sign-in ${email}: ${res.status} ${await res.text()}`);
  const { accessToken } = (await res.json()) as { accessToken: string };
  return { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json', 'x-board-csrf': '1' };
}

/**
 * Officers' loops, side by side, until the server stops answering: post a request (two slots),
 * submit it, staff approve it, three volunteers raise hands, the officer accepts two, and both
 * sides of each match write a message. A write counts once its 2xx answer has arrived.
 */
function writeLoad(baseUrl: string, sessions: Map<string, Record<string, string>>) {
  const acked: Acknowledged = { requests: [], published: [], applications: [], accepted: [], messages: [] };
  const refused: string[] = [];
  let down = false;
  async function write(who: string, path: string, body: object = {}): Promise<{ id?: string } | undefined> {
    let res: Response;
    try {
      res = await fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: sessions.get(who)!,
        body: JSON.stringify(body),
      });
    } catch {
      down = true; // killed: this write was never acknowledged
      return undefined;
    }
    if (!res.ok) {
      if (!down) refused.push(`${path} ${res.status} ${await res.text()}`);
      return undefined;
    }
    return (await res.json().catch(() => ({}))) as { id?: string };
  }
  async function loop(officer: (typeof officers)[number], n: number) {
    for (let round = 0; !down; round++) {
      const made = await write(
        officer.email,
        '/api/requests',
        validInput({ title: `${titlePrefix}${n}-${round}`, slots: 2 }),
      );
      if (!made?.id) return;
      const requestId = made.id;
      acked.requests.push(requestId);
      if (!(await write(officer.email, `/api/requests/${requestId}/submit`))) return;
      if (!(await write(officer.staff, `/api/requests/${requestId}/approve`))) return;
      acked.published.push(requestId);
      const hands = await Promise.all(
        volunteers.slice(round % 2, (round % 2) + 3).map(async (v) => ({
          v,
          made: await write(v, `/api/requests/${requestId}/applications`, { message: 'お手伝いします' }),
        })),
      );
      const raised = hands.filter((h) => h.made?.id).map((h) => ({ v: h.v, id: h.made!.id! }));
      for (const hand of raised) acked.applications.push({ id: hand.id, requestId });
      const accepted = await Promise.all(
        raised
          .slice(0, 2)
          .map(async (hand) =>
            (await write(officer.email, `/api/applications/${hand.id}/accept`)) ? hand : undefined,
          ),
      );
      for (const hand of accepted) {
        if (!hand) continue;
        acked.accepted.push(hand.id);
        for (const sender of [hand.v, officer.email]) {
          const message = await write(sender, `/api/applications/${hand.id}/messages`, {
            body: `よろしくお願いします (${round})`,
          });
          if (message?.id) acked.messages.push({ id: message.id, applicationId: hand.id });
        }
      }
    }
  }
  const done = Promise.all(officers.map((o, n) => loop(o, n)));
  return {
    acked,
    refused,
    done,
    total: () =>
      acked.requests.length +
      acked.published.length +
      acked.applications.length +
      acked.accepted.length +
      acked.messages.length,
  };
}

async function query<T>(text: string): Promise<T[]> {
  return rowsOf<T>(await database.handle.db.execute(sql.raw(text)));
}

describe('SIGKILL under a steady write load', () => {
  it('keeps every acknowledged write and nothing half-written', async () => {
    const started = Date.now();
    const people = [...new Set([...officers.flatMap((o) => [o.email, o.staff]), ...volunteers])];
    const sessions = new Map(await Promise.all(people.map(async (p) => [p, await signIn(server.baseUrl, p)] as const)));
    const signedIn = Date.now();
    const load = writeLoad(server.baseUrl, sessions);
    // kill once every kind of write has been acknowledged, with the loops still writing
    while ((load.total() < 30 || load.acked.messages.length === 0) && load.refused.length === 0)
      await new Promise((r) => setTimeout(r, 20));
    await server.crash();
    await load.done;
    expect(load.refused).toEqual([]);
    const acked = load.acked;
    expect(acked.messages.length).toBeGreaterThan(0);

    const killed = Date.now();
    server = await startServerProcess(env());
    const restarted = Date.now();
    const ids = (list: string[]) => `'${[...new Set(list)].join("','")}'`;
    const found = async (table: string, list: string[], where = 'true') =>
      list.length === 0
        ? 0
        : (
            await query<{ n: number }>(
              `select count(*)::int as n from ${table} where id in (${ids(list)}) and ${where}`,
            )
          )[0]!.n;
    expect(await found('help_requests', acked.requests)).toBe(new Set(acked.requests).size);
    expect(await found('help_requests', acked.published, `status in ('published', 'filled')`)).toBe(
      new Set(acked.published).size,
    );
    expect(
      await found(
        'applications',
        acked.applications.map((a) => a.id),
      ),
    ).toBe(acked.applications.length);
    expect(await found('applications', acked.accepted, `status = 'accepted'`)).toBe(acked.accepted.length);
    expect(
      await found(
        'messages',
        acked.messages.map((m) => m.id),
      ),
    ).toBe(acked.messages.length);

    // nothing half-written: a request's matched count is its accepted applications, and it is filled exactly when full
    const counters = await query<{ id: string }>(`
      select r.id, r.status, r.slots, r.matched_count from help_requests r
      left join applications a on a.request_id = r.id and a.status = 'accepted'
      where r.title like '${titlePrefix}%' -- the load's requests (the demo seed's completed ones have no hands)
      group by r.id
      having r.matched_count <> count(a.id)
        or (r.status = 'filled') <> (r.status in ('published', 'filled') and r.matched_count = r.slots)`);
    expect(counters).toEqual([]);
    // every message belongs to a match and names the match's own parties
    const strayMessages = await query<{ id: string }>(`
      select m.id from messages m join applications a on a.id = m.application_id
      where a.status <> 'accepted' or m.volunteer_id <> a.volunteer_id or m.association_id <> a.association_id
        or m.municipality_code <> a.municipality_code`);
    expect(strayMessages).toEqual([]);
    // a request that was never published has no hands
    const earlyHands = await query<{ id: string }>(`
      select a.id from applications a join help_requests r on r.id = a.request_id where r.status in ('draft', 'pending_review')`);
    expect(earlyHands).toEqual([]);

    // and the restarted server takes writes again
    const after = await fetch(`${server.baseUrl}/api/requests`, {
      method: 'POST',
      headers: sessions.get(demoEmails.officerSenju)!,
      body: JSON.stringify(validInput()),
    });
    expect(after.status).toBe(201);
    const seconds = (from: number, to: number) => ((to - from) / 1000).toFixed(1);
    console.log(
      `crash test: ${load.total()} writes acknowledged before the kill; sign-in ${seconds(started, signedIn)} s, load ${seconds(signedIn, killed)} s, restart ${seconds(killed, restarted)} s, checks ${seconds(restarted, Date.now())} s`,
    );
  }, 120_000);
});
