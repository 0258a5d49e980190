import { requireSignedIn } from '#lib/server/guards.ts';
import { changeEmail, changePassword, saveProfile } from '#lib/server/my-account.ts';
import type { Actions, PageServerLoad } from './$types';

/** /me/profile: name, language and contact details, the password, and the sign-in address. */
export const load: PageServerLoad = (event) => {
  const me = requireSignedIn(event.locals, event.url);
  return {
    me,
    /** back from a save that changed the language (a redirect, so the whole page is in it) */
    savedProfile: event.url.searchParams.get('saved') === 'profile',
  };
};

export const actions: Actions = { profile: saveProfile, password: changePassword, email: changeEmail };
