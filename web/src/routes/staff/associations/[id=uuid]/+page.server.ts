import type { Association, AssociationOfficerList } from '@board/shared';
import { can } from '@board/shared';
import { error } from '@sveltejs/kit';
import { actorOf } from '#lib/actor.ts';
import { fetchAllMunicipalities } from '#lib/server/municipalities.ts';
import { callApi, pageData } from '#lib/server/api.ts';
import { requireStaffArea } from '#lib/server/guards.ts';
import { formValues, apiFailure, formFailure, formSuccess } from '#lib/server/form-result.ts';
import type { Actions, PageServerLoad } from './$types';

/** One association: its facts and its officers, whom the municipality's staff can remove. */
export const load: PageServerLoad = async (event) => {
  const me = requireStaffArea(event.locals, event.url, 'association.list');
  const id = event.params.id;
  const [list, officers, municipalities] = await Promise.all([
    callApi<{ items: Association[] }>(event, 'GET', '/api/associations'),
    callApi<AssociationOfficerList>(event, 'GET', `/api/associations/${encodeURIComponent(id)}/officers`),
    fetchAllMunicipalities(event),
  ]);
  const { items: officerItems } = pageData(officers);
  const association = list.ok ? list.data.items.find((a) => a.id === id) : undefined;
  if (!association) error(404, 'Not found');
  const actor = actorOf(me);
  return {
    association,
    officers: officerItems,
    municipalities,
    removable: can(actor, 'officer.remove', { municipalityCode: association.municipalityCode }),
    invitable: can(actor, 'officer.invite', { municipalityCode: association.municipalityCode }),
  };
};

export const actions: Actions = {
  /** POST /api/associations/:id/officers/:userId/remove, after the tick box said yes. */
  remove: async (event) => {
    requireStaffArea(event.locals, event.url, 'officer.remove');
    const form = await event.request.formData();
    const values = formValues(form);
    const userId = form.get('userId');
    if (typeof userId !== 'string' || userId === '') error(400, 'Bad request');
    if (form.get('confirm') !== 'yes') {
      return formFailure(`remove-${userId}`, 400, 'VALIDATION_FAILED', { confirm: 'REMOVAL_CONFIRM_REQUIRED' }, values);
    }
    const id = encodeURIComponent(event.params.id);
    const result = await callApi(
      event,
      'POST',
      `/api/associations/${id}/officers/${encodeURIComponent(userId)}/remove`,
    );
    if (!result.ok) return apiFailure(`remove-${userId}`, result.status, result.error, values);
    const name = form.get('displayName');
    return formSuccess('remove', { name: typeof name === 'string' ? name : '' });
  },
};
