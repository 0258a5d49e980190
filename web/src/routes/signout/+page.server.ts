import { redirect } from '@sveltejs/kit';
import { callApi } from '#lib/server/api.ts';
import { accessCookie, refreshCookie } from '#lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

/** Signing out only happens by POST (the header's button); a visit by GET asks first. */
export const load: PageServerLoad = ({ locals }) => {
  if (!locals.me) redirect(303, '/');
  return {};
};

export const actions: Actions = {
  default: async (event) => {
    const result = await callApi(event, 'POST', '/api/auth/sign-out');
    if (!result.ok) console.error(`sign-out: API answered ${result.status} ${result.error.code}`);
    // the API clears the cookies (forwarded by callApi); should it not have answered, forget them anyway
    for (const name of [accessCookie, refreshCookie]) {
      if (event.cookies.get(name) !== undefined) event.cookies.delete(name, { path: '/' });
    }
    redirect(303, '/');
  },
};
