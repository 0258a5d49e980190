import type {
  ApplicantProfile,
  ApplicationList,
  ContactDetails,
  MessageList,
  MyApplicationList,
  MyRequestsPage,
  ThreadMessage,
} from '@board/shared';
import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { callApi, type ApiEvent } from '#lib/server/api.ts';
import { requireSignedIn } from '#lib/server/guards.ts';
import { postForm } from '#lib/server/form-action.ts';
import { apiFailure, formFailure, formText, formValues } from '#lib/server/form-result.ts';
import type { Actions, PageServerLoad } from './$types';

const Id = z.uuid();

/** What the thread page shows around the messages: which request, and who is on the other side. */
export interface MatchContext {
  side: 'volunteer' | 'association';
  request: { id: string; title: string; associationName: string | null };
  /** the association's contact people (volunteer side) or the volunteer (association side) */
  contacts: ContactDetails[];
  /** the volunteer's public profile, for the association side */
  volunteer: ApplicantProfile | null;
}

/** The volunteer side: the match is one of their own applications. */
async function asVolunteer(event: ApiEvent, id: string): Promise<MatchContext | null> {
  const mine = await callApi<MyApplicationList>(event, 'GET', '/api/me/applications');
  const app = mine.ok ? mine.data.items.find((a) => a.id === id) : undefined;
  if (!app) return null;
  return {
    side: 'volunteer',
    request: { id: app.requestId, title: app.request.title, associationName: app.request.associationName },
    contacts: app.contacts ?? [],
    volunteer: null,
  };
}

/** The applications of one request, if this officer may list them, with this match among them. */
async function inRequest(event: ApiEvent, requestId: string, id: string): Promise<MatchContext | null> {
  const list = await callApi<ApplicationList>(event, 'GET', `/api/requests/${requestId}/applications`);
  const item = list.ok ? list.data.items.find((a) => a.id === id) : undefined;
  if (!list.ok || !item) return null;
  return {
    side: 'association',
    request: { id: list.data.request.id, title: list.data.request.title, associationName: null },
    contacts: item.contact ? [item.contact] : [],
    volunteer: item.applicant,
  };
}

/** States in which a request can have had a match. */
const matchedStates = new Set(['published', 'filled', 'completed', 'withdrawn', 'closed', 'expired']);

/**
 * The association side. The API has no "one application" read, so the request is found from
 * `?request=` (links from the officer pages may add it) or among the officer's own requests.
 */
async function asOfficer(event: ApiEvent, id: string, hint: string | null): Promise<MatchContext | null> {
  if (hint && Id.safeParse(hint).success) {
    const found = await inRequest(event, hint, id);
    if (found) return found;
  }
  const own = await callApi<MyRequestsPage>(event, 'GET', '/api/me/requests?limit=100');
  if (!own.ok) return null;
  const candidates = own.data.items.filter((r) => matchedStates.has(r.status));
  // a few at a time: an officer has few live requests, and the first match found ends the search
  for (let i = 0; i < candidates.length; i += 8) {
    const found = await Promise.all(candidates.slice(i, i + 8).map((r) => inRequest(event, r.id, id)));
    const hit = found.find((f) => f !== null);
    if (hit) return hit;
  }
  return null;
}

/**
 * The private thread of a match, for its two sides only: the volunteer and the association's
 * officers (the API refuses everyone else, staff included).
 */
export const load: PageServerLoad = async (event) => {
  const me = requireSignedIn(event.locals, event.url);
  event.setHeaders({ 'cache-control': 'private, no-store' });
  const id = event.params.applicationId;
  if (!Id.safeParse(id).success) error(404, 'No such match');

  const thread = await callApi<MessageList>(event, 'GET', `/api/applications/${id}/messages`);
  if (!thread.ok && thread.error.code !== 'NOT_MATCHED') {
    if (thread.status === 404 || thread.status === 400) error(404, 'No such match');
    if (thread.status === 403) error(403, 'Not your match');
    error(thread.status >= 500 ? 503 : thread.status, 'Could not load the messages');
  }

  const isOfficer = me.roles.some((g) => g.role === 'officer');
  const context =
    (await asVolunteer(event, id)) ??
    (isOfficer ? await asOfficer(event, id, event.url.searchParams.get('request')) : null);

  return {
    applicationId: id,
    matched: thread.ok,
    messages: thread.ok ? thread.data.items : ([] as ThreadMessage[]),
    canSend: thread.ok && thread.data.canSend,
    context,
  };
};

export const actions: Actions = {
  /** Send a message, then back to the thread at the new message (a full page load without JavaScript). */
  send: async (event) => {
    requireSignedIn(event.locals, event.url);
    const id = event.params.applicationId;
    if (!Id.safeParse(id).success) error(404, 'No such match');
    const form = await event.request.formData();
    const values = formValues(form);
    const body = formText(form, 'body');
    if (!body.trim()) return formFailure('send', 400, 'VALIDATION_FAILED', { body: 'MESSAGE_REQUIRED' }, values);
    const result = await callApi<ThreadMessage>(event, 'POST', `/api/applications/${id}/messages`, { body });
    if (!result.ok) return apiFailure('send', result.status, result.error, values);
    // which request the thread belongs to, when the page knew it (saves the officer side a search)
    const requestId = formText(form, 'requestId');
    const search = Id.safeParse(requestId).success ? `?request=${requestId}` : '';
    redirect(303, `/matches/${id}${search}#message-${result.data.id}`);
  },

  /** Report one message to the municipality's staff; the answer is the form `flag-<message id>`. */
  flag: async (event) => {
    requireSignedIn(event.locals, event.url);
    const form = await event.request.formData();
    const messageId = formText(form, 'messageId');
    if (!Id.safeParse(messageId).success) return formFailure('flag', 404, 'NOT_FOUND', {}, formValues(form));
    return postForm(event, form, {
      form: `flag-${messageId}`,
      path: '/api/flags',
      required: { reason: 'REASON_REQUIRED' },
      body: (submitted) => ({ targetType: 'message', targetId: messageId, reason: formText(submitted, 'reason') }),
    });
  },
};
