import type {
  HelpRequestDetail,
  ModerationQueue,
  OfficerContact,
  RequestTransition,
  ReviewHistory,
} from '@board/shared';
import { can } from '@board/shared';
import { error, redirect } from '@sveltejs/kit';
import { actorOf } from '#lib/actor.ts';
import { fetchAllMunicipalities } from '#lib/server/municipalities.ts';
import { callApi, pageData } from '#lib/server/api.ts';
import { requireStaffArea } from '#lib/server/guards.ts';
import { formValues, apiFailure } from '#lib/server/form-result.ts';
import { idOrNull } from '#lib/moderation/fields.ts';
import { reasonFrom } from '#lib/moderation/presets.ts';
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
  const id = encodeURIComponent(event.params.id);
  const [result, municipalities, history] = await Promise.all([
    callApi<HelpRequestDetail>(event, 'GET', `/api/requests/${id}`),
    fetchAllMunicipalities(event),
    callApi<ReviewHistory>(event, 'GET', `/api/moderation/requests/${id}/history`),
  ]);
  const request = pageData(result);
  const actor = actorOf(me);
  // a published request of another municipality is public, but not this person's to review
  if (!can(actor, 'moderation.list', { municipalityCode: request.municipalityCode })) error(404, 'Not found');
  return {
    request,
    municipalities,
    decisions: decisions.filter((d) => request.availableTransitions.includes(d)),
    /** may take decisions here at all (municipal staff of this municipality); foundation staff read */
    moderates: can(actor, 'request.moderate', { municipalityCode: request.municipalityCode }),
    /** sent back before: the reason given then and what the officers changed since */
    lastReturn: history.ok ? history.data.lastReturn : null,
    /** the decision just taken on the previous request (this one is the next in the queue) */
    decided: decisions.find((d) => d === event.url.searchParams.get('decided')) ?? null,
    decidedId: idOrNull(event.url.searchParams.get('after')),
    /** the queue's association filter, kept so the next request comes from the same association */
    association: idOrNull(event.url.searchParams.get('association')),
  };
};

/** After a decision: the oldest request still waiting (of the same association when the queue was filtered). */
async function nextInQueue(event: RequestEvent, association: string | null): Promise<string | null> {
  const query = new URLSearchParams({ limit: '1' });
  if (association) query.set('associationId', association);
  const queue = await callApi<ModerationQueue>(event, 'GET', `/api/moderation/queue?${query}`);
  return queue.ok ? (queue.data.items[0]?.id ?? null) : null;
}

async function decide(event: RequestEvent, decision: Decision) {
  requireStaffArea(event.locals, event.url, 'moderation.list');
  const form = await event.request.formData();
  const id = encodeURIComponent(event.params.id);
  const body = decision === 'approve' ? undefined : { reason: reasonFrom(form) };
  const result = await callApi<HelpRequestDetail>(event, 'POST', `/api/requests/${id}/${paths[decision]}`, body);
  if (!result.ok) return apiFailure(decision, result.status, result.error, formValues(form));
  const association = idOrNull(form.get('association'));
  const next = await nextInQueue(event, association);
  const done = new URLSearchParams({ decided: decision });
  if (association) done.set('association', association);
  if (!next) redirect(303, `/staff/moderation?${done}&request=${id}`);
  redirect(303, `/staff/moderation/${encodeURIComponent(next)}?${done}&after=${id}`);
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
