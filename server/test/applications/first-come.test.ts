import { createDatabase, schema, type DatabaseHandle } from '@board/db';
import { buildApp } from '@board/server';
import { HelpRequestDetail, MunicipalitySettingsView, MyApplication } from '@board/shared';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applicationRow,
  auditEntries,
  createVolunteer,
  createVolunteers,
  errorCode,
  get,
  insertRequest,
  mailTo,
  officers,
  patch,
  post,
  requestRow,
  useApiApp,
  useDemoPeople,
  validInput,
} from '../kit/index.ts';
import { setHandsMode } from '../help-invitations/scene.ts';

/**
 * "First come" (先着順, issue 10): a verified volunteer's hand is a match at once while slots
 * remain, exact under a race on real PostgreSQL (two app instances, every transaction in flight
 * at once; race.test.ts holds the same for the officer's accept). Hands that find no slot left
 * are refused with 409 REQUEST_FILLED and leave nothing behind. Staff may disallow first come per
 * category in their ward.
 */

const t = useApiApp();
const { senju, staffAdachi, staffShinjuku } = useDemoPeople(t);
let second: FastifyInstance;
let secondDb: DatabaseHandle;

beforeAll(async () => {
  secondDb = createDatabase({ url: t.database.url, maxConnections: 60 });
  // a second instance for the race only: its job workers would take (and capture) the first's mail
  second = await buildApp({ ...t.config, jobWorkers: false }, { database: secondDb });
  await second.ready();
});
afterAll(async () => {
  await second.close();
  await secondDb.close();
});

async function firstComeRequest(slots: number, category: 'manual_labour' | 'other' = 'manual_labour') {
  const request = await insertRequest(t, { slots, category });
  await setHandsMode(t, request.id, 'first_come');
  return request;
}

/** every volunteer raises a hand at once, alternating between the two app instances */
async function raiseAll(requestId: string, volunteers: { headers: Record<string, string> }[]) {
  return Promise.all(
    volunteers.map((v, i) =>
      (i % 2 === 0 ? t.app : second).inject({
        method: 'POST',
        url: `/api/requests/${requestId}/applications`,
        headers: v.headers,
        payload: { message: '運びます' },
      }),
    ),
  );
}

async function applicationsOf(requestId: string) {
  return t.database.handle.db
    .select({ status: schema.applications.status })
    .from(schema.applications)
    .where(eq(schema.applications.requestId, requestId));
}

describe('first come under a race', () => {
  it.each([
    [1, 30],
    [3, 20],
  ])(
    'matches exactly %i of %i hands raised at once; the rest get 409 REQUEST_FILLED and leave no hand',
    async (k, n) => {
      const request = await firstComeRequest(k);
      const answers = await raiseAll(request.id, await createVolunteers(t, n));

      const ok = answers.filter((r) => r.statusCode === 201);
      expect(ok).toHaveLength(k);
      for (const r of ok) expect(MyApplication.parse(r.json()).status).toBe('accepted');
      const refused = answers.filter((r) => r.statusCode !== 201);
      expect(new Set(refused.map((r) => `${r.statusCode} ${errorCode(r)}`))).toEqual(new Set(['409 REQUEST_FILLED']));
      expect(refused).toHaveLength(n - k);

      const rows = await applicationsOf(request.id);
      expect(rows.map((r) => r.status)).toEqual(Array(k).fill('accepted'));
      const after = await requestRow(t, request.id);
      expect(after.matchedCount).toBe(k);
      expect(after.status).toBe('filled');
      expect(
        (await auditEntries(t, 'match.first_come')).filter((e) => e.details.requestId === request.id),
      ).toHaveLength(k);
    },
  );
});

describe('first come, one hand', () => {
  it('matches at once, tells both sides as for an accepted hand, and the match page opens for the volunteer', async () => {
    const request = await firstComeRequest(2);
    const volunteer = await createVolunteer(t, { language: 'en' });
    const res = await post(t, volunteer.headers, `/api/requests/${request.id}/applications`, { message: '運びます' });
    expect(res.statusCode).toBe(201);
    const id = MyApplication.parse(res.json()).id;
    expect((await applicationRow(t, id)).status).toBe('accepted');
    expect((await requestRow(t, request.id)).status).toBe('published');

    const toVolunteer = await mailTo(t, volunteer.email, /you|accepted|help/i);
    expect(toVolunteer.text).toContain(`/matches/${id}`);
    await mailTo(t, officers.senju, /先着順/);
    const match = await get(t, volunteer.headers, `/api/applications/${id}`);
    expect(match.statusCode).toBe(200);
  });

  it('still asks for a verified email, and an officer-picks request keeps every hand waiting', async () => {
    const request = await firstComeRequest(2);
    const unverified = await createVolunteer(t, { verified: false });
    const refused = await post(t, unverified.headers, `/api/requests/${request.id}/applications`, { message: 'はい' });
    expect(`${refused.statusCode} ${errorCode(refused)}`).toBe('403 EMAIL_NOT_VERIFIED');
    expect(await applicationsOf(request.id)).toEqual([]);

    const picks = await insertRequest(t, { slots: 2 });
    const volunteer = await createVolunteer(t);
    const res = await post(t, volunteer.headers, `/api/requests/${picks.id}/applications`, { message: 'はい' });
    expect(MyApplication.parse(res.json()).status).toBe('pending');
  });
});

describe('the officer chooses, staff may disallow per category', () => {
  it('saves the choice on the request form and shows it on the request', async () => {
    const res = await post(
      t,
      senju,
      '/api/requests',
      validInput({ category: 'manual_labour', handsMode: 'first_come' }),
    );
    expect(res.statusCode).toBe(201);
    expect(HelpRequestDetail.parse(res.json()).handsMode).toBe('first_come');
    const bad = await post(t, senju, '/api/requests', validInput({ handsMode: 'lottery' }));
    expect(`${bad.statusCode} ${errorCode(bad)}`).toBe('400 VALIDATION_FAILED');
  });

  it("lets only the ward's staff disallow first come for a category; the form then refuses it and requests fall back to the officer's pick", async () => {
    const request = await firstComeRequest(2, 'other');
    const url = '/api/municipalities/13121/settings';
    expect((await patch(t, staffShinjuku, url, { firstComeDisallowed: ['other'] })).statusCode).toBe(403);
    expect((await patch(t, senju, url, { firstComeDisallowed: ['other'] })).statusCode).toBe(403);

    const set = await patch(t, staffAdachi, url, { firstComeDisallowed: ['other', 'other'] });
    expect(`${set.statusCode} ${errorCode(set)}`).toBe('400 VALIDATION_FAILED');
    const ok = await patch(t, staffAdachi, url, { firstComeDisallowed: ['other'] });
    expect(MunicipalitySettingsView.parse(ok.json()).firstComeDisallowed).toEqual(['other']);
    const [audit] = (await auditEntries(t, 'municipality.update_settings')).slice(-1);
    expect(audit!.details).toMatchObject({ firstComeDisallowed: { from: [], to: ['other'] } });

    const refused = await post(t, senju, '/api/requests', validInput({ category: 'other', handsMode: 'first_come' }));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual([{ field: 'handsMode', code: 'FIRST_COME_NOT_ALLOWED' }]);

    // the request saved as first come before now says, and does, "the officer picks"
    expect(HelpRequestDetail.parse((await get(t, senju, `/api/requests/${request.id}`)).json()).handsMode).toBe(
      'officer_picks',
    );
    const volunteer = await createVolunteer(t);
    const hand = await post(t, volunteer.headers, `/api/requests/${request.id}/applications`, { message: 'はい' });
    expect(MyApplication.parse(hand.json()).status).toBe('pending');

    await patch(t, staffAdachi, url, { firstComeDisallowed: [] });
  });
});
