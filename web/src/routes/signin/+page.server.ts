import type { Session } from '@board/shared';
import { redirect } from '@sveltejs/kit';
import { authPaths } from '#lib/navigation/auth-paths.ts';
import { safeReturnPath } from '#lib/navigation/return-path.ts';
import { afterSignIn } from '#lib/server/after-sign-in.ts';
import { callApi } from '#lib/server/api.ts';
import { mailLinkAction, missingFields } from '#lib/server/auth-forms.ts';
import { apiFailure, formText } from '#lib/server/form-result.ts';
import type { Actions, PageServerLoad } from './$types';

/** Where to go after signing in: a same-site path from `?returnTo=`, never back to an auth page; else `/`. */
function destination(value: unknown): string {
  return safeReturnPath(value, authPaths);
}

export const load: PageServerLoad = ({ locals, url }) => {
  const returnTo = url.searchParams.get('returnTo');
  // already signed in: carry on to where they were going
  if (locals.me) redirect(303, destination(returnTo));
  return { returnTo: returnTo && destination(returnTo) !== '/' ? destination(returnTo) : '' };
};

export const actions: Actions = {
  /** Email and password. Success: the API's session cookies, then 303 to the safe return path. */
  password: async (event) => {
    const form = await event.request.formData();
    // an empty box is answered here: sign-in attempts are rate limited per address
    const missing = missingFields('password', form, ['email', 'password']);
    if (missing) return missing;
    const result = await callApi<Session>(event, 'POST', '/api/auth/sign-in', {
      email: formText(form, 'email'),
      password: formText(form, 'password'),
    });
    if (!result.ok)
      return apiFailure('password', result.status, result.error, form, { required: ['email', 'password'] });
    redirect(303, afterSignIn(event, result.data.me, formText(form, 'returnTo')));
  },

  /** "Email me a sign-in link": the same answer whether or not the address has an account. */
  link: mailLinkAction('link', '/api/auth/sign-in-link', 'link'),
};
