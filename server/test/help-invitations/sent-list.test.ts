import { schema } from '@board/db';
import { MyDataExport, SentHelpInvitationList } from '@board/shared';
import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { expireOverdueRequests } from '../../src/modules/help-requests/expiry.ts';
import { applied, get, insertRequest, post, useApiApp, useDemoPeople } from '../kit/index.ts';
import { invitationRows, suggestableVolunteer } from './scene.ts';

/**
 * The invitations sent for a request, as its officers and staff see them
 * (`listHelpInvitationsForRequest`); invitations in the volunteer's data export; and invitations
 * that lapse with their request, or after 14 days, in the expiry sweep (issue 10).
 */

const t = useApiApp();
const { senju, umeda, okubo, staffAdachi, staffShinjuku } = useDemoPeople(t);

const dayMs = 86_400_000;

async function invited(requestId: string, volunteerId: string): Promise<string> {
  const res = await post(t, senju, `/api/requests/${requestId}/help-invitations`, { volunteerId });
  if (res.statusCode !== 201) throw new Error(`invite failed: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

const sentList = (headers: Record<string, string>, requestId: string) =>
  get(t, headers, `/api/requests/${requestId}/help-invitations`);

async function statusOf(id: string) {
  const [row] = await t.database.handle.db
    .select({ status: schema.helpInvitations.status, decidedAt: schema.helpInvitations.decidedAt })
    .from(schema.helpInvitations)
    .where(eq(schema.helpInvitations.id, id));
  return row!;
}

describe('listHelpInvitationsForRequest', () => {
  it('shows whom the officers asked and what became of it: sent, a hand raised, declined', async () => {
    const request = await insertRequest(t, { slots: 3 });
    const waiting = await suggestableVolunteer(t);
    const raised = await suggestableVolunteer(t);
    const declined = await suggestableVolunteer(t);
    for (const v of [waiting, raised, declined]) await invited(request.id, v.id);
    await applied(t, raised.headers, request.id, '伺えます');
    const [mine] = (await get(t, declined.headers, '/api/me/help-invitations')).json().items;
    expect((await post(t, declined.headers, `/api/help-invitations/${mine.id}/decline`)).statusCode).toBe(200);

    for (const headers of [senju, staffAdachi]) {
      const res = await sentList(headers, request.id);
      expect(res.statusCode).toBe(200);
      const list = SentHelpInvitationList.parse(res.json());
      const byVolunteer = Object.fromEntries(list.items.map((i) => [i.volunteerId, i.status]));
      expect(byVolunteer).toEqual({ [waiting.id]: 'open', [raised.id]: 'accepted', [declined.id]: 'declined' });
      const names = await t.database.handle.db
        .select({ id: schema.users.id, displayName: schema.users.displayName })
        .from(schema.users)
        .where(inArray(schema.users.id, [waiting.id, raised.id, declined.id]));
      expect(Object.fromEntries(list.items.map((i) => [i.volunteerId, i.displayName]))).toEqual(
        Object.fromEntries(names.map((n) => [n.id, n.displayName])),
      );
    }
  });

  it("refuses another association's officers, another ward's officers and staff, volunteers; 404 for an unknown request; 401 signed out", async () => {
    const request = await insertRequest(t);
    const volunteer = await suggestableVolunteer(t);
    await invited(request.id, volunteer.id);
    for (const headers of [umeda, okubo, staffShinjuku, volunteer.headers]) {
      const res = await sentList(headers, request.id);
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toContain(volunteer.id);
    }
    expect((await sentList({}, request.id)).statusCode).toBe(401);
    expect((await sentList(senju, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('reads an open invitation of a request that stopped taking hands as expired', async () => {
    const request = await insertRequest(t);
    const volunteer = await suggestableVolunteer(t);
    await invited(request.id, volunteer.id);
    expect((await post(t, senju, `/api/requests/${request.id}/withdraw`)).statusCode).toBe(200);
    const list = SentHelpInvitationList.parse((await sentList(senju, request.id)).json());
    expect(list.items.map((i) => i.status)).toEqual(['expired']);
  });
});

describe('invitations lapse in the expiry sweep', () => {
  it('with their request (past its deadline, withdrawn) or 14 days after they were sent; answered ones stay', async () => {
    const overdue = await insertRequest(t, { applicationDeadline: new Date(Date.now() + 60_000) });
    const withdrawn = await insertRequest(t);
    const old = await insertRequest(t);
    const fresh = await insertRequest(t);
    const v = await suggestableVolunteer(t);
    const w = await suggestableVolunteer(t);
    const ids = {
      overdue: await invited(overdue.id, v.id),
      withdrawn: await invited(withdrawn.id, v.id),
      old: await invited(old.id, w.id),
      fresh: await invited(fresh.id, w.id),
    };
    const declinedId = await invited(old.id, v.id);
    expect((await post(t, v.headers, `/api/help-invitations/${declinedId}/decline`)).statusCode).toBe(200);
    const db = t.database.handle.db;
    await db
      .update(schema.helpRequests)
      .set({ applicationDeadline: new Date(Date.now() - 60_000) })
      .where(eq(schema.helpRequests.id, overdue.id));
    expect((await post(t, senju, `/api/requests/${withdrawn.id}/withdraw`)).statusCode).toBe(200);
    await db
      .update(schema.helpInvitations)
      .set({ createdAt: new Date(Date.now() - 15 * dayMs) })
      .where(eq(schema.helpInvitations.requestId, old.id));

    await expireOverdueRequests(t.app);
    expect((await statusOf(ids.overdue)).status).toBe('expired');
    expect((await statusOf(ids.withdrawn)).status).toBe('expired');
    expect((await statusOf(ids.old)).status).toBe('expired');
    expect((await statusOf(ids.old)).decidedAt).not.toBeNull();
    expect((await statusOf(ids.fresh)).status).toBe('open');
    expect((await statusOf(declinedId)).status).toBe('declined');
    // an expired invitation no longer takes a place among the request's open ones
    expect((await invitationRows(t, fresh.id)).map((r) => r.status)).toEqual(['open']);
  });
});

describe("the volunteer's data export", () => {
  it('holds the invitations to help they received, with the request and what became of them', async () => {
    const request = await insertRequest(t, { title: '餅つき大会の写真を撮ってください' });
    const volunteer = await suggestableVolunteer(t);
    const id = await invited(request.id, volunteer.id);
    expect((await post(t, volunteer.headers, `/api/help-invitations/${id}/decline`)).statusCode).toBe(200);
    const data = MyDataExport.parse((await post(t, volunteer.headers, '/api/me/export')).json());
    expect(data.helpInvitations).toEqual([
      {
        id,
        requestId: request.id,
        requestTitle: '餅つき大会の写真を撮ってください',
        status: 'declined',
        createdAt: expect.any(String),
        decidedAt: expect.any(String),
      },
    ]);
    // and nobody else's
    const other = await suggestableVolunteer(t);
    const theirs = MyDataExport.parse((await post(t, other.headers, '/api/me/export')).json());
    expect(theirs.helpInvitations).toEqual([]);
  });
});
