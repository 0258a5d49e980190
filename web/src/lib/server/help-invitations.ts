import type { RequestEvent } from '@sveltejs/kit';
import { postForm } from './form-action.ts';
import { formFailure, formId } from './form-result.ts';
import { requireSignedIn } from './guards.ts';

/**
 * "Not this time" to an invitation to help (a hidden `invitationId`, checked before it becomes
 * part of an API path): POST /api/help-invitations/:id/decline, answered as `declineInvitation`.
 * The request's page and the volunteer's list of invitations both offer it.
 */
export async function declineInvitation(event: RequestEvent) {
  requireSignedIn(event.locals, event.url);
  const form = await event.request.formData();
  const invitationId = formId(form, 'invitationId');
  if (!invitationId) return formFailure('declineInvitation', 404, 'NOT_FOUND', {}, {});
  return postForm(event, form, {
    form: 'declineInvitation',
    path: `/api/help-invitations/${invitationId}/decline`,
    detail: { invitationId },
  });
}
