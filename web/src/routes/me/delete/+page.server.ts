import { redirect } from '@sveltejs/kit';
import { callApi } from '#lib/server/api.ts';
import { requireSignedIn } from '#lib/server/guards.ts';
import { formValues, apiFailure, formFailure } from '#lib/server/form-result.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  const me = requireSignedIn(locals, url);
  return { me };
};

/**
 * DELETE /api/me. The API's rule (server/src/modules/me/service.ts deleteMe): an account with a
 * password must give it; one without a password must send confirm "DELETE". This page always
 * asks for the tick box (so nobody deletes by a slip) and sends the password when one was typed.
 */
export const actions: Actions = {
  default: async (event) => {
    requireSignedIn(event.locals, event.url);
    const form = await event.request.formData();
    const values = formValues(form);
    const password = form.get('password');
    const confirmed = form.get('confirm') === 'DELETE';
    if (!confirmed) {
      return formFailure('delete', 400, 'VALIDATION_FAILED', { confirm: 'CONFIRM_REQUIRED' }, values);
    }
    const result = await callApi(event, 'DELETE', '/api/me', {
      ...(typeof password === 'string' && password !== '' ? { password } : {}),
      confirm: 'DELETE',
    });
    if (!result.ok) {
      if (result.error.code === 'PASSWORD_INCORRECT') {
        return formFailure('delete', result.status, 'VALIDATION_FAILED', { password: 'PASSWORD_INCORRECT' }, values);
      }
      return apiFailure('delete', result.status, result.error, values);
    }
    // the API cleared the session cookies (forwarded by callApi); nobody is signed in any more
    event.locals.me = null;
    redirect(303, '/me/deleted');
  },
};
