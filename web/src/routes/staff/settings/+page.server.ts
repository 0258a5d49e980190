import type { MunicipalitySettingsView } from '@board/shared';
import { error } from '@sveltejs/kit';
import { fetchAllMunicipalities } from '#lib/server/municipalities.ts';
import { callApi } from '#lib/server/api.ts';
import { requireStaffArea } from '#lib/server/guards.ts';
import { chosenMunicipality, staffMunicipalitiesFor } from '#lib/server/staff-municipality.ts';
import { fieldCodes, formFailure, formSuccess, formValues } from '#lib/server/form-result.ts';
import type { Actions, PageServerLoad } from './$types';

/** Municipalities whose settings this person may change (municipal staff: their own). */
const editable = (me: App.Locals['me']) => staffMunicipalitiesFor(me, 'municipality.updateSettings');

export const load: PageServerLoad = async (event) => {
  const me = requireStaffArea(event.locals, event.url, 'municipality.updateSettings');
  const codes = editable(me);
  const code = chosenMunicipality(codes, event.url.searchParams.get('municipality'));
  const [settings, municipalities] = await Promise.all([
    code
      ? callApi<MunicipalitySettingsView>(event, 'GET', `/api/municipalities/${code}/settings`)
      : Promise.resolve(null),
    fetchAllMunicipalities(event),
  ]);
  return {
    codes,
    code,
    settings: settings?.ok ? settings.data : null,
    loadFailed: settings !== null && !settings.ok,
    municipalities,
  };
};

export const actions: Actions = {
  /** PATCH /api/municipalities/:code/settings (audit-logged by the API). */
  default: async (event) => {
    const me = requireStaffArea(event.locals, event.url, 'municipality.updateSettings');
    const form = await event.request.formData();
    const values = formValues(form);
    const code = chosenMunicipality(editable(me), String(form.get('municipalityCode') ?? ''));
    if (!code) error(403, 'Not allowed');
    const moderation = form.get('moderationRequired');
    if (moderation !== 'on' && moderation !== 'off') {
      return formFailure('settings', 400, 'VALIDATION_FAILED', { moderationRequired: 'required' }, values);
    }
    const body = {
      moderationRequired: moderation === 'on',
      enabledCategories: form.getAll('enabledCategories').filter((v) => typeof v === 'string'),
      contactDesk: String(form.get('contactDesk') ?? ''),
      firstComeDisallowed: form.getAll('firstComeDisallowed').filter((v) => typeof v === 'string'),
    };
    const result = await callApi<MunicipalitySettingsView>(
      event,
      'PATCH',
      `/api/municipalities/${code}/settings`,
      body,
    );
    if (!result.ok) {
      const fields = fieldCodes(result.error, values);
      // every category unticked: said as such, not as "a category is missing"
      if (fields.enabledCategories === 'CATEGORY_REQUIRED') fields.enabledCategories = 'CATEGORIES_REQUIRED';
      return formFailure('settings', result.status, result.error.code, fields, values);
    }
    return formSuccess('settings');
  },
};
