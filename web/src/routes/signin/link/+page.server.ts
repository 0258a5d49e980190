import type { Session } from '@board/shared';
import { redirect } from '@sveltejs/kit';
import { afterSignIn } from '#lib/server/after-sign-in.ts';
import { callApi } from '#lib/server/api.ts';
import { loadLinkToken, tokenFailure } from '#lib/server/auth-forms.ts';
import { formText } from '#lib/server/form-result.ts';
import type { Actions, PageServerLoad } from './$types';

/** Opening the link only shows a button: mail scanners fetch links, and must not spend them. */
export const load: PageServerLoad = loadLinkToken;

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const token = formText(form, 'token');
    if (!token) return tokenFailure('link', 400, { code: 'TOKEN_INVALID' }, form);
    const result = await callApi<Session>(event, 'POST', '/api/auth/sign-in-link/consume', { token });
    if (!result.ok) return tokenFailure('link', result.status, result.error, form);
    redirect(303, afterSignIn(event, result.data.me, null));
  },
};
