import { schema } from '@board/db';
import { HelpInvitationView, helpInvitationLimits, MyHelpInvitationList } from '@board/shared';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  applicationRow,
  auditEntries,
  createVolunteer,
  demoEmails,
  errorCode,
  get,
  insertRequest,
  mailTo,
  officers,
  post,
  put,
  rowCounts,
  useApiApp,
  useDemoPeople,
  userIdOf,
} from '../kit/index.ts';
import { countAs, invitationRows, suggestableVolunteer } from './scene.ts';

/**
 * Invitations to help (issue 10): who may invite whom, the limits that keep anybody from being
 * pestered, the volunteer's answers (decline, mute, raising a hand) and how the match began.
 */

const t = useApiApp();
const { senju, umeda, okubo, yotsuya, staffAdachi, staffShinjuku, foundation } = useDemoPeople(t);

const invite = (headers: Record<string, string>, requestId: string, volunteerId: string) =>
  post(t, headers, `/api/requests/${requestId}/help-invitations`, { volunteerId });

/** A refused invitation wrote nothing and mailed nobody. */
async function refusedWithoutTrace(
  call: () => Promise<{ statusCode: number; json(): unknown }>,
  status: number,
  code: string,
) {
  const before = await rowCounts(t);
  const res = await call();
  expect(`${res.statusCode} ${errorCode(res)}`).toBe(`${status} ${code}`);
  expect(await rowCounts(t)).toEqual(before);
}

describe('inviteVolunteer', () => {
  it("invites a suggested volunteer to the officer's published request, mails them in their language, audits it", async () => {
    const request = await insertRequest(t, { slots: 2 });
    const volunteer = await suggestableVolunteer(t, { language: 'en' });
    const res = await invite(senju, request.id, volunteer.id);
    expect(res.statusCode).toBe(201);
    const view = HelpInvitationView.parse(res.json());
    expect(view).toMatchObject({ requestId: request.id, volunteerId: volunteer.id, status: 'open', decidedAt: null });

    const mail = await mailTo(t, volunteer.email, /invites you to help/);
    expect(mail.subject).toContain('千住一丁目町会');
    expect(mail.text).toContain(`/requests/${request.id}`);
    expect(mail.text).toContain('/me/help-invitations');
    const [entry] = (await auditEntries(t, 'help_invitation.create')).filter((e) => e.subjectId === view.id);
    expect(entry).toMatchObject({ municipalityCode: '13121', actorId: await userIdOf(t, officers.senju) });
    expect(entry!.details).toMatchObject({ requestId: request.id, volunteerId: volunteer.id });
  });

  it('answers 404 for a volunteer who did not agree to be suggested, as for nobody at all', async () => {
    const request = await insertRequest(t);
    const notSuggestable = await suggestableVolunteer(t, { suggestable: false });
    const withoutProfile = await createVolunteer(t);
    for (const id of [notSuggestable.id, withoutProfile.id, crypto.randomUUID()]) {
      await refusedWithoutTrace(() => invite(senju, request.id, id), 404, 'NOT_FOUND');
    }
  });

  it('refuses a volunteer who muted invitations, and one invited to the request before (whatever they said)', async () => {
    const request = await insertRequest(t);
    const muted = await suggestableVolunteer(t, { muted: true });
    await refusedWithoutTrace(() => invite(senju, request.id, muted.id), 409, 'HELP_INVITATIONS_MUTED');

    const volunteer = await suggestableVolunteer(t);
    const first = HelpInvitationView.parse((await invite(senju, request.id, volunteer.id)).json());
    await refusedWithoutTrace(() => invite(senju, request.id, volunteer.id), 409, 'ALREADY_INVITED');
    expect((await post(t, volunteer.headers, `/api/help-invitations/${first.id}/decline`)).statusCode).toBe(200);
    await refusedWithoutTrace(() => invite(senju, request.id, volunteer.id), 409, 'ALREADY_INVITED');
  });

  it('refuses a volunteer who already raised a hand, and requests not taking hands', async () => {
    const request = await insertRequest(t, { slots: 2 });
    const volunteer = await suggestableVolunteer(t);
    expect(
      (await post(t, volunteer.headers, `/api/requests/${request.id}/applications`, { message: 'はい' })).statusCode,
    ).toBe(201);
    await refusedWithoutTrace(() => invite(senju, request.id, volunteer.id), 409, 'ALREADY_APPLIED');

    const other = await suggestableVolunteer(t);
    const draft = await insertRequest(t, { status: 'draft' });
    await refusedWithoutTrace(() => invite(senju, draft.id, other.id), 409, 'REQUEST_NOT_OPEN');
    const filled = await insertRequest(t, { status: 'filled', slots: 1, matchedCount: 1 });
    await refusedWithoutTrace(() => invite(senju, filled.id, other.id), 409, 'REQUEST_FILLED');
  });

  it("lets only the request's own officers invite: not another association, not staff, not the foundation, not a volunteer", async () => {
    const request = await insertRequest(t, { association: 'senju' });
    const volunteer = await suggestableVolunteer(t);
    // a fellow association in the same ward, and one in another ward
    await refusedWithoutTrace(() => invite(umeda, request.id, volunteer.id), 403, 'FORBIDDEN');
    await refusedWithoutTrace(() => invite(okubo, request.id, volunteer.id), 403, 'FORBIDDEN');
    await refusedWithoutTrace(() => invite(staffAdachi, request.id, volunteer.id), 403, 'FORBIDDEN');
    await refusedWithoutTrace(() => invite(staffShinjuku, request.id, volunteer.id), 403, 'FORBIDDEN');
    await refusedWithoutTrace(() => invite(foundation, request.id, volunteer.id), 403, 'FORBIDDEN');
    const stranger = await createVolunteer(t);
    await refusedWithoutTrace(() => invite(stranger.headers, request.id, volunteer.id), 403, 'FORBIDDEN');
    // a draft of another ward's association is not even there for them
    const draft = await insertRequest(t, { association: 'okubo', status: 'draft' });
    await refusedWithoutTrace(() => invite(senju, draft.id, volunteer.id), 404, 'NOT_FOUND');
  });

  it(`allows ${helpInvitationLimits.openPerRequest} open invitations per request`, async () => {
    const request = await insertRequest(t, { slots: 5 });
    for (let i = 0; i < helpInvitationLimits.openPerRequest; i++) {
      expect((await invite(senju, request.id, (await suggestableVolunteer(t)).id)).statusCode).toBe(201);
    }
    const one = await suggestableVolunteer(t);
    await refusedWithoutTrace(() => invite(senju, request.id, one.id), 409, 'REQUEST_INVITATION_LIMIT');
    // an answered invitation frees its place
    const [first] = await invitationRows(t, request.id);
    await t.database.handle.db
      .update(schema.helpInvitations)
      .set({ status: 'declined', decidedAt: new Date() })
      .where(eq(schema.helpInvitations.id, first!.id));
    expect((await invite(senju, request.id, one.id)).statusCode).toBe(201);
  });

  it(`allows a volunteer ${helpInvitationLimits.openPerVolunteer} open invitations at once, from any association`, async () => {
    const volunteer = await suggestableVolunteer(t);
    for (let i = 0; i < helpInvitationLimits.openPerVolunteer; i++) {
      const [association, headers] = i % 2 === 0 ? (['senju', senju] as const) : (['okubo', okubo] as const);
      const request = await insertRequest(t, { association });
      expect((await invite(headers, request.id, volunteer.id)).statusCode).toBe(201);
    }
    const more = await insertRequest(t, { association: 'umeda' });
    await refusedWithoutTrace(() => invite(umeda, more.id, volunteer.id), 409, 'VOLUNTEER_INVITATION_LIMIT');
  });

  it(`allows an officer ${helpInvitationLimits.perOfficerPerDay} invitations in 24 hours`, async () => {
    const officerId = await userIdOf(t, officers.yotsuya);
    const request = await insertRequest(t, { association: 'yotsuya', slots: 20 });
    // the day's earlier invitations (to other requests, answered), as if sent this morning
    const earlier = await insertRequest(t, { association: 'yotsuya' });
    const people = await Promise.all(
      Array.from({ length: helpInvitationLimits.perOfficerPerDay }, () => suggestableVolunteer(t)),
    );
    await t.database.handle.db.insert(schema.helpInvitations).values(
      people.map((p) => ({
        requestId: earlier.id,
        volunteerId: p.id,
        invitedBy: officerId,
        municipalityCode: '13104',
        associationId: earlier.associationId,
        status: 'declined' as const,
        createdAt: new Date(Date.now() - 60 * 60 * 1000),
      })),
    );
    const one = await suggestableVolunteer(t);
    await refusedWithoutTrace(() => invite(yotsuya, request.id, one.id), 429, 'INVITE_RATE_LIMITED');
    // a day later they count no more
    await t.database.handle.db
      .update(schema.helpInvitations)
      .set({ createdAt: new Date(Date.now() - 25 * 60 * 60 * 1000) })
      .where(eq(schema.helpInvitations.invitedBy, officerId));
    expect((await invite(yotsuya, request.id, one.id)).statusCode).toBe(201);
  });
});

describe("the volunteer's side", () => {
  it('lists the invitations with their requests; declining tells the list and the audit log; only they may decline', async () => {
    const request = await insertRequest(t);
    const volunteer = await suggestableVolunteer(t);
    const sent = HelpInvitationView.parse((await invite(senju, request.id, volunteer.id)).json());

    const list = MyHelpInvitationList.parse((await get(t, volunteer.headers, '/api/me/help-invitations')).json());
    expect(list.muted).toBe(false);
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      id: sent.id,
      status: 'open',
      request: { id: request.id, title: request.title },
    });

    // nobody else answers for them: another volunteer, the inviting officer
    const other = await createVolunteer(t);
    await refusedWithoutTrace(
      () => post(t, other.headers, `/api/help-invitations/${sent.id}/decline`),
      404,
      'NOT_FOUND',
    );
    await refusedWithoutTrace(() => post(t, senju, `/api/help-invitations/${sent.id}/decline`), 403, 'FORBIDDEN');

    const declined = await post(t, volunteer.headers, `/api/help-invitations/${sent.id}/decline`);
    expect(HelpInvitationView.parse(declined.json()).status).toBe('declined');
    await refusedWithoutTrace(
      () => post(t, volunteer.headers, `/api/help-invitations/${sent.id}/decline`),
      409,
      'HELP_INVITATION_NOT_OPEN',
    );
    const entries = (await auditEntries(t, 'help_invitation.decline')).filter((e) => e.subjectId === sent.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.actorId).toBe(volunteer.id);
  });

  it("shows staff of the request's ward and the foundation the invitations; another ward's staff see none", async () => {
    const request = await insertRequest(t);
    const volunteer = await suggestableVolunteer(t);
    await invite(senju, request.id, volunteer.id);
    // row-level security alone, as the app role with each person's claims and no WHERE but the request
    expect(await countAs(t, demoEmails.staffAdachi, request.id)).toBe(1);
    expect(await countAs(t, demoEmails.foundation, request.id)).toBe(1);
    expect(await countAs(t, officers.senju, request.id)).toBe(1);
    expect(await countAs(t, demoEmails.staffShinjuku, request.id)).toBe(0);
    expect(await countAs(t, officers.okubo, request.id)).toBe(0);
    expect(await countAs(t, officers.umeda, request.id)).toBe(0);
  });

  it('reads an open invitation of a request that stopped taking hands as expired', async () => {
    const request = await insertRequest(t);
    const volunteer = await suggestableVolunteer(t);
    await invite(senju, request.id, volunteer.id);
    await t.database.handle.db
      .update(schema.helpRequests)
      .set({ status: 'filled', matchedCount: 1 })
      .where(eq(schema.helpRequests.id, request.id));
    const list = MyHelpInvitationList.parse((await get(t, volunteer.headers, '/api/me/help-invitations')).json());
    expect(list.items.map((i) => i.status)).toEqual(['expired']);
  });

  it('mutes invitations: officers are refused from then on; unmuting lets them invite again', async () => {
    const volunteer = await createVolunteer(t);
    const res = await put(t, volunteer.headers, '/api/me/help-invitations/mute', { muted: true });
    expect(MyHelpInvitationList.parse(res.json()).muted).toBe(true);
    await t.database.handle.db
      .update(schema.volunteerProfiles)
      .set({ suggestable: true })
      .where(eq(schema.volunteerProfiles.userId, volunteer.id));
    const request = await insertRequest(t);
    await refusedWithoutTrace(() => invite(senju, request.id, volunteer.id), 409, 'HELP_INVITATIONS_MUTED');
    await put(t, volunteer.headers, '/api/me/help-invitations/mute', { muted: false });
    expect((await invite(senju, request.id, volunteer.id)).statusCode).toBe(201);
    const bad = await put(t, volunteer.headers, '/api/me/help-invitations/mute', { muted: 'yes' });
    expect(`${bad.statusCode} ${errorCode(bad)}`).toBe('400 VALIDATION_FAILED');
  });
});

describe('how a match began (applications.origin)', () => {
  it("records 'invitation' and accepts the invitation when an invited volunteer raises a hand", async () => {
    const request = await insertRequest(t, { slots: 2 });
    const volunteer = await suggestableVolunteer(t);
    const sent = HelpInvitationView.parse((await invite(senju, request.id, volunteer.id)).json());
    const res = await post(t, volunteer.headers, `/api/requests/${request.id}/applications`, { message: 'はい' });
    expect(res.statusCode).toBe(201);
    expect((await applicationRow(t, res.json().id)).origin).toBe('invitation');
    const [row] = (await invitationRows(t, request.id)).filter((r) => r.id === sent.id);
    expect(row).toMatchObject({ status: 'accepted' });
    expect(row!.decidedAt).not.toBeNull();
  });

  it("records 'suggestion' from a suggestion card's link and 'board' otherwise (also after declining an invitation)", async () => {
    const request = await insertRequest(t, { slots: 3 });
    const fromCard = await createVolunteer(t);
    const viaCard = await post(t, fromCard.headers, `/api/requests/${request.id}/applications`, {
      message: 'はい',
      via: 'suggestion',
    });
    expect((await applicationRow(t, viaCard.json().id)).origin).toBe('suggestion');

    const declinedFirst = await suggestableVolunteer(t);
    const sent = HelpInvitationView.parse((await invite(senju, request.id, declinedFirst.id)).json());
    await post(t, declinedFirst.headers, `/api/help-invitations/${sent.id}/decline`);
    const later = await post(t, declinedFirst.headers, `/api/requests/${request.id}/applications`, {
      message: 'やっぱり',
    });
    expect((await applicationRow(t, later.json().id)).origin).toBe('board');

    const bad = await post(t, fromCard.headers, `/api/requests/${request.id}/applications`, {
      message: 'x',
      via: 'mail',
    });
    expect(`${bad.statusCode} ${errorCode(bad)}`).toBe('400 VALIDATION_FAILED');
  });
});
