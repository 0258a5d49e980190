import type { Action, Me } from '@board/shared';
import { canAtAll } from '@board/shared';
import { error, redirect } from '@sveltejs/kit';
import { actorOf, staffAreaRoles, wearsAny } from '#lib/actor.ts';

/** The signed-in person, or a 303 to the sign-in page that comes back here afterwards. */
export function requireSignedIn(locals: App.Locals, url: URL): Me {
  if (!locals.me) {
    redirect(303, `/signin?returnTo=${encodeURIComponent(`${url.pathname}${url.search}`)}`);
  }
  return locals.me;
}

/**
 * For pages of the staff area: signed in (else to sign-in), wearing a staff-area hat, and — when
 * an action is named — allowed to do it somewhere (else 403). The table is shared/src/permissions.ts.
 */
export function requireStaffArea(locals: App.Locals, url: URL, action?: Action): Me {
  const me = requireSignedIn(locals, url);
  if (!wearsAny(me, staffAreaRoles)) error(403, 'Staff only');
  if (action && !canAtAll(actorOf(me), action)) error(403, 'Not allowed');
  return me;
}
