import type { ApplicationDetail, StoryView } from '@board/shared';
import { redirect } from '@sveltejs/kit';
import { callApi, pageData } from '#lib/server/api.ts';
import { postForm } from '#lib/server/form-action.ts';
import { apiFailure, formFailure, formId, formText, formValues } from '#lib/server/form-result.ts';
import { requireSignedIn } from '#lib/server/guards.ts';
import type { Actions, PageServerLoad } from './$types';

/**
 * A match's good case (好事例): the association's officer writes it (again, when sent back), the
 * volunteer chooses to be named or not. Staff see it too.
 */
export const load: PageServerLoad = async (event) => {
  requireSignedIn(event.locals, event.url);
  const id = event.params.applicationId;
  const detail = pageData(await callApi<ApplicationDetail>(event, 'GET', `/api/applications/${id}`));
  const story = await callApi<StoryView>(event, 'GET', `/api/applications/${id}/story`);
  const application = detail.asVolunteer ?? detail.asAssociation;
  return {
    applicationId: id,
    side: detail.side,
    requestTitle: detail.request.title,
    confirmed: application?.status === 'accepted' && application.confirmedAt !== null,
    story: story.ok ? story.data : null,
  };
};

/** A file field's bytes in base64, or '' when no file was chosen. */
async function fileAsBase64(form: FormData, name: string): Promise<string> {
  const file = form.get(name);
  if (!(file instanceof File) || file.size === 0) return '';
  return Buffer.from(await file.arrayBuffer()).toString('base64');
}

export const actions: Actions = {
  /** POST /api/applications/:id/story (a multipart form: the photo is a file). */
  write: async (event) => {
    requireSignedIn(event.locals, event.url);
    const id = event.params.applicationId;
    const form = await event.request.formData();
    const values = formValues(form);
    const photo = await fileAsBase64(form, 'photo');
    if (photo.length > 1_400_000)
      return formFailure('write', 400, 'VALIDATION_FAILED', { photo: 'PHOTO_TOO_LARGE' }, values);
    const body = {
      title: formText(form, 'title'),
      trouble: formText(form, 'trouble'),
      whatDone: formText(form, 'whatDone'),
      whatChanged: formText(form, 'whatChanged'),
      photo,
      photoAlt: formText(form, 'photoAlt'),
    };
    const result = await callApi<StoryView>(event, 'POST', `/api/applications/${id}/story`, body);
    if (!result.ok) return apiFailure('write', result.status, result.error, values);
    redirect(303, `/matches/${id}/story?sent=1#story-state-heading`);
  },

  /** POST /api/stories/:id/consent (the volunteer). */
  consent: async (event) => {
    requireSignedIn(event.locals, event.url);
    const form = await event.request.formData();
    const storyId = formId(form, 'storyId');
    if (!storyId) return formFailure('consent', 404, 'NOT_FOUND', {}, formValues(form));
    return postForm(event, form, {
      form: 'consent',
      path: `/api/stories/${storyId}/consent`,
      required: { consent: 'STORY_CONSENT_REQUIRED' },
      body: (submitted) => ({ consent: formText(submitted, 'consent') }),
    });
  },
};
