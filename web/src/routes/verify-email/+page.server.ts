import { callApi } from '#lib/server/api.ts';
import { tokenFailure } from '#lib/server/auth-forms.ts';
import { formText } from '#lib/server/form-result.ts';
import { loadSession } from '#lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

/**
 * Opening the link only shows a button: mail scanners fetch links to check them, and must not
 * spend the token. The POST confirms (for a sign-up or an email change alike).
 */
export const load: PageServerLoad = ({ url }) => ({ token: url.searchParams.get('token') ?? '' });

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const token = formText(form, 'token');
    if (!token) return tokenFailure('verify', 400, { code: 'TOKEN_INVALID' }, form);
    const result = await callApi<{ status: 'verified'; email: string }>(event, 'POST', '/api/auth/verify-email', {
      token,
    });
    if (!result.ok) return tokenFailure('verify', result.status, result.error, form);
    // the person as they are now, so this very page stops asking them to confirm
    if (event.locals.me) event.locals.me = await loadSession(event);
    return { verified: true as const, email: result.data.email };
  },
};
