import type { Me } from '@board/shared';
import { callApi, type ApiEvent } from './api.ts';

/** Cookie names set by the API (server/src/plugins/app/authentication.ts). */
export const accessCookie = 'board_access';
export const refreshCookie = 'board_refresh';

/**
 * The signed-in person for this page request, or null. An expired or refused access cookie (e.g.
 * one issued before access tokens named their session) is renewed with the refresh cookie (the
 * API rotates it); a failed renewal signs the person out.
 */
export async function loadSession(event: ApiEvent): Promise<Me | null> {
  if (event.cookies.get(accessCookie)) {
    const me = await callApi<Me>(event, 'GET', '/api/me');
    if (me.ok) return me.data;
    if (me.status !== 401) return null;
    event.cookies.delete(accessCookie, { path: '/' });
  }
  if (!event.cookies.get(refreshCookie)) return null;
  const refreshed = await callApi<{ me: Me }>(event, 'POST', '/api/auth/refresh');
  if (!refreshed.ok) {
    event.cookies.delete(refreshCookie, { path: '/' });
    return null;
  }
  return refreshed.data.me;
}
