import { Invitation } from '@board/shared';
import { startTestApp, type TestApp } from '@board/tests/harness/test-app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailThrottles } from '../../src/limits/mail-throttle.ts';
import { applied, createRequest, createVolunteer, mailsTo, officers, post } from '../matching/helpers.ts';
import { associationIdOf, bearer, createInvitation, demoEmails, userIdOf } from '../people/helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ demo: true });
});
afterAll(() => t.close());

describe('repeatable actions that mail someone else are throttled per actor', () => {
  it('raise → withdraw → raise … 6 times: every action succeeds, the officer gets one mail', async () => {
    const request = await createRequest(t);
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
    const invitation = await createInvitation(t, {
      role: 'officer',
      municipalityCode: '13121',
      associationId: await associationIdOf(t, '千住一丁目町会'),
    });
    for (let i = 0; i < 6; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/invitations/${invitation.id}/resend`,
        headers: await bearer(t, staffId),
      });
      expect(res.statusCode).toBe(200);
      expect(Invitation.parse(res.json()).state).toBe('pending');
    }
    const resent = t.app.mailer.captured.filter((m) => m.to === invitation.email);
    expect(resent).toHaveLength(mailThrottles.invitation.max);
  });
});
