import type { Association, Invitation } from '@board/shared';
import { can, canAtAll, invitationStates } from '@board/shared';
import { actorOf } from '#lib/actor.ts';
import { fetchAllMunicipalities } from '#lib/server/municipalities.ts';
import { callApi } from '#lib/server/api.ts';
import { requireStaffArea } from '#lib/server/guards.ts';
import { inviteStaffFromForm } from '#lib/server/invite-staff.ts';
import { apiFailure, formFailure, formId, formSuccess, formText, formValues } from '#lib/server/form-result.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

type State = Invitation['state'];
const isState = (value: string | null): value is State => invitationStates.includes(value as State);

export const load: PageServerLoad = async (event) => {
  const me = requireStaffArea(event.locals, event.url, 'invitation.list');
  const actor = actorOf(me);
  const stateParam = event.url.searchParams.get('state');
  const state = isState(stateParam) ? stateParam : null;
  const inviteOfficers = canAtAll(actor, 'officer.invite');

  const [list, municipalities, associationList] = await Promise.all([
    callApi<{ items: Invitation[] }>(event, 'GET', `/api/invitations${state ? `?state=${state}` : ''}`),
    fetchAllMunicipalities(event),
    inviteOfficers ? callApi<{ items: Association[] }>(event, 'GET', '/api/associations') : Promise.resolve(null),
  ]);

  const invitations = list.ok ? list.data.items : [];
  const associations = associationList?.ok
    ? associationList.data.items.filter((a) => can(actor, 'officer.invite', { municipalityCode: a.municipalityCode }))
    : [];
  const preselect = event.url.searchParams.get('association');
  return {
    me,
    state,
    municipalities,
    invitations,
    loadFailed: !list.ok,
    inviteStaff: canAtAll(actor, 'municipalStaff.invite'),
    inviteOfficers,
    associations,
    preselectAssociation: associations.some((a) => a.id === preselect) ? preselect : null,
    /** ids of the listed invitations this person may resend or revoke */
    manageable: invitations
      .filter((i) =>
        can(actor, i.role === 'officer' ? 'invitation.manageOfficer' : 'invitation.manageStaff', {
          municipalityCode: i.municipalityCode,
        }),
      )
      .map((i) => i.id),
  };
};

const guard = (event: RequestEvent) => requireStaffArea(event.locals, event.url, 'invitation.list');

/**
 * A button on one row of the table (POST /api/invitations/:id/<verb>): a failure shows on the row.
 * `ask` may answer first instead (a confirmation still to give).
 */
async function onRow(
  event: RequestEvent,
  verb: 'resend' | 'revoke',
  ask?: (form: FormData, id: string) => { form: string; id: string } | null,
) {
  guard(event);
  const form = await event.request.formData();
  const id = formId(form, 'id');
  if (!id) return formFailure('row', 400, 'NOT_FOUND', {}, { id: formText(form, 'id') });
  const asked = ask?.(form, id);
  if (asked) return asked;
  const result = await callApi<Invitation>(event, 'POST', `/api/invitations/${id}/${verb}`);
  if (!result.ok) return apiFailure('row', result.status, result.error, { id });
  return formSuccess(verb, { email: result.data.email });
}

export const actions: Actions = {
  /** Foundation staff: POST /api/invitations/municipal-staff */
  inviteStaff: async (event) => {
    guard(event);
    return inviteStaffFromForm(event);
  },

  /** Municipal staff: POST /api/invitations/officers */
  inviteOfficer: async (event) => {
    guard(event);
    const form = await event.request.formData();
    const values = formValues(form);
    const associationId = formId(form, 'associationId');
    if (!associationId) {
      return formFailure('inviteOfficer', 400, 'VALIDATION_FAILED', { associationId: 'ASSOCIATION_REQUIRED' }, values);
    }
    const result = await callApi<Invitation>(event, 'POST', '/api/invitations/officers', {
      email: formText(form, 'email'),
      associationId,
      language: formText(form, 'language'),
    });
    if (!result.ok) return apiFailure('inviteOfficer', result.status, result.error, values);
    return formSuccess('inviteOfficer', { email: result.data.email });
  },

  /** POST /api/invitations/:id/resend: a new link, valid 7 more days; the old one stops working. */
  resend: (event) => onRow(event, 'resend'),

  /**
   * Revoking asks first: without `confirmed`, the page shows what will happen and a second
   * button; with it, POST /api/invitations/:id/revoke. Works the same without JavaScript.
   */
  revoke: (event) =>
    onRow(event, 'revoke', (form, id) => (form.get('confirmed') !== 'yes' ? { form: 'revokeConfirm', id } : null)),
};
