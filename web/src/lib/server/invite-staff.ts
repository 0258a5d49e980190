import type { Invitation } from '@board/shared';
import { callApi, type ApiEvent } from './api.ts';
import { apiFailure, formSuccess, formText, formValues } from './form-result.ts';

/**
 * Foundation staff invite a municipality's staff (`POST /api/invitations/municipal-staff`), from
 * the form of `InviteStaffForm` (form name `inviteStaff`): on the invitations page and on a
 * municipality's page.
 */
export async function inviteStaffFromForm(event: ApiEvent & { request: Request }) {
  const form = await event.request.formData();
  const values = formValues(form);
  const result = await callApi<Invitation>(event, 'POST', '/api/invitations/municipal-staff', {
    email: formText(form, 'email'),
    municipalityCode: formText(form, 'municipalityCode'),
    language: formText(form, 'language'),
  });
  if (!result.ok) return apiFailure('inviteStaff', result.status, result.error, values);
  return formSuccess('inviteStaff', { email: result.data.email });
}
