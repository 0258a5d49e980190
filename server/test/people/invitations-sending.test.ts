import { schema } from '@board/db';
import { ErrorBody, Invitation } from '@board/shared';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useApiApp } from '../kit/app.ts';
import { answer, post } from '../kit/http.ts';
import { inviteTokenIn, lastMailTo } from '../kit/mail.ts';
import { as, bearer, demoEmails, freshEmail, useAssociationIds, userIdOf } from '../kit/people.ts';
import { auditEntries, rowCounts } from '../kit/rows.ts';
const t = useApiApp();
const associationIds = useAssociationIds(t);

const day = 86_400_000;

describe('inviteMunicipalStaff', () => {
  it('foundation staff invite someone to one municipality; a 7-day link is mailed in their language', async () => {
    const email = freshEmail('newstaff');
    const foundationId = await userIdOf(t, demoEmails.foundation);
    const res = await post(t, await bearer(t, foundationId), '/api/invitations/municipal-staff', {
      email: email.toUpperCase(),
      municipalityCode: '13121',
      language: 'en',
    });
    const invitation = answer(res, 201, Invitation);
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
    expect((await post(t, headers, '/api/invitations/municipal-staff', payload)).statusCode).toBe(201);
    const again = await post(t, headers, '/api/invitations/municipal-staff', payload);
    expect(answer(again, 409, ErrorBody).error.code).toBe('INVITATION_PENDING');
  });

  it('refuses to invite someone to a role they already hold', async () => {
    const res = await post(t, await as(t, demoEmails.foundation), '/api/invitations/municipal-staff', {
      email: demoEmails.staffAdachi,
      municipalityCode: '13121',
      language: 'ja',
    });
    expect(answer(res, 409, ErrorBody).error.code).toBe('ROLE_ALREADY_HELD');
  });

  it('is 404 for a municipality code that does not exist', async () => {
    const before = await rowCounts(t);
    const res = await post(t, await as(t, demoEmails.foundation), '/api/invitations/municipal-staff', {
      email: freshEmail(),
      municipalityCode: '13999',
      language: 'ja',
    });
    expect(res.statusCode).toBe(404);
    expect(await rowCounts(t)).toEqual(before);
  });
});

describe('inviteOfficer', () => {
  it('municipal staff invite an officer to an association of their municipality', async () => {
    const email = freshEmail('officer');
    const res = await post(t, await as(t, demoEmails.staffAdachi), '/api/invitations/officers', {
      email,
      associationId: associationIds.senju,
      language: 'ja-easy',
    });
    expect(answer(res, 201, Invitation)).toMatchObject({
      role: 'officer',
      municipalityCode: '13121',
      associationId: associationIds.senju,
      associationName: '千住一丁目町会',
      state: 'pending',
    });
    const mail = lastMailTo(t, email);
    expect(mail.subject).toContain('「千住一丁目町会」（足立区）の やくいん');
  });

  it("refuses another municipality's association (403) and an unknown one (404), writing nothing", async () => {
    const headers = await as(t, demoEmails.staffAdachi);
    const before = await rowCounts(t);
    const other = await post(t, headers, '/api/invitations/officers', {
      email: freshEmail(),
      associationId: associationIds.okubo,
      language: 'ja',
    });
    expect(other.statusCode).toBe(403);
    const unknown = await post(t, headers, '/api/invitations/officers', {
      email: freshEmail(),
      associationId: crypto.randomUUID(),
      language: 'ja',
    });
    expect(unknown.statusCode).toBe(404);
    expect(await rowCounts(t)).toEqual(before);
  });
});
