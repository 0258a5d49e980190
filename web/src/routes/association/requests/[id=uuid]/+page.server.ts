import type {
  ApplicationForOfficer,
  ApplicationList,
  HelpRequestDetail,
  SentHelpInvitationList,
  SuggestedVolunteersList,
  ThanksView,
} from '@board/shared';
import { can } from '@board/shared';
import { error, redirect } from '@sveltejs/kit';
import { actorOf } from '#lib/actor.ts';
import { fetchAllMunicipalities } from '#lib/server/municipalities.ts';
import { callApi, pageData } from '#lib/server/api.ts';
import { apiFailure, formFailure, formId, formSuccess, formText, formValues } from '#lib/server/form-result.ts';
import { requireOfficer } from '#lib/server/officer.ts';
import { notSentCode } from '#lib/server/request-save.ts';
import { nameReasonSkills } from '#lib/server/reason-skills.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const doneStates = ['saved', 'submitted', 'published', 'withdrawn'] as const;
type Done = (typeof doneStates)[number];

/** The request as volunteers will see it, its lifecycle buttons, and its applicants. */
export const load: PageServerLoad = async (event) => {
  const me = requireOfficer(event.locals, event.url);
  const id = encodeURIComponent(event.params.id);
  const result = await callApi<HelpRequestDetail>(event, 'GET', `/api/requests/${id}`);
  const request = pageData(result);
  const actor = actorOf(me);
  if (!can(actor, 'request.edit', { associationId: request.associationId })) error(404, 'Not found');

  const [applications, municipalities, suggested, sentInvitations] = await Promise.all([
    callApi<ApplicationList>(event, 'GET', `/api/requests/${id}/applications`),
    fetchAllMunicipalities(event),
    // volunteers who agreed to be suggested (issue 10): only while the request takes hands
    request.status === 'published'
      ? callApi<SuggestedVolunteersList>(event, 'GET', `/api/requests/${id}/suggested-volunteers?limit=10`)
      : null,
    // the volunteers the association invited, and their answers (issue 10)
    callApi<SentHelpInvitationList>(event, 'GET', `/api/requests/${id}/help-invitations`),
  ]);
  const done = event.url.searchParams.get('done');
  const confirmingComplete = event.url.searchParams.get('confirm') === 'complete';
  return {
    request,
    municipalities,
    applications: applications.ok ? applications.data.items : [],
    applicationsFailed: !applications.ok,
    suggested: suggested?.ok
      ? { ...suggested.data, items: nameReasonSkills(event.locals.lang, suggested.data.items) }
      : null,
    sentInvitations: sentInvitations.ok ? sentInvitations.data.items : [],
    canDecide: can(actor, 'application.decide', { associationId: request.associationId }),
    canComplete: can(actor, 'match.complete', { associationId: request.associationId }),
    canThank: can(actor, 'thanks.send', { associationId: request.associationId }),
    /** the withdraw or delete button was pressed: ask before doing it */
    confirmStep: confirmStepOf(event.url.searchParams.get('confirm'), request),
    /** saved from the form, but sending it on in the same step was refused */
    notSent: notSentCode(event.url),
    /** the application whose "finished" button was pressed: ask before recording it */
    confirmComplete: confirmingComplete ? event.url.searchParams.get('application') : null,
    done: doneStates.find((d): d is Done => d === done) ?? null,
  };
};

/** A step that asks first, when the page was opened to ask it and the request still allows it. */
function confirmStepOf(asked: string | null, request: HelpRequestDetail): 'withdraw' | 'delete' | null {
  if (asked === 'withdraw' && request.availableTransitions.includes('withdraw')) return 'withdraw';
  if (asked === 'delete' && request.canDelete) return 'delete';
  return null;
}

/** The application an applicant form is about: a uuid, or a 404. */
const applicationIdOf = (form: FormData): string => formId(form, 'applicationId') ?? error(404, 'Not found');

/** One lifecycle step (submit, withdraw), then back to this page saying what happened. */
async function lifecycle(event: RequestEvent, step: 'submit' | 'withdraw', done: (r: HelpRequestDetail) => Done) {
  requireOfficer(event.locals, event.url);
  const id = encodeURIComponent(event.params.id);
  const result = await callApi<HelpRequestDetail>(event, 'POST', `/api/requests/${id}/${step}`);
  if (!result.ok) return apiFailure('lifecycle', result.status, result.error, {});
  redirect(303, `/association/requests/${id}?done=${done(result.data)}`);
}

/** Accept or decline a hand, with an optional note shown to the volunteer. */
async function decide(event: RequestEvent, decision: 'accept' | 'decline') {
  requireOfficer(event.locals, event.url);
  const form = await event.request.formData();
  const applicationId = applicationIdOf(form);
  const note = formText(form, 'note').trim();
  const result = await callApi<ApplicationForOfficer>(
    event,
    'POST',
    `/api/applications/${applicationId}/${decision}`,
    note ? { note } : {},
  );
  if (!result.ok) return apiFailure(`decide-${applicationId}`, result.status, result.error, formValues(form));
  return formSuccess(`decide-${applicationId}`, { decision });
}

export const actions: Actions = {
  /** POST /api/requests/:id/submit: to review, or straight onto the board where there is no moderation. */
  submit: (event) => lifecycle(event, 'submit', (r) => (r.status === 'published' ? 'published' : 'submitted')),

  /** POST /api/requests/:id/withdraw, only after the confirmation step. */
  withdraw: async (event) => {
    requireOfficer(event.locals, event.url);
    const form = await event.request.formData();
    if (formText(form, 'confirm') !== 'yes') redirect(303, `/association/requests/${event.params.id}?confirm=withdraw`);
    return lifecycle(event, 'withdraw', () => 'withdrawn');
  },

  /** DELETE /api/requests/:id, a draft only, after the confirmation step; then back to the list. */
  delete: async (event) => {
    requireOfficer(event.locals, event.url);
    const form = await event.request.formData();
    const id = encodeURIComponent(event.params.id);
    if (formText(form, 'confirm') !== 'yes') redirect(303, `/association/requests/${id}?confirm=delete`);
    const result = await callApi<null>(event, 'DELETE', `/api/requests/${id}`);
    if (!result.ok) return apiFailure('lifecycle', result.status, result.error, {});
    redirect(303, '/association/requests?done=deleted');
  },

  /** POST /api/requests/:id/copy: a new draft with the same content, opened for editing. */
  copy: async (event) => {
    requireOfficer(event.locals, event.url);
    const id = encodeURIComponent(event.params.id);
    const result = await callApi<HelpRequestDetail>(event, 'POST', `/api/requests/${id}/copy`);
    if (!result.ok) return apiFailure('lifecycle', result.status, result.error, {});
    redirect(303, `/association/requests/${result.data.id}/edit?done=copied`);
  },

  /**
   * POST /api/requests/:id/help-invitations (`inviteVolunteer`, issue 10): ask a suggested
   * volunteer to raise a hand. The volunteer gets a mail and sees the invitation on the request.
   */
  invite: async (event) => {
    requireOfficer(event.locals, event.url);
    const form = await event.request.formData();
    const volunteerId = formId(form, 'volunteerId') ?? error(404, 'Not found');
    const id = encodeURIComponent(event.params.id);
    const result = await callApi<unknown>(event, 'POST', `/api/requests/${id}/help-invitations`, { volunteerId });
    if (!result.ok) return apiFailure(`invite-${volunteerId}`, result.status, result.error, {});
    return formSuccess(`invite-${volunteerId}`);
  },

  accept: (event) => decide(event, 'accept'),
  decline: (event) => decide(event, 'decline'),

  /** POST /api/applications/:id/complete: the officer says the work was done, after a confirmation step. */
  complete: async (event) => {
    requireOfficer(event.locals, event.url);
    const form = await event.request.formData();
    const applicationId = applicationIdOf(form);
    if (formText(form, 'confirm') !== 'yes')
      redirect(303, `/association/requests/${event.params.id}?confirm=complete&application=${applicationId}`);
    const result = await callApi<ApplicationForOfficer>(event, 'POST', `/api/applications/${applicationId}/complete`);
    if (!result.ok) return apiFailure(`complete-${applicationId}`, result.status, result.error, {});
    return formSuccess(`complete-${applicationId}`);
  },

  /** POST /api/applications/:id/thanks: a note to the volunteer, and a private 1–5 rating if given. */
  thanks: async (event) => {
    requireOfficer(event.locals, event.url);
    const form = await event.request.formData();
    const applicationId = applicationIdOf(form);
    const values = formValues(form);
    const score = formText(form, 'score');
    const comment = formText(form, 'comment');
    if (score === '' && comment.trim() !== '') {
      // a comment without a score would be lost: say so rather than drop it
      return formFailure(`thanks-${applicationId}`, 400, 'VALIDATION_FAILED', { score: 'SCORE_FOR_COMMENT' }, values);
    }
    const body = {
      note: formText(form, 'note'),
      ...(score === '' ? {} : { rating: { score: /^[1-5]$/.test(score) ? Number(score) : score, comment } }),
    };
    const result = await callApi<ThanksView>(event, 'POST', `/api/applications/${applicationId}/thanks`, body);
    if (!result.ok) {
      return apiFailure(`thanks-${applicationId}`, result.status, result.error, values, {
        prefixes: ['rating'],
      });
    }
    return formSuccess(`thanks-${applicationId}`);
  },
};
