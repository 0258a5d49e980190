import { Invitation } from '@board/shared';
import { describe, expect, it } from 'vitest';
import { mailThrottles } from '../../src/limits/mail-throttle.ts';
import { useApiApp } from '../kit/app.ts';
import { applied } from '../kit/applications.ts';
import { answer, post } from '../kit/http.ts';
import { createOfficerInvitation } from '../kit/invitations.ts';
import { mailsTo } from '../kit/mail.ts';
import { bearer, createVolunteer, demoEmails, officers, userIdOf } from '../kit/people.ts';
import { insertRequest } from '../kit/requests.ts';

const t = useApiApp();

describe('repeatable actions that mail someone else are throttled per actor', () => {
  it('raise → withdraw → raise … 6 times: every action succeeds, the officer gets one mail', async () => {
    const request = await insertRequest(t);
    const volunteer = await createVolunteer(t);
    for (let i = 0; i < 6; i++) {
      const id = await applied(t, volunteer.headers, request.id);
      expect((await post(t, volunteer.headers, `/api/applications/${id}/withdraw`)).statusCode).toBe(200);
    }
    const aboutThis = mailsTo(t, officers.senju).filter((m) => m.subject.includes(request.title));
    expect(aboutThis).toHaveLength(1);

    // another volunteer's hand on the same request is still mailed
    const other = await createVolunteer(t);
    await applied(t, other.headers, request.id);
    expect(mailsTo(t, officers.senju).filter((m) => m.subject.includes(request.title))).toHaveLength(2);
  });

  it('resending an invitation again and again: each resend succeeds, mail stops after the allowance', async () => {
    const staffId = await userIdOf(t, demoEmails.staffAdachi);
    const invitation = await createOfficerInvitation(t);
    for (let i = 0; i < 6; i++) {
      const res = await post(t, await bearer(t, staffId), `/api/invitations/${invitation.id}/resend`);
      expect(answer(res, 200, Invitation).state).toBe('pending');
    }
    const resent = t.mail.filter((m) => m.to === invitation.email);
    expect(resent).toHaveLength(mailThrottles.invitation.max);
  });
});
