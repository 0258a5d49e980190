import type { InvitationPreview, Me } from '@board/shared';
import { redirect } from '@sveltejs/kit';
import type { z } from 'zod';
import { callApi } from '#lib/server/api.ts';
import { errorMessagesFor } from '#lib/server/error-messages.ts';
import { formValues, apiFailure, formFailure } from '#lib/server/form-result.ts';
import type { Actions, PageServerLoad } from './$types';

type Preview = z.infer<typeof InvitationPreview>;

/** Tokens are opaque; anything outside this shape cannot be one (shared LinkToken: 20–200 characters). */
const tokenShape = /^[A-Za-z0-9_-]{20,200}$/;

export const load: PageServerLoad = async (event) => {
  // the token is a secret: this page must not be cached, nor sent to other sites in the Referer.
  // (`same-origin`, not `no-referrer`: that would make the browser send `Origin: null` with this
  // page's own form, which SvelteKit then refuses as a cross-site POST.)
  event.setHeaders({ 'cache-control': 'no-store', 'referrer-policy': 'same-origin' });
  const token = event.url.searchParams.get('token') ?? '';
  const me = event.locals.me;
  const signedIn = me ? { email: me.email, displayName: me.displayName } : null;
  // what the problem is, with its text (error-messages.ts)
  const refused = (problem: string) => ({
    preview: null,
    problem,
    errorMessages: errorMessagesFor({ code: problem }),
    signedIn,
  });
  if (!tokenShape.test(token)) return { token: '', ...refused('INVITATION_INVALID') };

  const result = await callApi<Preview>(event, 'GET', `/api/invitations/preview?token=${encodeURIComponent(token)}`);
  if (!result.ok) {
    const problem = result.status === 410 || result.status === 400 ? 'INVITATION_INVALID' : result.error.code;
    return { token, ...refused(problem) };
  }
  return { token, preview: result.data, problem: null, signedIn };
};

export const actions: Actions = {
  /**
   * POST /api/invitations/accept. Signed in: adds the role to this account. Not signed in: makes
   * the account (name and password) and signs in. Then on to the staff area.
   */
  default: async (event) => {
    const form = await event.request.formData();
    const values = formValues(form);
    const token = String(form.get('token') ?? '');
    if (!tokenShape.test(token)) return formFailure('accept', 410, 'INVITATION_INVALID', {}, values);

    const body: Record<string, string> = { token };
    if (!event.locals.me) {
      const displayName = String(form.get('displayName') ?? '');
      const password = String(form.get('password') ?? '');
      const missing: Record<string, string> = {};
      if (!displayName.trim()) missing.displayName = 'DISPLAY_NAME_REQUIRED';
      if (!password) missing.password = 'PASSWORD_REQUIRED';
      if (Object.keys(missing).length > 0) return formFailure('accept', 400, 'VALIDATION_FAILED', missing, values);
      body.displayName = displayName;
      body.password = password;
    }

    const result = await callApi<{ me: Me }>(event, 'POST', '/api/invitations/accept', body);
    if (!result.ok) return apiFailure('accept', result.status, result.error, values);

    // cookies of a new session were forwarded by callApi; the next page loads the new person
    event.locals.me = result.data.me;
    const role = form.get('role') === 'municipal_staff' ? 'municipal_staff' : 'officer';
    redirect(303, `/staff?welcome=${role}`);
  },
};
