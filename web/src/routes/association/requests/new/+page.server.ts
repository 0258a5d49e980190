import type { HelpRequestDetail } from '@board/shared';
import { callApi } from '#lib/server/api.ts';
import { formFailure } from '#lib/server/form-result.ts';
import { officerAssociations, postingSettings, requireOfficer } from '#lib/server/officer.ts';
import { parseRequestForm, REQUEST_FORM, requestFailure } from '#lib/server/request-form.ts';
import { sendUnlessDraft } from '#lib/server/request-save.ts';
import type { Actions, PageServerLoad } from './$types';

/** A new request: saved and sent in one step, or kept as a draft; an officer of several associations first says which one. */
export const load: PageServerLoad = async (event) => {
  const me = requireOfficer(event.locals, event.url);
  const associations = officerAssociations(me);
  const asked = event.url.searchParams.get('association');
  const chosen = associations.length === 1 ? associations[0]! : associations.find((a) => a.id === asked);
  const settings = chosen ? await postingSettings(event, chosen.municipalityCode) : null;
  return {
    associations,
    chosen: chosen ?? null,
    categories: settings?.categories ?? [],
    /** the main button publishes at once where the municipality does not review requests */
    moderationRequired: settings?.moderationRequired ?? true,
  };
};

export const actions: Actions = {
  /** POST /api/requests, then sent on in the same step unless "save as draft" was pressed. */
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
    return sendUnlessDraft(event, form, result.data.id);
  },
};
