import type { HelpRequestDetail, OfficerContact, RequestTransition } from '@board/shared';
import { can } from '@board/shared';
import { error, redirect } from '@sveltejs/kit';
import { actorOf } from '#lib/actor.ts';
import { fetchAllMunicipalities } from '#lib/server/municipalities.ts';
import { callApi } from '#lib/server/api.ts';
import { requireStaffArea } from '#lib/server/guards.ts';
import { formValues, apiFailure } from '#lib/server/form-result.ts';
import { apiPageError } from '#lib/server/officer.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The staff decisions, in the order the page offers them. */
const decisions = ['approve', 'requestChanges', 'reject', 'close'] as const satisfies readonly RequestTransition[];
type Decision = (typeof decisions)[number];
const paths: Record<Decision, string> = {
  approve: 'approve',
  requestChanges: 'request-changes',
  reject: 'reject',
  close: 'close',
};

/** One request as volunteers would see it, with the decisions the API lists for this viewer. */
export const load: PageServerLoad = async (event) => {
  const me = requireStaffArea(event.locals, event.url, 'moderation.list');
  event.setHeaders({ 'cache-control': 'no-store' });
  const [result, municipalities] = await Promise.all([
    callApi<HelpRequestDetail>(event, 'GET', `/api/requests/${encodeURIComponent(event.params.id)}`),
    fetchAllMunicipalities(event),
  ]);
  if (!result.ok) apiPageError(result.status);
  const request = result.data;
  const actor = actorOf(me);
  // a published request of another municipality is public, but not this person's to review
  if (!can(actor, 'moderation.list', { municipalityCode: request.municipalityCode })) error(404, 'Not found');
  return {
    request,
    municipalities,
    decisions: decisions.filter((d) => request.availableTransitions.includes(d)),
    /** may take decisions here at all (municipal staff of this municipality); foundation staff read */
    moderates: can(actor, 'request.moderate', { municipalityCode: request.municipalityCode }),
  };
};

async function decide(event: RequestEvent, decision: Decision) {
  requireStaffArea(event.locals, event.url, 'moderation.list');
  const form = await event.request.formData();
  const id = encodeURIComponent(event.params.id);
  const body = decision === 'approve' ? undefined : { reason: form.get('reason') ?? '' };
  const result = await callApi<HelpRequestDetail>(event, 'POST', `/api/requests/${id}/${paths[decision]}`, body);
  if (!result.ok) return apiFailure(decision, result.status, result.error, formValues(form));
  redirect(303, `/staff/moderation?decided=${decision}&request=${id}`);
}

/** Staff look up the posting officer's contact; the API logs the reason with the look-up. */
async function revealContact(event: RequestEvent) {
  requireStaffArea(event.locals, event.url, 'moderation.list');
  const form = await event.request.formData();
  const id = encodeURIComponent(event.params.id);
  const result = await callApi<OfficerContact>(event, 'POST', `/api/requests/${id}/officer-contact`, {
    reason: form.get('reason') ?? '',
  });
  if (!result.ok) return apiFailure('revealContact', result.status, result.error, formValues(form));
  return { form: 'revealContact', contact: result.data };
}

export const actions: Actions = {
  revealContact,
  approve: (event) => decide(event, 'approve'),
  requestChanges: (event) => decide(event, 'requestChanges'),
  reject: (event) => decide(event, 'reject'),
  close: (event) => decide(event, 'close'),
};
