import { callApi } from '#lib/server/api.ts';
import { loadLinkToken, mailLinkAction, tokenFailure } from '#lib/server/auth-forms.ts';
import { apiFailure, formText } from '#lib/server/form-result.ts';
import type { Actions, PageServerLoad } from './$types';

/** Without `?token=`: ask for a reset link. With it (from the mail): choose a new password. */
export const load: PageServerLoad = loadLinkToken;

export const actions: Actions = {
  /** Mail a reset link: the same answer whether or not the address has an account. */
  request: mailLinkAction('request', '/api/auth/password-reset', 'reset'),

  /** Set the new password with the link's token; the API ends every session of the account. */
  reset: async (event) => {
    const form = await event.request.formData();
    const token = formText(form, 'token');
    if (!token) return tokenFailure('reset', 400, { code: 'TOKEN_INVALID' }, form);
    const result = await callApi(event, 'POST', '/api/auth/password-reset/confirm', {
      token,
      password: formText(form, 'password'),
    });
    if (!result.ok) {
      // a problem with the password is shown beside it; any other (the token) means the link is spent
      const aboutPassword = result.error.fields.some((f) => f.field === 'password');
      if (aboutPassword) return apiFailure('reset', result.status, result.error, form, { required: ['password'] });
      return tokenFailure('reset', result.status, result.error, form);
    }
    return { reset: true as const };
  },
};
