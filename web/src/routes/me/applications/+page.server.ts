import type { MyApplicationList } from '@board/shared';
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { callApi } from '#lib/server/api.ts';
import { requireSignedIn } from '#lib/server/guards.ts';
import { fetchActiveMunicipalities } from '#lib/server/municipalities.ts';
import { apiFailure, formFailure, formSuccess, formText, formValues } from '#lib/server/form-result.ts';
import type { Actions, PageServerLoad } from './$types';

const Id = z.uuid();

/** A volunteer's hands raised and matches (GET /api/me/applications), newest first. */
export const load: PageServerLoad = async (event) => {
  requireSignedIn(event.locals, event.url);
  event.setHeaders({ 'cache-control': 'private, no-store' });
  const [result, municipalities] = await Promise.all([
    callApi<MyApplicationList>(event, 'GET', '/api/me/applications'),
    fetchActiveMunicipalities(event),
  ]);
  if (!result.ok) error(result.status >= 500 ? 503 : result.status, 'Could not load your applications');
  return {
    applications: result.data.items,
    municipalities: municipalities.ok ? municipalities.items : [],
  };
};

/** The application a form is about (a hidden field), checked before it becomes part of an API path. */
function applicationIdOf(form: FormData): string | null {
  const id = formText(form, 'applicationId');
  return Id.safeParse(id).success ? id : null;
}

export const actions: Actions = {
  /** Take a hand back (pending, or matched and not yet done). */
  withdraw: async (event) => {
    requireSignedIn(event.locals, event.url);
    const form = await event.request.formData();
    const values = formValues(form);
    const id = applicationIdOf(form);
    if (!id) return formFailure('withdraw', 404, 'NOT_FOUND', {}, values);
    const result = await callApi(event, 'POST', `/api/applications/${id}/withdraw`);
    if (!result.ok) return apiFailure('withdraw', result.status, result.error, values);
    return formSuccess('withdraw', { applicationId: id });
  },

  /** The officer marked the work done; the volunteer confirms it. */
  confirm: async (event) => {
    requireSignedIn(event.locals, event.url);
    const form = await event.request.formData();
    const values = formValues(form);
    const id = applicationIdOf(form);
    if (!id) return formFailure('confirm', 404, 'NOT_FOUND', {}, values);
    const result = await callApi(event, 'POST', `/api/applications/${id}/confirm`);
    if (!result.ok) return apiFailure('confirm', result.status, result.error, values);
    return formSuccess('confirm', { applicationId: id });
  },

  /** A thank-you note to the association, with an optional private rating (only staff read it). */
  thanks: async (event) => {
    requireSignedIn(event.locals, event.url);
    const form = await event.request.formData();
    const values = formValues(form);
    const id = applicationIdOf(form);
    if (!id) return formFailure('thanks', 404, 'NOT_FOUND', {}, values);
    const note = formText(form, 'note');
    const score = formText(form, 'score');
    const comment = formText(form, 'comment');
    if (!note.trim()) return formFailure('thanks', 400, 'VALIDATION_FAILED', { note: 'NOTE_REQUIRED' }, values);
    const body: { note: string; rating?: { score: number; comment: string } } = { note };
    if (score !== '' && score !== 'none') body.rating = { score: Number(score), comment };
    const result = await callApi(event, 'POST', `/api/applications/${id}/thanks`, body);
    if (!result.ok) {
      return apiFailure('thanks', result.status, result.error, values, { prefixes: ['rating'] });
    }
    return formSuccess('thanks', { applicationId: id });
  },
};
