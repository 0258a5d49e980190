import type { Association } from '@board/shared';
import { can } from '@board/shared';
import { actorOf, municipalitiesWhere } from '#lib/actor.ts';
import { fetchAllMunicipalities } from '#lib/server/municipalities.ts';
import { callApi } from '#lib/server/api.ts';
import { requireStaffArea } from '#lib/server/guards.ts';
import { apiFailure, formFailure, formSuccess, formText, formValues } from '#lib/server/form-result.ts';
import type { Actions, PageServerLoad } from './$types';

/** Municipalities where this person may register associations (their own, as municipal staff). */
function registrable(me: App.Locals['me']): string[] {
  const actor = actorOf(me);
  return municipalitiesWhere(me, 'municipal_staff').filter((code) =>
    can(actor, 'association.create', { municipalityCode: code }),
  );
}

export const load: PageServerLoad = async (event) => {
  const me = requireStaffArea(event.locals, event.url, 'association.list');
  const actor = actorOf(me);
  const [list, municipalities] = await Promise.all([
    callApi<{ items: Association[] }>(event, 'GET', '/api/associations'),
    fetchAllMunicipalities(event),
  ]);
  const associations = list.ok ? list.data.items : [];
  return {
    me,
    municipalities,
    associations,
    loadFailed: !list.ok,
    registerIn: registrable(me),
    /** associations whose officers this person may invite (a link per row) */
    invitableIds: associations
      .filter((a) => can(actor, 'officer.invite', { municipalityCode: a.municipalityCode }))
      .map((a) => a.id),
  };
};

/**
 * Households as typed: empty → null; digits (full-width too, commas allowed) → a number; anything
 * else is sent as typed, so the API's own validation names the field.
 */
function households(raw: string): number | string | null {
  const value = raw.normalize('NFKC').replaceAll(',', '').trim();
  if (value === '') return null;
  return /^\d{1,9}$/.test(value) ? Number(value) : value;
}

export const actions: Actions = {
  /** POST /api/associations (municipal staff, in their own municipality). */
  default: async (event) => {
    const me = requireStaffArea(event.locals, event.url, 'association.list');
    const form = await event.request.formData();
    const values = formValues(form);
    const allowed = registrable(me);
    const municipalityCode = allowed.length === 1 ? allowed[0]! : formText(form, 'municipalityCode');
    if (allowed.length === 0) return formFailure('association', 403, 'FORBIDDEN', {}, values);
    if (!municipalityCode) {
      return formFailure(
        'association',
        400,
        'VALIDATION_FAILED',
        { municipalityCode: 'MUNICIPALITY_CODE_INVALID' },
        values,
      );
    }
    const result = await callApi<Association>(event, 'POST', '/api/associations', {
      municipalityCode,
      name: formText(form, 'name'),
      area: formText(form, 'area'),
      households: households(formText(form, 'households')),
    });
    if (!result.ok) return apiFailure('association', result.status, result.error, values);
    return formSuccess('association', { name: result.data.name, id: result.data.id });
  },
};
