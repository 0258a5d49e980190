import type { ApplicantProfile, ApplicationDetail, ContactDetails, MessageList, ThreadMessage } from '@board/shared';
import { redirect } from '@sveltejs/kit';
import { apiFetch, callApi, pageData } from '#lib/server/api.ts';
import { requireSignedIn } from '#lib/server/guards.ts';
import { postForm } from '#lib/server/form-action.ts';
import { apiFailure, formFailure, formId, formText, formValues } from '#lib/server/form-result.ts';
import type { Actions, PageServerLoad } from './$types';

/** What the thread page shows around the messages: which request, and who is on the other side. */
export interface MatchContext {
  side: 'volunteer' | 'association';
  request: { id: string; title: string; associationName: string | null };
  /** the association's contact people (volunteer side) or the volunteer (association side); null until opened */
  contacts: ContactDetails[] | null;
  /** the volunteer's public profile, for the association side */
  volunteer: ApplicantProfile | null;
}

/** The match as one side sees it (staff are no side of a thread: no context for them). */
function contextOf(detail: ApplicationDetail): MatchContext | null {
  const request = { id: detail.request.id, title: detail.request.title };
  if (detail.asVolunteer) {
    return {
      side: 'volunteer',
      request: { ...request, associationName: detail.request.associationName },
      contacts: detail.asVolunteer.contacts,
      volunteer: null,
    };
  }
  if (detail.side === 'association' && detail.asAssociation) {
    const contact = detail.asAssociation.contact;
    return {
      side: 'association',
      request: { ...request, associationName: null },
      contacts: contact ? [contact] : detail.asAssociation.status === 'accepted' ? null : [],
      volunteer: detail.asAssociation.applicant,
    };
  }
  return null;
}

/**
 * The private thread of a match, for its two sides only: the volunteer and the association's
 * officers (the API refuses everyone else, staff included).
 */
export const load: PageServerLoad = async (event) => {
  requireSignedIn(event.locals, event.url);
  const id = event.params.applicationId;

  const thread = await callApi<MessageList>(event, 'GET', `/api/applications/${id}/messages`);
  // before the match there are no messages yet, but the page is there
  if (!thread.ok && thread.error.code !== 'NOT_MATCHED') pageData(thread);

  // one read of the application (getApplication): it writes nothing, so a preloading hover is harmless
  const detail = await callApi<ApplicationDetail>(event, 'GET', `/api/applications/${id}`);
  const context = detail.ok ? contextOf(detail.data) : null;
  // the calendar file exists for a match with a date (getMatchCalendar, a read like the others)
  const calendar = thread.ok && context ? await apiFetch(event, 'GET', `/api/applications/${id}/calendar`) : undefined;

  return {
    hasCalendar: Boolean(calendar?.ok),
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
    const form = await event.request.formData();
    const values = formValues(form);
    const body = formText(form, 'body');
    if (!body.trim()) return formFailure('send', 400, 'VALIDATION_FAILED', { body: 'MESSAGE_REQUIRED' }, values);
    const result = await callApi<ThreadMessage>(event, 'POST', `/api/applications/${id}/messages`, { body });
    if (!result.ok) return apiFailure('send', result.status, result.error, values);
    redirect(303, `/matches/${id}#message-${result.data.id}`);
  },

  /** "Show contact": the first opening per side is recorded by the API (contact.reveal). */
  showContact: async (event) => {
    requireSignedIn(event.locals, event.url);
    const id = event.params.applicationId;
    const result = await callApi<ApplicationDetail>(event, 'POST', `/api/applications/${id}/contact`);
    if (!result.ok) return apiFailure('showContact', result.status, result.error, {});
    redirect(303, `/matches/${id}#counterpart-heading`);
  },

  /** Report one message to the municipality's staff; the answer is the form `flag-<message id>`. */
  flag: async (event) => {
    requireSignedIn(event.locals, event.url);
    const form = await event.request.formData();
    const messageId = formId(form, 'messageId');
    if (!messageId) return formFailure('flag', 404, 'NOT_FOUND', {}, formValues(form));
    return postForm(event, form, {
      form: `flag-${messageId}`,
      path: '/api/flags',
      required: { reason: 'REASON_REQUIRED' },
      body: (submitted) => ({ targetType: 'message', targetId: messageId, reason: formText(submitted, 'reason') }),
    });
  },
};
