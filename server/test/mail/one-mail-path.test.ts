import { startTestApp, type TestApp } from '@board/tests/harness/test-app';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { applicationRow, newHand } from '../kit/applications.ts';
import { post } from '../kit/http.ts';
import { createOfficerInvitation } from '../kit/invitations.ts';
import { mailsTo } from '../kit/mail.ts';
import { bearer, demoEmails, officers, userIdOf } from '../kit/people.ts';

describe('links in mail are built from PUBLIC_ORIGIN', () => {
  let t: TestApp;
  beforeAll(async () => {
    // a trailing slash in the setting must not give `//` in links
    t = await startTestApp({ demo: true, env: { PUBLIC_ORIGIN: 'https://board.example.jp/' } });
  });
  afterAll(() => t.close());

  it('a new hand: the officer’s link opens the request’s applicants on the public origin', async () => {
    const { request } = await newHand(t);
    const mail = mailsTo(t, officers.senju).find((m) => m.subject.includes(request.title));
    expect(mail?.text).toContain(`https://board.example.jp/association/requests/${request.id}#applicants-heading\n`);
  });

  it('a sign-in link: the token rides in the query of the page on the public origin', async () => {
    const res = await post(t, {}, '/api/auth/sign-in-link', { email: officers.senju });
    expect(res.statusCode).toBe(202);
    const mail = await vi.waitFor(() => {
      const found = mailsTo(t, officers.senju).find((m) => m.text.includes('/signin/link?token='));
      if (!found) throw new Error('no sign-in link mailed yet');
      return found;
    });
    expect(mail.text).toMatch(/https:\/\/board\.example\.jp\/signin\/link\?token=[\w-]+\n/);
  });
});

describe('a mail server that fails does not undo or fail the change', () => {
  let t: TestApp;
  const logged: string[] = [];
  beforeAll(async () => {
    t = await startTestApp({
      demo: true,
      // nothing listens on the discard port of loopback: every send is refused
      env: { SMTP_URL: 'smtp://127.0.0.1:9', LOG_LEVEL: 'error' },
      logStream: { write: (line) => void logged.push(line) },
    });
  });
  afterAll(() => t.close());

  it('a hand is raised (201, stored) and the failed mail is logged', async () => {
    const { id } = await newHand(t);
    expect((await applicationRow(t, id))?.status).toBe('pending');
    expect(t.mail).toEqual([]);
    expect(logged.some((line) => line.includes('mail could not be sent'))).toBe(true);
  });

  it('an invitation is resent (200) though its mail cannot go out', async () => {
    const invitation = await createOfficerInvitation(t);
    const res = await post(
      t,
      await bearer(t, await userIdOf(t, demoEmails.staffAdachi)),
      `/api/invitations/${invitation.id}/resend`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().state).toBe('pending');
  });
});
