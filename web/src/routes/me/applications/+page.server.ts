import type { MyApplicationList, MyHelpInvitationList } from '@board/shared';
import { type RequestEvent } from '@sveltejs/kit';
import { callApi, pageData } from '#lib/server/api.ts';
import { postForm, type FormPost } from '#lib/server/form-action.ts';
import { formFailure, formId, formText, formValues } from '#lib/server/form-result.ts';
import { requireSignedIn } from '#lib/server/guards.ts';
import { fetchActiveMunicipalities } from '#lib/server/municipalities.ts';
import type { Actions, PageServerLoad } from './$types';

/** A volunteer's hands raised and matches (GET /api/me/applications), newest first. */
export const load: PageServerLoad = async (event) => {
  requireSignedIn(event.locals, event.url);
  const [result, municipalities, invitations] = await Promise.all([
    callApi<MyApplicationList>(event, 'GET', '/api/me/applications'),
    fetchActiveMunicipalities(event),
    callApi<MyHelpInvitationList>(event, 'GET', '/api/me/help-invitations'),
  ]);
  return {
    applications: pageData(result).items,
    municipalities: municipalities.ok ? municipalities.items : [],
    /** invitations to help still waiting for an answer (issue 10) */
    openInvitations: invitations.ok ? invitations.data.items.filter((i) => i.status === 'open').length : 0,
  };
};

type Step = 'withdraw' | 'confirm' | 'thanks';

/**
 * A step on one of the volunteer's applications (a hidden `applicationId`, checked before it
 * becomes part of an API path): POST /api/applications/:id/<step>. The answer's form is
 * `<step>-<id>`, so only that application's card shows it.
 */
function applicationStep(step: Step, post: Omit<FormPost, 'form' | 'path'> = {}) {
  return async (event: RequestEvent) => {
    requireSignedIn(event.locals, event.url);
    const form = await event.request.formData();
    const id = formId(form, 'applicationId');
    if (!id) return formFailure(step, 404, 'NOT_FOUND', {}, formValues(form));
    return postForm(event, form, { ...post, form: `${step}-${id}`, path: `/api/applications/${id}/${step}` });
  };
}

/** The thanks form's body: a note, and a private rating (only staff read it) when a score was chosen. */
function thanksBody(form: FormData) {
  const score = formText(form, 'score');
  const note = formText(form, 'note');
  if (score === '' || score === 'none') return { note };
  return { note, rating: { score: Number(score), comment: formText(form, 'comment') } };
}

export const actions: Actions = {
  /** Take a hand back (pending, or matched and not yet done). */
  withdraw: applicationStep('withdraw'),
  /** The officer marked the work done; the volunteer confirms it. */
  confirm: applicationStep('confirm'),
  /** A thank-you note to the association, with an optional private rating. */
  thanks: applicationStep('thanks', {
    required: { note: 'NOTE_REQUIRED' },
    body: thanksBody,
    options: { prefixes: ['rating'] },
  }),
};
