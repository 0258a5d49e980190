import { callApi } from '#lib/server/api.ts';
import { loadLinkToken, tokenFailure } from '#lib/server/auth-forms.ts';
import { apiFailure, formText } from '#lib/server/form-result.ts';
import { loadSession } from '#lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

/**
 * Opening the link only shows a button: mail scanners fetch links to check them, and must not
 * spend the token. The POST confirms (for a sign-up or an email change alike). Someone not
 * signed in may give the account's password with it to keep it: the link alone proves the
 * address, not who chose the password (the API then drops it; see docs/architecture.md).
 */
export const load: PageServerLoad = loadLinkToken;

/** problems the person can fix on the same form, with the same link */
const retryable = new Set(['PASSWORD_INCORRECT', 'RATE_LIMITED']);

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const token = formText(form, 'token');
    const password = formText(form, 'password');
    if (!token) return tokenFailure('verify', 400, { code: 'TOKEN_INVALID' }, form);
    const result = await callApi<{ status: 'verified'; email: string; hasPassword: boolean }>(
      event,
      'POST',
      '/api/auth/verify-email',
      { token, ...(password ? { password } : {}) },
    );
    if (!result.ok) {
      if (retryable.has(result.error.code)) return apiFailure('verify', result.status, result.error, form);
      return tokenFailure('verify', result.status, result.error, form);
    }
    // the person as they are now, so this very page stops asking them to confirm
    if (event.locals.me) event.locals.me = await loadSession(event);
    return { verified: true as const, email: result.data.email, hasPassword: result.data.hasPassword };
  },
};
