import type { HelpRequestDetail } from '@board/shared';
import { can } from '@board/shared';
import { error } from '@sveltejs/kit';
import { actorOf } from '#lib/actor.ts';
import { callApi, pageData } from '#lib/server/api.ts';
import { enabledCategories, requireOfficer } from '#lib/server/officer.ts';
import { parseRequestForm, requestFailure, requestFormValues } from '#lib/server/request-form.ts';
import { sendUnlessDraft } from '#lib/server/request-save.ts';
import type { Actions, PageServerLoad } from './$types';

/** Editing is possible while the request is a draft or changes were asked for (the API's `canEdit`). */
export const load: PageServerLoad = async (event) => {
  const me = requireOfficer(event.locals, event.url);
  const result = await callApi<HelpRequestDetail>(event, 'GET', `/api/requests/${encodeURIComponent(event.params.id)}`);
  const request = pageData(result);
  if (!can(actorOf(me), 'request.edit', { associationId: request.associationId })) error(404, 'Not found');
  return {
    request,
    values: requestFormValues(request),
    categories: request.canEdit ? await enabledCategories(event, request.municipalityCode) : [],
    /** just made by "post a similar one" */
    copied: event.url.searchParams.get('done') === 'copied',
  };
};

export const actions: Actions = {
  /** PUT /api/requests/:id (a full replacement), then sent on in the same step unless "save as draft" was pressed. */
  default: async (event) => {
    requireOfficer(event.locals, event.url);
    const form = await event.request.formData();
    const parsed = parseRequestForm(form);
    delete parsed.body.associationId;
    const id = encodeURIComponent(event.params.id);
    const result = await callApi<HelpRequestDetail>(event, 'PUT', `/api/requests/${id}`, parsed.body);
    if (!result.ok) return requestFailure(result.status, result.error, parsed);
    return sendUnlessDraft(event, form, event.params.id);
  },
};
