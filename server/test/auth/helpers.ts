import { Session } from '@board/shared';
import type { TestApp } from '@board/tests/harness/test-app';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { vi } from 'vitest';

export const demoPassword = 'udekiki-demo-2026';

/** A route of the auth tests only, so access-token checks do not depend on other modules' routes. */
export function whoamiRoute(app: FastifyInstance) {
  app.get('/api/__test/whoami', async (request) => ({ userId: request.requireActor().userId }));
}
export const csrf = { 'x-board-csrf': '1' };

let nextAddress = 1;
/**
 * A fresh client address per call, so per-IP rate limits (e.g. 10 sign-ins a minute) never
 * trip a test that is not about them. Rate-limit tests pass their own fixed address.
 */
export function freshIp(): string {
  const n = nextAddress++;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

export function cookieValue(res: LightMyRequestResponse, name: string): string | undefined {
  return (res.cookies as { name: string; value: string }[]).find((c) => c.name === name)?.value;
}

export interface SignedIn {
  res: LightMyRequestResponse;
  session: Session;
  accessToken: string;
  refreshToken: string;
  /** `Cookie` header carrying both session cookies, as a browser would send them */
  cookie: string;
}

/** Signs in through the API and returns the session, its cookies and a ready `Cookie` header. */
export async function signIn(t: TestApp, email: string, password = demoPassword): Promise<SignedIn> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email, password },
    remoteAddress: freshIp(),
  });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
  return sessionOf(res);
}

export function sessionOf(res: LightMyRequestResponse): SignedIn {
  const session = Session.parse(res.json());
  const accessToken = cookieValue(res, 'board_access')!;
  const refreshToken = cookieValue(res, 'board_refresh')!;
  return {
    res,
    session,
    accessToken,
    refreshToken,
    cookie: `board_access=${accessToken}; board_refresh=${refreshToken}`,
  };
}

/** Waits for mail to `to` whose subject matches (mail goes out in the background, right after the answer). */
export async function mailTo(t: TestApp, to: string, subject?: RegExp) {
  return vi.waitFor(
    () => {
      const found = t.app.mailer.captured.find((m) => m.to === to && (!subject || subject.test(m.subject)));
      if (!found) throw new Error(`no mail to ${to}${subject ? ` matching ${subject}` : ''} yet`);
      return found;
    },
    { timeout: 5_000, interval: 10 },
  );
}

/** All captured mail to `to`, after giving background work a moment to finish. */
export async function allMailTo(t: TestApp, to: string) {
  await new Promise((resolve) => setTimeout(resolve, 50));
  return t.app.mailer.captured.filter((m) => m.to === to);
}

/** The token from the link in a mail. */
export function tokenIn(text: string): string {
  const match = /[?&]token=([A-Za-z0-9_-]+)/.exec(text);
  if (!match) throw new Error(`no link with a token in:\n${text}`);
  return match[1]!;
}
