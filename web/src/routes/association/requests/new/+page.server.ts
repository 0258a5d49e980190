import type { HelpRequestDetail } from '@board/shared';
import { redirect } from '@sveltejs/kit';
import { callApi } from '#lib/server/api.ts';
import { formFailure } from '#lib/server/form-result.ts';
import { enabledCategories, officerAssociations, requireOfficer } from '#lib/server/officer.ts';
import { parseRequestForm, REQUEST_FORM, requestFailure } from '#lib/server/request-form.ts';
import type { Actions, PageServerLoad } from './$types';

/** A new request starts as a draft; an officer of several associations first says which one. */
export const load: PageServerLoad = async (event) => {
  const me = requireOfficer(event.locals, event.url);
  event.setHeaders({ 'cache-control': 'no-store' });
  const associations = officerAssociations(me);
  const asked = event.url.searchParams.get('association');
  const chosen = associations.length === 1 ? associations[0]! : associations.find((a) => a.id === asked);
  return {
    associations,
    chosen: chosen ?? null,
    categories: chosen ? await enabledCategories(event, chosen.municipalityCode) : [],
  };
};

export const actions: Actions = {
  /** POST /api/requests: saved as a draft, then the preview. */
  default: async (event) => {
    const me = requireOfficer(event.locals, event.url);
    const form = await event.request.formData();
    const parsed = parseRequestForm(form);
    const associations = officerAssociations(me);
    if (associations.length > 1 && !associations.some((a) => a.id === parsed.body.associationId)) {
      return formFailure(
        REQUEST_FORM,
        400,
        'VALIDATION_FAILED',
        { associationId: 'ASSOCIATION_REQUIRED' },
        parsed.values,
      );
    }
    if (associations.length === 1) delete parsed.body.associationId;
    const result = await callApi<HelpRequestDetail>(event, 'POST', '/api/requests', parsed.body);
    if (!result.ok) return requestFailure(result.status, result.error, parsed);
    redirect(303, `/association/requests/${result.data.id}?done=saved`);
  },
};
