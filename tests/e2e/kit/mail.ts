/** Mail the app sent (captured by the test mailer) and the links in it. */
import type { BrowserContext } from 'playwright-core';
import { expect } from 'vitest';
import type { TestApp } from '../../src/harness/test-app.ts';

/** The id of the newest mail captured so far (0 for none): pass it to `mailTo` to wait for a mail sent after now. */
export function lastMailId(app: TestApp): number {
  return app.mail[0]?.id ?? 0;
}

/**
 * The newest mail to `to` whose subject passes `subject`, sent after the mail with id `after`
 * (mail goes out after the answer: waits for it).
 */
export async function mailTo(app: TestApp, to: string, subject: (s: string) => boolean = () => true, after = 0) {
  const matches = (m: (typeof app.mail)[number]) => m.id > after && m.to === to && subject(m.subject);
  await expect.poll(() => app.mail.some(matches), { timeout: 10_000 }).toBe(true);
  return app.mail.find(matches)!;
}

/** The link to `path` in a mail, as an absolute mail URL and as the same page on the test server. */
export function linkIn(text: string, path: string, app: TestApp): { mailUrl: string; local: string } {
  const match = new RegExp(`https?://\\S+${path.replaceAll('/', '\\/')}\\?token=[A-Za-z0-9_-]+`).exec(text);
  if (!match) throw new Error(`no ${path} link in mail:\n${text}`);
  const url = new URL(match[0]);
  return { mailUrl: match[0], local: `${app.baseUrl}${url.pathname}${url.search}` };
}

/** The path (with token) of the newest invitation link mailed to this address. */
export function invitationLinkFor(app: TestApp, email: string): string {
  const mail = app.mail.find((m) => m.to === email && m.text.includes('/invitations/accept?token='));
  if (!mail) throw new Error(`no invitation mail to ${email}`);
  const match = /\/invitations\/accept\?token=[A-Za-z0-9_%-]+/.exec(mail.text);
  if (!match) throw new Error('no link in the invitation mail');
  return match[0];
}

/**
 * Mail links point at the configured public origin, which in tests is not the port the test
 * server listens on: send the browser from there to the same path on the test server, so a
 * person's click on a mail link can be followed for real.
 */
export async function followMailLinks(context: BrowserContext, app: TestApp) {
  const origin = app.config.publicOrigin;
  await context.route(`${origin}/**`, (route) => {
    const url = new URL(route.request().url());
    return route.fulfill({ status: 302, headers: { location: `${app.baseUrl}${url.pathname}${url.search}` } });
  });
}
