import type { Association, HelpRequestDetail } from '@board/shared';
import { redirect } from '@sveltejs/kit';
import { callApi } from '#lib/server/api.ts';
import { contactDesks } from '#lib/server/contact-desk.ts';
import { formText } from '#lib/server/form-result.ts';
import { requireStaffArea } from '#lib/server/guards.ts';
import { chosenMunicipality, staffMunicipalitiesFor } from '#lib/server/staff-municipality.ts';
import { fetchAllMunicipalities } from '#lib/server/municipalities.ts';
import { postingSettings } from '#lib/server/officer.ts';
import { parseRequestForm, requestFailure } from '#lib/server/request-form.ts';
import type { Actions, PageServerLoad } from './$types';

/**
 * Staff post a request for an association of their municipality, from a phone call or a paper
 * form (`POST /api/requests/on-behalf`): the officer's request form with two questions first
 * (which association, where it came from). It is published at once; the page then says so and
 * links to it. Staff of several municipalities first choose one (`?municipality=`).
 */

export const load: PageServerLoad = async (event) => {
  const me = requireStaffArea(event.locals, event.url, 'request.createOnBehalf');
  const codes = staffMunicipalitiesFor(me, 'request.createOnBehalf');
  const code = chosenMunicipality(codes, event.url.searchParams.get('municipality'));
  const postedId = event.url.searchParams.get('posted');
  const [municipalities, list, settings, desks, posted] = await Promise.all([
    fetchAllMunicipalities(event),
    code
      ? callApi<{ items: Association[] }>(event, 'GET', `/api/associations?municipalityCode=${code}`)
      : Promise.resolve(null),
    code ? postingSettings(event, code) : Promise.resolve(null),
    code ? contactDesks(event, [code]) : Promise.resolve([]),
    postedId
      ? callApi<HelpRequestDetail>(event, 'GET', `/api/requests/${encodeURIComponent(postedId)}`)
      : Promise.resolve(null),
  ]);
  return {
    codes,
    code,
    municipalities,
    associations: list?.ok ? list.data.items : [],
    loadFailed: list !== null && !list.ok,
    categories: settings?.categories ?? [],
    /** the desk the request will show as its contact (none set: the page says where to set it) */
    desk: desks[0] ?? null,
    posted: posted?.ok ? posted.data : null,
  };
};

export const actions: Actions = {
  default: async (event) => {
    requireStaffArea(event.locals, event.url, 'request.createOnBehalf');
    const form = await event.request.formData();
    const parsed = parseRequestForm(form);
    const source = formText(form, 'source');
    if (!parsed.body.associationId) parsed.local.associationId = 'ASSOCIATION_REQUIRED';
    if (!source) parsed.local.source = 'SOURCE_REQUIRED';
    // the API judges everything (an empty choice included), so every field's message comes back at once
    const result = await callApi<HelpRequestDetail>(event, 'POST', '/api/requests/on-behalf', {
      ...parsed.body,
      source,
    });
    if (!result.ok) return requestFailure(result.status, result.error, parsed);
    const here = new URL(event.url);
    here.search = '';
    const municipality = event.url.searchParams.get('municipality');
    if (municipality) here.searchParams.set('municipality', municipality);
    here.searchParams.set('posted', result.data.id);
    redirect(303, `${here.pathname}${here.search}`);
  },
};
