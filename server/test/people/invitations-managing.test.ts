import { ErrorBody, Invitation, InvitationList } from '@board/shared';
import { describe, expect, it } from 'vitest';
import { useApiApp } from '../kit/app.ts';
import { answer, get, post } from '../kit/http.ts';
import { createInvitation, createOfficerInvitation, previewInvitation } from '../kit/invitations.ts';
import { inviteTokenIn, lastMailTo } from '../kit/mail.ts';
import { as, bearer, demoEmails, userIdOf } from '../kit/people.ts';
import { auditEntries } from '../kit/rows.ts';
const t = useApiApp();

const day = 86_400_000;

const preview = (token: string) => previewInvitation(t, token);

describe('listInvitations', () => {
  it("shows staff only their municipality's invitations, by state", async () => {
    const revoked = await createOfficerInvitation(t, { revokedAt: new Date() });
    const expired = await createOfficerInvitation(t, { expiresAt: new Date(Date.now() - day) });
    const accepted = await createOfficerInvitation(t, { acceptedAt: new Date() });
    const pending = await createOfficerInvitation(t);
    const elsewhere = await createOfficerInvitation(t, { association: 'okubo' });

    const headers = await as(t, demoEmails.staffAdachi);
    const all = InvitationList.parse((await get(t, headers, '/api/invitations')).json());
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
      const res = InvitationList.parse((await get(t, headers, `/api/invitations?state=${state}`)).json());
      expect(res.items.every((i) => i.state === state)).toBe(true);
      expect(res.items.map((i) => i.id)).toContain(expected.id);
    }

    const foundation = InvitationList.parse(
      (await get(t, await as(t, demoEmails.foundation), '/api/invitations?municipalityCode=13104')).json(),
    );
    expect(foundation.items.map((i) => i.id)).toContain(elsewhere.id);
    expect(foundation.items.every((i) => i.municipalityCode === '13104')).toBe(true);
  });
});

describe('resendInvitation', () => {
  it('mails a new link valid 7 more days; the old link stops working', async () => {
    const staffId = await userIdOf(t, demoEmails.staffAdachi);
    // already expired: resending revives it
    const old = await createOfficerInvitation(t, { expiresAt: new Date(Date.now() - day) });
    const res = await post(t, await bearer(t, staffId), `/api/invitations/${old.id}/resend`);
    const invitation = answer(res, 200, Invitation);
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
      const inv = await createOfficerInvitation(t, closed);
      const res = await post(t, headers, `/api/invitations/${inv.id}/resend`);
      expect(answer(res, 409, ErrorBody).error.code).toBe('INVITATION_NOT_PENDING');
    }
  });

  it("hides another municipality's invitation (404) and refuses what the role may not manage (403)", async () => {
    const adachiOfficer = await createOfficerInvitation(t);
    const adachiStaff = await createInvitation(t, { role: 'municipal_staff', municipalityCode: '13121' });
    const shinjuku = await post(
      t,
      await as(t, demoEmails.staffShinjuku),
      `/api/invitations/${adachiOfficer.id}/resend`,
    );
    expect(shinjuku.statusCode).toBe(404);
    expect(shinjuku.body).not.toContain(adachiOfficer.email);
    const staffOnStaff = await post(
      t,
      await as(t, demoEmails.staffAdachi),
      `/api/invitations/${adachiStaff.id}/resend`,
    );
    expect(staffOnStaff.statusCode).toBe(403);
    const foundationOnOfficer = await post(
      t,
      await as(t, demoEmails.foundation),
      `/api/invitations/${adachiOfficer.id}/resend`,
    );
    expect(foundationOnOfficer.statusCode).toBe(403);
  });
});

describe('revokeInvitation', () => {
  it('kills the link, once; an accepted invitation cannot be revoked', async () => {
    const headers = await as(t, demoEmails.staffAdachi);
    const inv = await createOfficerInvitation(t);
    const res = await post(t, headers, `/api/invitations/${inv.id}/revoke`);
    expect(answer(res, 200, Invitation).state).toBe('revoked');
    expect((await preview(inv.token)).statusCode).toBe(410);
    const accept = await post(t, {}, '/api/invitations/accept', {
      token: inv.token,
      displayName: '受ける人',
      password: 'a long enough password',
    });
    expect(answer(accept, 410, ErrorBody).error.code).toBe('INVITATION_INVALID');

    const again = await post(t, headers, `/api/invitations/${inv.id}/revoke`);
    expect(again.statusCode).toBe(200);
    expect((await auditEntries(t, 'invitation.revoke')).filter((e) => e.subjectId === inv.id)).toHaveLength(1);

    const acceptedInv = await createOfficerInvitation(t, { acceptedAt: new Date() });
    const refused = await post(t, headers, `/api/invitations/${acceptedInv.id}/revoke`);
    expect(refused.statusCode).toBe(409);
  });
});
