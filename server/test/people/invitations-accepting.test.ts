import { schema } from '@board/db';
import { AcceptInvitationResult, ErrorBody, InvitationPreview, Me } from '@board/shared';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useApiApp } from '../kit/app.ts';
import { answer, get, post } from '../kit/http.ts';
import { createInvitation, createOfficerInvitation, previewInvitation } from '../kit/invitations.ts';
import { inviteTokenIn, lastMailTo } from '../kit/mail.ts';
import { as, bearer, createPerson, demoEmails, freshEmail, useAssociationIds, userIdOf } from '../kit/people.ts';
import { auditEntries, rowCounts } from '../kit/rows.ts';
const t = useApiApp();
const associationIds = useAssociationIds(t);

/** Accepts an invitation through the API as its page does (signed in when `headers` are given). */
const accept = (payload: object, headers: Record<string, string> = {}) =>
  post(t, headers, '/api/invitations/accept', payload);

const preview = (token: string) => previewInvitation(t, token);

describe('previewInvitation', () => {
  it('tells the accept page what the link is for, without a session', async () => {
    const inv = await createOfficerInvitation(t);
    const res = await preview(inv.token);
    expect(answer(res, 200, InvitationPreview)).toMatchObject({
      role: 'officer',
      email: inv.email,
      municipalityCode: '13121',
      municipalityName: '足立区',
      municipalityNameEn: 'Adachi City',
      associationName: '千住一丁目町会',
      accountExists: false,
    });
    const known = await createOfficerInvitation(t, { email: demoEmails.volunteer1 });
    expect(InvitationPreview.parse((await preview(known.token)).json()).accountExists).toBe(true);
  });

  it('is 410 for an unknown, expired, revoked or used link', async () => {
    const expired = await createOfficerInvitation(t, { expiresAt: new Date(Date.now() - 1000) });
    const used = await createOfficerInvitation(t, { acceptedAt: new Date() });
    for (const token of ['x'.repeat(43), expired.token, used.token]) {
      const res = await preview(token);
      expect(answer(res, 410, ErrorBody).error.code).toBe('INVITATION_INVALID');
    }
  });
});

describe('acceptInvitation', () => {
  it('makes a new account (email verified), grants the role and signs the person in', async () => {
    const staffId = await userIdOf(t, demoEmails.staffAdachi);
    const inv = await createOfficerInvitation(t, { invitedBy: staffId, language: 'en' });

    const incomplete = await accept({ token: inv.token });
    expect(answer(incomplete, 400, ErrorBody).error.fields).toEqual([
      { field: 'displayName', code: 'DISPLAY_NAME_REQUIRED' },
      { field: 'password', code: 'PASSWORD_REQUIRED' },
    ]);

    const res = await accept({ token: inv.token, displayName: 'New Officer', password: 'a long enough password' });
    const result = answer(res, 200, AcceptInvitationResult);
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
        associationId: associationIds.senju,
        associationName: '千住一丁目町会',
      },
    ]);
    expect(result.session).not.toBeNull();
    expect(res.cookies.map((c) => c.name).sort()).toEqual(['board_access', 'board_refresh']);

    // the access token works
    const me = await get(t, { authorization: `Bearer ${result.session!.accessToken}` }, '/api/me');
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
    const again = await accept({ token: inv.token, displayName: 'Someone', password: 'a long enough password' });
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
    const res = await accept({ token: inv.token, displayName: 'Impostor', password: 'a long enough password' });
    expect(answer(res, 401, ErrorBody).error.code).toBe('INVITATION_SIGN_IN_REQUIRED');
    expect(await rowCounts(t)).toEqual(before);
  });

  it('adds the role to the signed-in account of the invited email, and tells them by mail', async () => {
    const inv = await createOfficerInvitation(t, { email: demoEmails.volunteer2 });
    const volunteerId = await userIdOf(t, demoEmails.volunteer2);
    const res = await accept({ token: inv.token }, await bearer(t, volunteerId));
    const result = answer(res, 200, AcceptInvitationResult);
    expect(result.session).toBeNull();
    expect(result.me.id).toBe(volunteerId);
    expect(result.me.roles.map((r) => r.role)).toEqual(['volunteer', 'officer']);
    const mail = lastMailTo(t, demoEmails.volunteer2);
    expect(mail.subject).toContain('A new role was added');
  });

  it('refuses a link forwarded to someone signed in with another email, writing nothing', async () => {
    const inv = await createInvitation(t, { role: 'municipal_staff', municipalityCode: '13121' });
    const before = await rowCounts(t);
    const res = await accept({ token: inv.token }, await as(t, demoEmails.volunteer1));
    expect(answer(res, 409, ErrorBody).error.code).toBe('INVITATION_EMAIL_MISMATCH');
    expect(await rowCounts(t)).toEqual(before);
    expect((await preview(inv.token)).statusCode).toBe(200); // still usable by the right person
  });

  it('is 410 for an expired link', async () => {
    const inv = await createOfficerInvitation(t, { expiresAt: new Date(Date.now() - 1000) });
    const res = await accept({ token: inv.token, displayName: '遅れた人', password: 'a long enough password' });
    expect(res.statusCode).toBe(410);
  });

  it('two clicks at once: one account, one role, one acceptance', async () => {
    const inv = await createOfficerInvitation(t);
    const attempts = await Promise.all(
      Array.from({ length: 5 }, () =>
        accept({ token: inv.token, displayName: '二度押し', password: 'a long enough password' }),
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
    const inv = await createOfficerInvitation(t, { association: 'okubo', email: person.email });
    const headers = await bearer(t, person.id);
    const attempts = await Promise.all(Array.from({ length: 4 }, () => accept({ token: inv.token }, headers)));
    expect(attempts.map((r) => r.statusCode).sort()).toEqual([200, 410, 410, 410]);
    const roles = await t.database.handle.db
      .select()
      .from(schema.roleAssignments)
      .where(and(eq(schema.roleAssignments.userId, person.id), eq(schema.roleAssignments.role, 'officer')));
    expect(roles).toHaveLength(1);
  });

  it('the full journey: foundation invites, the new staff member accepts and at once works in their municipality only', async () => {
    const email = freshEmail('journey');
    await post(t, await as(t, demoEmails.foundation), '/api/invitations/municipal-staff', {
      email,
      municipalityCode: '13104',
      language: 'ja',
    });
    const token = inviteTokenIn(lastMailTo(t, email).text);
    const accepted = AcceptInvitationResult.parse(
      (await accept({ token, displayName: '新宿区 新人', password: 'a long enough password' })).json(),
    );
    const headers = { authorization: `Bearer ${accepted.session!.accessToken}` };
    const own = await get(t, headers, '/api/invitations?municipalityCode=13104');
    expect(own.statusCode).toBe(200);
    const other = await get(t, headers, '/api/invitations?municipalityCode=13121');
    expect(other.statusCode).toBe(403);
  });
});
