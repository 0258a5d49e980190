import { schema } from '@board/db';
import { startTestApp, type TestApp } from '@board/tests/harness/test-app';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../fuzz/fingerprint.ts';
import { operationsOf, type Operation } from '../fuzz/operations.ts';
import { as, associationIdOf, demoEmails, get, newMatch, officers } from '../kit/index.ts';

/**
 * Reads do not write (issue 9): every GET operation of the OpenAPI document, as every role,
 * leaves every table as it was, the audit log included. Fixtures put each read where it once
 * wrote: a match whose contact neither side has opened yet.
 */

let t: TestApp;
let ids: { request: string; application: string; association: string; volunteer: string };
let people: Record<string, Record<string, string>>;

/** Row count and a hash of every row of every table (the owner's view: no row-level security). */
async function everyTable(): Promise<Record<string, string>> {
  const tables = rowsOf<{ name: string }>(
    await t.database.handle.db.execute(
      sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
    ),
  ).map((r) => r.name);
  const statement = tables
    .map(
      (name) =>
        `select '${name}' as name, count(*)::text || ':' || coalesce(md5(string_agg(x::text, '|' order by x::text)), '') as print from public."${name}" x`,
    )
    .join(' union all ');
  const rows = rowsOf<{ name: string; print: string }>(await t.database.handle.db.execute(sql.raw(statement)));
  return Object.fromEntries(rows.map((r) => [r.name, r.print]));
}

/** A real URL for an operation: each path parameter gets the fixture it names. */
function urlOf(op: Operation): string {
  const path = op.path
    .replace('{code}', '13121')
    .replace(/^\/api\/requests\/\{id\}/, `/api/requests/${ids.request}`)
    .replace(/^\/api\/moderation\/requests\/\{id\}/, `/api/moderation/requests/${ids.request}`)
    .replace(/^\/api\/applications\/\{id\}/, `/api/applications/${ids.application}`)
    .replace(/^\/api\/matches\/\{id\}/, `/api/matches/${ids.application}`)
    .replace(/^\/api\/associations\/\{id\}/, `/api/associations/${ids.association}`)
    .replace(/^\/api\/volunteers\/\{id\}/, `/api/volunteers/${ids.volunteer}`)
    // no story exists here: a story's GETs answer 404 and must write nothing either
    .replace(/^\/api\/stories\/\{id\}/, '/api/stories/00000000-0000-4000-8000-000000000000');
  if (path.includes('{')) throw new Error(`no fixture for ${op.path}`);
  const required = Object.entries(op.query).filter(([, q]) => q.required);
  return required.length === 0 ? path : `${path}?${required.map(([name]) => `${name}=x`).join('&')}`;
}

beforeAll(async () => {
  t = await startTestApp({ demo: true });
  const { request, volunteer, id: application } = await newMatch(t, { slots: 2 });
  // as a match made before opening contacts was an action: neither side has seen the other's contact
  await t.database.handle.db
    .update(schema.applications)
    .set({ contactShownToAssociationAt: null, contactShownToVolunteerAt: null })
    .where(eq(schema.applications.id, application));
  ids = {
    request: request.id,
    application,
    association: await associationIdOf(t, '千住一丁目町会'),
    volunteer: volunteer.id,
  };
  people = {
    anonymous: {},
    volunteer: volunteer.headers,
    officer: await as(t, officers.senju),
    otherOfficer: await as(t, officers.okubo),
    municipalStaff: await as(t, demoEmails.staffAdachi),
    otherStaff: await as(t, demoEmails.staffShinjuku),
    foundationStaff: await as(t, demoEmails.foundation),
  };
});
afterAll(() => t.close());

describe('every GET operation', () => {
  it('writes nothing, as any role: every table and the audit log stay as they were', async () => {
    const gets = (await operationsOf(t)).filter((op) => op.method === 'GET' && op.path.startsWith('/api/'));
    expect(gets.map((op) => op.id)).toEqual(
      expect.arrayContaining(['getApplication', 'listApplications', 'listMyApplications', 'listAuditLog']),
    );
    const before = await everyTable();
    const answered: string[] = [];
    for (const [role, headers] of Object.entries(people)) {
      for (const op of gets) {
        const res = await get(t, headers, urlOf(op));
        expect(res.statusCode, `${op.id} as ${role}: ${res.body}`).toBeLessThan(500);
        if (res.statusCode === 200) answered.push(`${op.id} as ${role}`);
        const after = await everyTable();
        const changed = Object.keys(after).filter((name) => before[name] !== after[name]);
        expect(changed, `${op.id} as ${role} changed these tables`).toEqual([]);
      }
    }
    // the reads that used to write did answer (the proof is not vacuous)
    expect(answered).toEqual(
      expect.arrayContaining([
        'listApplications as officer',
        'listMyApplications as volunteer',
        'getApplication as volunteer',
        'getApplication as officer',
        'getApplication as municipalStaff',
        'getApplication as foundationStaff',
      ]),
    );
  });
});
