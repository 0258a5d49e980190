import type { MyHelpInvitationList } from '@board/shared';
import { callApi, pageData } from '#lib/server/api.ts';
import { apiFailure, formSuccess, formValues } from '#lib/server/form-result.ts';
import { requireSignedIn } from '#lib/server/guards.ts';
import { declineInvitation } from '#lib/server/help-invitations.ts';
import type { Actions, PageServerLoad } from './$types';

/** A volunteer's invitations to help (GET /api/me/help-invitations), newest first, and the mute setting. */
export const load: PageServerLoad = async (event) => {
  requireSignedIn(event.locals, event.url);
  const { items, muted } = pageData(await callApi<MyHelpInvitationList>(event, 'GET', '/api/me/help-invitations'));
  return { invitations: items, muted };
};

export const actions: Actions = {
  declineInvitation,

  /** Invitations off or on: PUT /api/me/help-invitations/mute (a checkbox, sent or not). */
  mute: async (event) => {
    requireSignedIn(event.locals, event.url);
    const form = await event.request.formData();
    const result = await callApi(event, 'PUT', '/api/me/help-invitations/mute', { muted: form.get('muted') === 'on' });
    if (!result.ok) return apiFailure('mute', result.status, result.error, formValues(form));
    return formSuccess('mute');
  },
};
