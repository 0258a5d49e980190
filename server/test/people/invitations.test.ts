import { schema } from '@board/db';
import { AcceptInvitationResult, ErrorBody, Invitation, InvitationList, InvitationPreview, Me } from '@board/shared';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  associationIdOf,
  auditEntries,
  bearer,
  createInvitation,
  createPerson,
  demoEmails,
  freshEmail,
  inviteTokenIn,
  lastMailTo,
  rowCounts,
  useApiApp,
  userIdOf,
} from '../kit/index.ts';

const t = useApiApp();
let senju: string;
let okubo: string;
beforeAll(async () => {
  senju = await associationIdOf(t, '千住一丁目町会');
  okubo = await associationIdOf(t, '大久保二丁目町会');
});

const day = 86_400_000;

async function preview(token: string) {
  return t.app.inject({ method: 'GET', url: `/api/invitations/preview?token=${encodeURIComponent(token)}` });
}

describe('inviteMunicipalStaff', () => {
  it('foundation staff invite someone to one municipality; a 7-day link is mailed in their language', async () => {
    const email = freshEmail('newstaff');
    const foundationId = await userIdOf(t, demoEmails.foundation);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/invitations/municipal-staff',
      headers: await bearer(t, foundationId),
      payload: { email: email.toUpperCase(), municipalityCode: '13121', language: 'en' },
    });
    expect(res.statusCode).toBe(201);
    const invitation = Invitation.parse(res.json());
    expect(invitation).toMatchObject({
      role: 'municipal_staff',
      email,
      language: 'en',
      municipalityCode: '13121',
      associationId: null,
      state: 'pending',
    });
    const validFor = Date.parse(invitation.expiresAt) - Date.now();
    expect(validFor).toBeGreaterThan(7 * day - 60_000);
    expect(validFor).toBeLessThanOrEqual(7 * day);

    const mail = lastMailTo(t, email);
    expect(mail.subject).toContain('You are invited as a staff member of Adachi City');
    expect(mail.text).toContain('財団 花子 has invited you');
    const token = inviteTokenIn(mail.text);
    expect(mail.text).toContain(`${t.config.publicOrigin}/invitations/accept?token=`);

    // only the hash is stored
    const [row] = await t.database.handle.db
      .select()
      .from(schema.invitations)
      .where(eq(schema.invitations.id, invitation.id));
    expect(row!.tokenHash).not.toContain(token);

    const logged = (await auditEntries(t, 'invitation.create')).filter((e) => e.subjectId === invitation.id);
    expect(logged).toEqual([
      expect.objectContaining({ actorId: foundationId, municipalityCode: '13121', subjectType: 'invitation' }),
    ]);
    expect(JSON.stringify(logged[0]!.details)).not.toContain(email);
  });

  it('refuses a second open invitation to the same address (resend instead)', async () => {
    const headers = await as(t, demoEmails.foundation);
    const payload = { email: freshEmail(), municipalityCode: '13104', language: 'ja' };
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/invitations/municipal-staff', headers, payload })).statusCode,
    ).toBe(201);
    const again = await t.app.inject({ method: 'POST', url: '/api/invitations/municipal-staff', headers, payload });
    expect(again.statusCode).toBe(409);
    expect(ErrorBody.parse(again.json()).error.code).toBe('INVITATION_PENDING');
  });

  it('refuses to invite someone to a role they already hold', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/invitations/municipal-staff',
      headers: await as(t, demoEmails.foundation),
      payload: { email: demoEmails.staffAdachi, municipalityCode: '13121', language: 'ja' },
    });
    expect(res.statusCode).toBe(409);
    expect(ErrorBody.parse(res.json()).error.code).toBe('ROLE_ALREADY_HELD');
  });

  it('is 404 for a municipality code that does not exist', async () => {
    const before = await rowCounts(t);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/invitations/municipal-staff',
      headers: await as(t, demoEmails.foundation),
      payload: { email: freshEmail(), municipalityCode: '13999', language: 'ja' },
    });
    expect(res.statusCode).toBe(404);
    expect(await rowCounts(t)).toEqual(before);
  });
});

describe('inviteOfficer', () => {
  it('municipal staff invite an officer to an association of their municipality', async () => {
    const email = freshEmail('officer');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/invitations/officers',
      headers: await as(t, demoEmails.staffAdachi),
      payload: { email, associationId: senju, language: 'ja-easy' },
    });
    expect(res.statusCode).toBe(201);
    expect(Invitation.parse(res.json())).toMatchObject({
      role: 'officer',
      municipalityCode: '13121',
      associationId: senju,
      associationName: '千住一丁目町会',
      state: 'pending',
    });
    const mail = lastMailTo(t, email);
    expect(mail.subject).toContain('「千住一丁目町会」（足立区）の やくいん');
  });

  it("refuses another municipality's association (403) and an unknown one (404), writing nothing", async () => {
    const headers = await as(t, demoEmails.staffAdachi);
    const before = await rowCounts(t);
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/invitations/officers',
      headers,
      payload: { email: freshEmail(), associationId: okubo, language: 'ja' },
    });
    expect(other.statusCode).toBe(403);
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/invitations/officers',
      headers,
      payload: { email: freshEmail(), associationId: crypto.randomUUID(), language: 'ja' },
    });
    expect(unknown.statusCode).toBe(404);
    expect(await rowCounts(t)).toEqual(before);
  });
});

describe('listInvitations', () => {
  it("shows staff only their municipality's invitations, by state", async () => {
    const revoked = await createInvitation(t, {
      role: 'officer',
      municipalityCode: '13121',
      associationId: senju,
      revokedAt: new Date(),
    });
    const expired = await createInvitation(t, {
      role: 'officer',
      municipalityCode: '13121',
      associationId: senju,
      expiresAt: new Date(Date.now() - day),
    });
    const accepted = await createInvitation(t, {
      role: 'officer',
      municipalityCode: '13121',
      associationId: senju,
      acceptedAt: new Date(),
    });
    const pending = await createInvitation(t, { role: 'officer', municipalityCode: '13121', associationId: senju });
    const elsewhere = await createInvitation(t, { role: 'officer', municipalityCode: '13104', associationId: okubo });

    const headers = await as(t, demoEmails.staffAdachi);
    const all = InvitationList.parse((await t.app.inject({ method: 'GET', url: '/api/invitations', headers })).json());
    expect(all.items.every((i) => i.municipalityCode === '13121')).toBe(true);
    const ids = all.items.map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining([revoked.id, expired.id, accepted.id, pending.id]));
    expect(ids).not.toContain(elsewhere.id);

    for (const [state, expected] of [
      ['revoked', revoked],
      ['expired', expired],
      ['accepted', accepted],
      ['pending', pending],
    ] as const) {
      const res = InvitationList.parse(
        (await t.app.inject({ method: 'GET', url: `/api/invitations?state=${state}`, headers })).json(),
      );
      expect(res.items.every((i) => i.state === state)).toBe(true);
      expect(res.items.map((i) => i.id)).toContain(expected.id);
    }

    const foundation = InvitationList.parse(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/invitations?municipalityCode=13104',
          headers: await as(t, demoEmails.foundation),
        })
      ).json(),
    );
    expect(foundation.items.map((i) => i.id)).toContain(elsewhere.id);
    expect(foundation.items.every((i) => i.municipalityCode === '13104')).toBe(true);
  });
});

describe('resendInvitation', () => {
  it('mails a new link valid 7 more days; the old link stops working', async () => {
    const staffId = await userIdOf(t, demoEmails.staffAdachi);
    const old = await createInvitation(t, {
      role: 'officer',
      municipalityCode: '13121',
      associationId: senju,
      expiresAt: new Date(Date.now() - day), // already expired: resending revives it
    });
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/invitations/${old.id}/resend`,
      headers: await bearer(t, staffId),
    });
    expect(res.statusCode).toBe(200);
    const invitation = Invitation.parse(res.json());
    expect(invitation.state).toBe('pending');
    expect(Date.parse(invitation.expiresAt)).toBeGreaterThan(Date.now() + 7 * day - 60_000);

    const newToken = inviteTokenIn(lastMailTo(t, old.email).text);
    expect(newToken).not.toBe(old.token);
    expect((await preview(old.token)).statusCode).toBe(410);
    expect((await preview(newToken)).statusCode).toBe(200);
    expect((await auditEntries(t, 'invitation.resend')).filter((e) => e.subjectId === old.id)).toEqual([
      expect.objectContaining({ actorId: staffId, municipalityCode: '13121' }),
    ]);
  });

  it('refuses an accepted or revoked invitation', async () => {
    const headers = await as(t, demoEmails.staffAdachi);
    for (const closed of [{ acceptedAt: new Date() }, { revokedAt: new Date() }]) {
      const inv = await createInvitation(t, {
        role: 'officer',
        municipalityCode: '13121',
        associationId: senju,
        ...closed,
      });
      const res = await t.app.inject({ method: 'POST', url: `/api/invitations/${inv.id}/resend`, headers });
      expect(res.statusCode).toBe(409);
      expect(ErrorBody.parse(res.json()).error.code).toBe('INVITATION_NOT_PENDING');
    }
  });

  it("hides another municipality's invitation (404) and refuses what the role may not manage (403)", async () => {
    const adachiOfficer = await createInvitation(t, {
      role: 'officer',
      municipalityCode: '13121',
      associationId: senju,
    });
    const adachiStaff = await createInvitation(t, { role: 'municipal_staff', municipalityCode: '13121' });
    const shinjuku = await t.app.inject({
      method: 'POST',
      url: `/api/invitations/${adachiOfficer.id}/resend`,
      headers: await as(t, demoEmails.staffShinjuku),
    });
    expect(shinjuku.statusCode).toBe(404);
    expect(shinjuku.body).not.toContain(adachiOfficer.email);
    const staffOnStaff = await t.app.inject({
      method: 'POST',
      url: `/api/invitations/${adachiStaff.id}/resend`,
      headers: await as(t, demoEmails.staffAdachi),
    });
    expect(staffOnStaff.statusCode).toBe(403);
    const foundationOnOfficer = await t.app.inject({
      method: 'POST',
      url: `/api/invitations/${adachiOfficer.id}/resend`,
      headers: await as(t, demoEmails.foundation),
    });
    expect(foundationOnOfficer.statusCode).toBe(403);
  });
});

describe('revokeInvitation', () => {
  it('kills the link, once; an accepted invitation cannot be revoked', async () => {
    const headers = await as(t, demoEmails.staffAdachi);
    const inv = await createInvitation(t, { role: 'officer', municipalityCode: '13121', associationId: senju });
    const res = await t.app.inject({ method: 'POST', url: `/api/invitations/${inv.id}/revoke`, headers });
    expect(res.statusCode).toBe(200);
    expect(Invitation.parse(res.json()).state).toBe('revoked');
    expect((await preview(inv.token)).statusCode).toBe(410);
    const accept = await t.app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      payload: { token: inv.token, displayName: '受ける人', password: 'a long enough password' },
    });
    expect(accept.statusCode).toBe(410);
    expect(ErrorBody.parse(accept.json()).error.code).toBe('INVITATION_INVALID');

    const again = await t.app.inject({ method: 'POST', url: `/api/invitations/${inv.id}/revoke`, headers });
    expect(again.statusCode).toBe(200);
    expect((await auditEntries(t, 'invitation.revoke')).filter((e) => e.subjectId === inv.id)).toHaveLength(1);

    const acceptedInv = await createInvitation(t, {
      role: 'officer',
      municipalityCode: '13121',
      associationId: senju,
      acceptedAt: new Date(),
    });
    const refused = await t.app.inject({ method: 'POST', url: `/api/invitations/${acceptedInv.id}/revoke`, headers });
    expect(refused.statusCode).toBe(409);
  });
});

describe('previewInvitation', () => {
  it('tells the accept page what the link is for, without a session', async () => {
    const inv = await createInvitation(t, { role: 'officer', municipalityCode: '13121', associationId: senju });
    const res = await preview(inv.token);
    expect(res.statusCode).toBe(200);
    expect(InvitationPreview.parse(res.json())).toMatchObject({
      role: 'officer',
      email: inv.email,
      municipalityCode: '13121',
      municipalityName: '足立区',
      municipalityNameEn: 'Adachi City',
      associationName: '千住一丁目町会',
      accountExists: false,
    });
    const known = await createInvitation(t, {
      role: 'officer',
      municipalityCode: '13121',
      associationId: senju,
      email: demoEmails.volunteer1,
    });
    expect(InvitationPreview.parse((await preview(known.token)).json()).accountExists).toBe(true);
  });

  it('is 410 for an unknown, expired, revoked or used link', async () => {
    const expired = await createInvitation(t, {
      role: 'officer',
      municipalityCode: '13121',
      associationId: senju,
      expiresAt: new Date(Date.now() - 1000),
    });
    const used = await createInvitation(t, {
      role: 'officer',
      municipalityCode: '13121',
      associationId: senju,
      acceptedAt: new Date(),
    });
    for (const token of ['x'.repeat(43), expired.token, used.token]) {
      const res = await preview(token);
      expect(res.statusCode).toBe(410);
      expect(ErrorBody.parse(res.json()).error.code).toBe('INVITATION_INVALID');
    }
  });
});

describe('acceptInvitation', () => {
  it('makes a new account (email verified), grants the role and signs the person in', async () => {
    const staffId = await userIdOf(t, demoEmails.staffAdachi);
    const inv = await createInvitation(t, {
      role: 'officer',
      municipalityCode: '13121',
      associationId: senju,
      invitedBy: staffId,
      language: 'en',
    });

    const incomplete = await t.app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      payload: { token: inv.token },
    });
    expect(incomplete.statusCode).toBe(400);
    expect(ErrorBody.parse(incomplete.json()).error.fields).toEqual([
      { field: 'displayName', code: 'DISPLAY_NAME_REQUIRED' },
      { field: 'password', code: 'PASSWORD_REQUIRED' },
    ]);

    const res = await t.app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      payload: { token: inv.token, displayName: 'New Officer', password: 'a long enough password' },
    });
    expect(res.statusCode).toBe(200);
    const result = AcceptInvitationResult.parse(res.json());
    expect(result.me).toMatchObject({
      email: inv.email,
      emailVerified: true,
      displayName: 'New Officer',
      language: 'en',
    });
    expect(result.me.roles).toEqual([
      {
        role: 'officer',
        municipalityCode: '13121',
        municipalityName: '足立区',
        associationId: senju,
        associationName: '千住一丁目町会',
      },
    ]);
    expect(result.session).not.toBeNull();
    expect(res.cookies.map((c) => c.name).sort()).toEqual(['board_access', 'board_refresh']);

    // the access token works
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { authorization: `Bearer ${result.session!.accessToken}` },
    });
    expect(Me.parse(me.json()).id).toBe(result.me.id);

    const [row] = await t.database.handle.db.select().from(schema.invitations).where(eq(schema.invitations.id, inv.id));
    expect(row!.acceptedBy).toBe(result.me.id);
    expect((await auditEntries(t, 'invitation.accept')).filter((e) => e.subjectId === inv.id)).toEqual([
      expect.objectContaining({ actorId: result.me.id, municipalityCode: '13121' }),
    ]);
    expect((await auditEntries(t, 'role.grant')).filter((e) => e.subjectId === result.me.id)).toEqual([
      expect.objectContaining({
        actorId: staffId,
        municipalityCode: '13121',
        details: expect.objectContaining({ role: 'officer', invitationId: inv.id }),
      }),
    ]);

    // the link is spent
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      payload: { token: inv.token, displayName: 'Someone', password: 'a long enough password' },
    });
    expect(again.statusCode).toBe(410);
  });

  it('asks an existing account to sign in first', async () => {
    // another hat than the next test's: one open invitation per address and hat (0007)
    const inv = await createInvitation(t, {
      role: 'municipal_staff',
      municipalityCode: '13121',
      email: demoEmails.volunteer2,
    });
    const before = await rowCounts(t);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      payload: { token: inv.token, displayName: 'Impostor', password: 'a long enough password' },
    });
    expect(res.statusCode).toBe(401);
    expect(ErrorBody.parse(res.json()).error.code).toBe('INVITATION_SIGN_IN_REQUIRED');
    expect(await rowCounts(t)).toEqual(before);
  });

  it('adds the role to the signed-in account of the invited email, and tells them by mail', async () => {
    const inv = await createInvitation(t, {
      role: 'officer',
      municipalityCode: '13121',
      associationId: senju,
      email: demoEmails.volunteer2,
    });
    const volunteerId = await userIdOf(t, demoEmails.volunteer2);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      headers: await bearer(t, volunteerId),
      payload: { token: inv.token },
    });
    expect(res.statusCode).toBe(200);
    const result = AcceptInvitationResult.parse(res.json());
    expect(result.session).toBeNull();
    expect(result.me.id).toBe(volunteerId);
    expect(result.me.roles.map((r) => r.role)).toEqual(['volunteer', 'officer']);
    const mail = lastMailTo(t, demoEmails.volunteer2);
    expect(mail.subject).toContain('A new role was added');
  });

  it('refuses a link forwarded to someone signed in with another email, writing nothing', async () => {
    const inv = await createInvitation(t, { role: 'municipal_staff', municipalityCode: '13121' });
    const before = await rowCounts(t);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      headers: await as(t, demoEmails.volunteer1),
      payload: { token: inv.token },
    });
    expect(res.statusCode).toBe(409);
    expect(ErrorBody.parse(res.json()).error.code).toBe('INVITATION_EMAIL_MISMATCH');
    expect(await rowCounts(t)).toEqual(before);
    expect((await preview(inv.token)).statusCode).toBe(200); // still usable by the right person
  });

  it('is 410 for an expired link', async () => {
    const inv = await createInvitation(t, {
      role: 'officer',
      municipalityCode: '13121',
      associationId: senju,
      expiresAt: new Date(Date.now() - 1000),
    });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      payload: { token: inv.token, displayName: '遅れた人', password: 'a long enough password' },
    });
    expect(res.statusCode).toBe(410);
  });

  it('two clicks at once: one account, one role, one acceptance', async () => {
    const inv = await createInvitation(t, { role: 'officer', municipalityCode: '13121', associationId: senju });
    const attempts = await Promise.all(
      Array.from({ length: 5 }, () =>
        t.app.inject({
          method: 'POST',
          url: '/api/invitations/accept',
          payload: { token: inv.token, displayName: '二度押し', password: 'a long enough password' },
        }),
      ),
    );
    const codes = attempts.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 410, 410, 410, 410]);
    const db = t.database.handle.db;
    const users = await db.select().from(schema.users).where(eq(schema.users.email, inv.email));
    expect(users).toHaveLength(1);
    const roles = await db.select().from(schema.roleAssignments).where(eq(schema.roleAssignments.userId, users[0]!.id));
    expect(roles).toHaveLength(1);
    expect((await auditEntries(t, 'invitation.accept')).filter((e) => e.subjectId === inv.id)).toHaveLength(1);
  });

  it('two clicks at once by a signed-in person: one role', async () => {
    const person = await createPerson(t, { roles: [] });
    const inv = await createInvitation(t, {
      role: 'officer',
      municipalityCode: '13104',
      associationId: okubo,
      email: person.email,
    });
    const headers = await bearer(t, person.id);
    const attempts = await Promise.all(
      Array.from({ length: 4 }, () =>
        t.app.inject({
          method: 'POST',
          url: '/api/invitations/accept',
          headers,
          payload: { token: inv.token },
        }),
      ),
    );
    expect(attempts.map((r) => r.statusCode).sort()).toEqual([200, 410, 410, 410]);
    const roles = await t.database.handle.db
      .select()
      .from(schema.roleAssignments)
      .where(and(eq(schema.roleAssignments.userId, person.id), eq(schema.roleAssignments.role, 'officer')));
    expect(roles).toHaveLength(1);
  });

  it('the full journey: foundation invites, the new staff member accepts and at once works in their municipality only', async () => {
    const email = freshEmail('journey');
    await t.app.inject({
      method: 'POST',
      url: '/api/invitations/municipal-staff',
      headers: await as(t, demoEmails.foundation),
      payload: { email, municipalityCode: '13104', language: 'ja' },
    });
    const token = inviteTokenIn(lastMailTo(t, email).text);
    const accepted = AcceptInvitationResult.parse(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/invitations/accept',
          payload: { token, displayName: '新宿区 新人', password: 'a long enough password' },
        })
      ).json(),
    );
    const headers = { authorization: `Bearer ${accepted.session!.accessToken}` };
    const own = await t.app.inject({ method: 'GET', url: '/api/invitations?municipalityCode=13104', headers });
    expect(own.statusCode).toBe(200);
    const other = await t.app.inject({ method: 'GET', url: '/api/invitations?municipalityCode=13121', headers });
    expect(other.statusCode).toBe(403);
  });
});
