import { queuedWorkDone } from '@board/tests/harness/queued-work';
import { vi } from 'vitest';
import type { TestApp } from './app.ts';

/** Captured mail to one address as it stands now, newest first. */
export function mailsTo(t: TestApp, to: string) {
  return t.mail.filter((m) => m.to === to);
}

/** The newest captured mail to this address (fails when there is none). */
export function lastMailTo(t: TestApp, to: string) {
  const mail = mailsTo(t, to)[0];
  if (!mail) throw new Error(`no mail to ${to}`);
  return mail;
}

/** Waits for mail to `to` whose subject matches (mail goes out in the background, right after the answer). */
export async function mailTo(t: TestApp, to: string, subject?: RegExp) {
  await mailSent(t);
  return vi.waitFor(
    () => {
      const found = mailsTo(t, to).find((m) => !subject || subject.test(m.subject));
      if (!found) throw new Error(`no mail to ${to}${subject ? ` matching ${subject}` : ''} yet`);
      return found;
    },
    // generous: on a loaded machine the background send can lag; success ends the wait at once
    { timeout: 15_000, interval: 10 },
  );
}

/** All captured mail to `to`, once the job queue has sent what is due (mail queued outside a request, e.g. by a job). */
export async function allMailTo(t: TestApp, to: string) {
  await mailSent(t);
  return mailsTo(t, to);
}

/** Waits until the queue has sent every mail due (after calling a service or a job directly, not through a request). */
export async function mailSent(t: TestApp) {
  await new Promise((resolve) => setTimeout(resolve, 20));
  await queuedWorkDone(t.app);
}

/** The token from the link in a mail (any link with `?token=`). */
export function tokenIn(text: string): string {
  const match = /[?&]token=([A-Za-z0-9_-]+)/.exec(text);
  if (!match) throw new Error(`no link with a token in:\n${text}`);
  return match[1]!;
}

/** The token in the accept link of an invitation mail */
export function inviteTokenIn(text: string): string {
  const match = /\/invitations\/accept\?token=([A-Za-z0-9_%-]+)/.exec(text);
  if (!match) throw new Error('no invitation link in the mail');
  return decodeURIComponent(match[1]!);
}

/** Forgets the mail captured so far, so `mailTo` finds only what comes next. */
export function forgetMail(t: TestApp) {
  t.mail.length = 0;
}
