import type { FlagList, FlagView } from '@board/shared';
import { can, FlagStatus } from '@board/shared';
import { error } from '@sveltejs/kit';
import { actorOf } from '#lib/actor.ts';
import { fetchAllMunicipalities } from '#lib/server/municipalities.ts';
import { callApi } from '#lib/server/api.ts';
import { requireStaffArea } from '#lib/server/guards.ts';
import { apiFailure, formId, formSuccess, formText, formValues } from '#lib/server/form-result.ts';
import type { HideConfirmation } from '#lib/components/staff/flag-confirmation.ts';
import type { Actions, PageServerLoad } from './$types';

/** Flags in the person's municipalities (all, for the foundation): open first, oldest first. */
export const load: PageServerLoad = async (event) => {
  const me = requireStaffArea(event.locals, event.url, 'flag.list');
  const asked = FlagStatus.safeParse(event.url.searchParams.get('status'));
  const status = asked.success ? asked.data : null;
  const query = status ? `?status=${status}` : '';
  const [flags, municipalities] = await Promise.all([
    callApi<FlagList>(event, 'GET', `/api/flags${query}`),
    fetchAllMunicipalities(event),
  ]);
  const actor = actorOf(me);
  const items = flags.ok ? flags.data.items : [];
  return {
    status,
    items,
    openCount: flags.ok ? flags.data.openCount : null,
    loadFailed: !flags.ok,
    municipalities,
    /** flags this person may decide (municipal staff of the flag's municipality) */
    resolvable: items
      .filter((f) => can(actor, 'flag.resolve', { municipalityCode: f.municipalityCode }))
      .map((f) => f.id),
  };
};

export const actions: Actions = {
  /**
   * POST /api/flags/:id/resolve: hide the item or dismiss the flag, with an optional note.
   * Hiding asks first: without `confirmed`, the page shows what hiding does and a second button
   * (the note kept) and "cancel"; with it, the API is called. The same without JavaScript.
   */
  default: async (event) => {
    requireStaffArea(event.locals, event.url, 'flag.list');
    const form = await event.request.formData();
    const flagId = formId(form, 'flagId') ?? error(404, 'Not found');
    const decision = formText(form, 'decision');
    const note = formText(form, 'note').trim();
    if (decision === 'hide' && formText(form, 'confirmed') !== 'yes') {
      // "cancel" on the question: the form again with its note, nothing decided
      const confirm = formText(form, 'confirmed') === 'no' ? 'cancelled' : 'ask';
      return { form: `flag-${flagId}`, confirm, note } satisfies HideConfirmation;
    }
    const result = await callApi<FlagView>(event, 'POST', `/api/flags/${flagId}/resolve`, {
      decision,
      ...(note ? { note } : {}),
    });
    if (!result.ok) return apiFailure(`flag-${flagId}`, result.status, result.error, formValues(form));
    return formSuccess(`flag-${flagId}`, { decision: result.data.status });
  },
};
