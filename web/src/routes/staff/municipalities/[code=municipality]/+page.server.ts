import { statusChangeFrom, type Municipality } from '@board/shared';
import { error } from '@sveltejs/kit';
import { callApi } from '#lib/server/api.ts';
import { contactDesks } from '#lib/server/contact-desk.ts';
import { apiFailure, formFailure, formSuccess, formText, formValues } from '#lib/server/form-result.ts';
import { requireStaffArea } from '#lib/server/guards.ts';
import { inviteStaffFromForm } from '#lib/server/invite-staff.ts';
import { fetchAllMunicipalities } from '#lib/server/municipalities.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/**
 * One municipality for foundation staff: its status and what it means, the one change that status
 * allows (activate, pause, resume) with a reason, a confirmation step before a pause (a second
 * page state the server shows, so it works without JavaScript), its contact desk, and the form to
 * invite its first staff.
 */

const guard = (event: RequestEvent) => requireStaffArea(event.locals, event.url, 'municipality.updateStatus');

export const load: PageServerLoad = async (event) => {
  guard(event);
  const municipalities = await fetchAllMunicipalities(event);
  const municipality = municipalities.find((m) => m.code === event.params.code);
  if (!municipality) error(404, 'Not found');
  const [desk] = await contactDesks(event, [municipality.code]);
  return { municipality, change: statusChangeFrom(municipality.status), desk: desk ?? null };
};

export const actions: Actions = {
  /** POST /api/municipalities/:code/status; a pause first asks "really?" (confirm=yes sends it). */
  status: async (event) => {
    guard(event);
    const form = await event.request.formData();
    const values = formValues(form);
    const change = formText(form, 'change');
    const reason = formText(form, 'reason');
    if (reason.trim() === '')
      return formFailure('status', 400, 'VALIDATION_FAILED', { reason: 'REASON_REQUIRED' }, values);
    if (change === 'pause' && formText(form, 'confirm') !== 'yes') return { form: 'pauseConfirm', reason };
    const result = await callApi<Municipality>(
      event,
      'POST',
      `/api/municipalities/${encodeURIComponent(event.params.code)}/status`,
      { change, reason },
    );
    if (!result.ok) return apiFailure('status', result.status, result.error, values);
    return formSuccess('status', { status: result.data.status });
  },

  /** Foundation staff invite this municipality's staff (the municipality is chosen for them). */
  inviteStaff: async (event) => {
    guard(event);
    return inviteStaffFromForm(event);
  },
};
