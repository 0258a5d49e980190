import type { StoryReviewList } from '@board/shared';
import { error } from '@sveltejs/kit';
import { callApi } from '#lib/server/api.ts';
import { postForm } from '#lib/server/form-action.ts';
import { formFailure, formId, formText, formValues } from '#lib/server/form-result.ts';
import { requireStaffArea } from '#lib/server/guards.ts';
import type { Actions, PageServerLoad } from './$types';

/** Good cases of the staff's municipality (foundation: all): approve or send back; feature (foundation). */
export const load: PageServerLoad = async (event) => {
  requireStaffArea(event.locals, event.url, 'story.review');
  const result = await callApi<StoryReviewList>(event, 'GET', '/api/staff/stories');
  if (!result.ok && result.status === 403) error(403, 'Not allowed');
  return { stories: result.ok ? result.data.items : null };
};

export const actions: Actions = {
  /** POST /api/stories/:id/approve: approve, or send back with a reason (answered as `decide-<id>`). */
  decide: async (event) => {
    requireStaffArea(event.locals, event.url, 'story.approve');
    const form = await event.request.formData();
    const id = formId(form, 'storyId');
    if (!id) return formFailure('decide', 404, 'NOT_FOUND', {}, formValues(form));
    const decision = formText(form, 'decision');
    return postForm(event, form, {
      form: `decide-${id}`,
      path: `/api/stories/${id}/approve`,
      required: { decision: 'STORY_DECISION_REQUIRED', ...(decision === 'send_back' && { reason: 'REASON_REQUIRED' }) },
      body: (submitted) => ({ decision, reason: formText(submitted, 'reason') }),
    });
  },

  /** POST /api/stories/:id/feature (foundation), answered as `feature-<id>`. */
  feature: async (event) => {
    requireStaffArea(event.locals, event.url, 'story.feature');
    const form = await event.request.formData();
    const id = formId(form, 'storyId');
    if (!id) return formFailure('feature', 404, 'NOT_FOUND', {}, formValues(form));
    return postForm(event, form, {
      form: `feature-${id}`,
      path: `/api/stories/${id}/feature`,
      body: (submitted) => ({ featured: formText(submitted, 'featured') === 'true' }),
    });
  },
};
