import { createDatabase, schema, type DatabaseHandle } from '@board/db';
import { buildApp } from '@board/server';
import { ApplicationForOfficer } from '@board/shared';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createVolunteers, errorCode, insertRequest, officers, requestRow, useApiApp } from '../kit/index.ts';

/**
 * Slots are exact under a race, on real PostgreSQL: many acceptances at the same moment, served by
 * two app instances (as behind a load balancer) with enough pooled connections that every
 * transaction is in flight at once.
 */

const t = useApiApp();
let second: FastifyInstance;
let secondDb: DatabaseHandle;
let officer: Record<string, string>;

beforeAll(async () => {
  secondDb = createDatabase({ url: t.database.url, maxConnections: 60 });
  // a second instance for the race only: its job workers would take (and capture) the first's mail
  second = await buildApp({ ...t.config, jobWorkers: false }, { database: secondDb });
  await second.ready();
  officer = await as(t, officers.senju);
});
afterAll(async () => {
  await second.close();
  await secondDb.close();
});

/** `n` volunteers with a pending application each, made directly in the database */
async function pendingApplications(requestId: string, n: number): Promise<string[]> {
  const request = await requestRow(t, requestId);
  const volunteers = await createVolunteers(t, n);
  const rows = await t.database.handle.db
    .insert(schema.applications)
    .values(
      volunteers.map((v) => ({
        requestId,
        volunteerId: v.id,
        municipalityCode: request.municipalityCode,
        associationId: request.associationId,
        message: '私にやらせてください',
      })),
    )
    .returning({ id: schema.applications.id });
  return rows.map((r) => r.id);
}

/** every acceptance at once, alternating between the two app instances */
async function acceptAll(ids: string[]) {
  return Promise.all(
    ids.map((id, i) =>
      (i % 2 === 0 ? t.app : second).inject({
        method: 'POST',
        url: `/api/applications/${id}/accept`,
        headers: officer,
        payload: {},
      }),
    ),
  );
}

async function acceptedCount(requestId: string) {
  const rows = await t.database.handle.db
    .select({ status: schema.applications.status })
    .from(schema.applications)
    .where(eq(schema.applications.requestId, requestId));
  return rows.filter((r) => r.status === 'accepted').length;
}

describe('acceptApplication under a race', () => {
  it('matches exactly 1 of 50 acceptances racing for 1 slot; the other 49 get 409 REQUEST_FILLED', async () => {
    const request = await insertRequest(t, { slots: 1 });
    const ids = await pendingApplications(request.id, 50);
    const answers = await acceptAll(ids);

    const ok = answers.filter((r) => r.statusCode === 200);
    expect(ok).toHaveLength(1);
    expect(ApplicationForOfficer.parse(ok[0]!.json()).status).toBe('accepted');
    const refused = answers.filter((r) => r.statusCode !== 200);
    expect(refused.map((r) => r.statusCode)).toEqual(Array(49).fill(409));
    expect(new Set(refused.map(errorCode))).toEqual(new Set(['REQUEST_FILLED']));
    expect(refused[0]!.json().error.message).toMatch(/already filled/);

    expect(await acceptedCount(request.id)).toBe(1);
    const after = await requestRow(t, request.id);
    expect(after.matchedCount).toBe(1);
    expect(after.status).toBe('filled');
  });

  it('matches exactly 3 of 20 acceptances racing for 3 slots', async () => {
    const request = await insertRequest(t, { slots: 3 });
    const ids = await pendingApplications(request.id, 20);
    const answers = await acceptAll(ids);

    expect(answers.filter((r) => r.statusCode === 200)).toHaveLength(3);
    const refused = answers.filter((r) => r.statusCode !== 200);
    expect(refused).toHaveLength(17);
    expect(new Set(refused.map((r) => `${r.statusCode} ${errorCode(r)}`))).toEqual(new Set(['409 REQUEST_FILLED']));
    expect(await acceptedCount(request.id)).toBe(3);
    const after = await requestRow(t, request.id);
    expect(after.matchedCount).toBe(3);
    expect(after.status).toBe('filled');
    // the losers are still pending: a withdrawal may free a slot for one of them
    const rest = await t.database.handle.db
      .select({ status: schema.applications.status })
      .from(schema.applications)
      .where(eq(schema.applications.requestId, request.id));
    expect(rest.filter((r) => r.status === 'pending')).toHaveLength(17);
  });

  it('counts a double-clicked acceptance of the same application once', async () => {
    const request = await insertRequest(t, { slots: 2 });
    const [id] = await pendingApplications(request.id, 1);
    const answers = await acceptAll(Array(6).fill(id!));
    expect(answers.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(new Set(answers.filter((r) => r.statusCode !== 200).map(errorCode))).toEqual(
      new Set(['APPLICATION_NOT_PENDING']),
    );
    const after = await requestRow(t, request.id);
    expect(after.matchedCount).toBe(1);
    expect(after.status).toBe('published');
  });
});

describe('applyToRequest under a race', () => {
  it('makes one application of a double-clicked (parallel) raise of a hand; the rest get 409 ALREADY_APPLIED', async () => {
    const request = await insertRequest(t, { slots: 2 });
    const [volunteer] = await createVolunteers(t, 1);
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        (i % 2 === 0 ? t.app : second).inject({
          method: 'POST',
          url: `/api/requests/${request.id}/applications`,
          headers: volunteer!.headers,
          payload: { message: 'お手伝いします' },
        }),
      ),
    );
    expect(answers.filter((r) => r.statusCode === 201)).toHaveLength(1);
    const refused = answers.filter((r) => r.statusCode !== 201);
    expect(new Set(refused.map((r) => `${r.statusCode} ${errorCode(r)}`))).toEqual(new Set(['409 ALREADY_APPLIED']));
    const rows = await t.database.handle.db
      .select()
      .from(schema.applications)
      .where(eq(schema.applications.requestId, request.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.volunteerId).toBe(volunteer!.id);
  });
});
