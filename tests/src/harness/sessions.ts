import { createSession } from '@board/server/modules/accounts/sessions';
import { systemContext } from '@board/server/services/context';
import type { TestApp } from './test-app.ts';

const madeHere = new WeakMap<TestApp, Set<string>>();

/**
 * An access token of a new, live session of this person, as a sign-in would give, without
 * going through the sign-in form or its rate limits. Access tokens name their session, so a
 * token signed without one is refused.
 */
export async function accessTokenFor(t: TestApp, userId: string): Promise<string> {
  const { accessToken, sessionId } = await systemContext(t.app).door.asSystem('test: sign a person in', (tx) =>
    createSession(t.app, tx, userId),
  );
  const made = madeHere.get(t) ?? new Set<string>();
  madeHere.set(t, made.add(sessionId));
  return accessToken;
}

/** The sessions `accessTokenFor` made, so a count of rows a request wrote can leave them out. */
export function testSessionIds(t: TestApp): string[] {
  return [...(madeHere.get(t) ?? [])];
}
