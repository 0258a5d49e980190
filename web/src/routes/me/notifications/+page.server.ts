import { mailModes, notificationAudience, notificationKinds, type NotificationPreferences } from '@board/shared';
import { callApi, pageData } from '#lib/server/api.ts';
import { apiFailure, formSuccess, formValues } from '#lib/server/form-result.ts';
import { requireSignedIn } from '#lib/server/guards.ts';
import { wearsAny } from '#lib/actor.ts';
import type { Actions, PageServerLoad } from './$types';

/** The person's mail choice per kind of notification (GET /api/me/notification-preferences). */
export const load: PageServerLoad = async (event) => {
  requireSignedIn(event.locals, event.url);
  const { preferences } = pageData(
    await callApi<NotificationPreferences>(event, 'GET', '/api/me/notification-preferences'),
  );
  // only the kinds of the hats the person wears (a volunteer never sees the staff's review queue)
  const mine = preferences.filter((p) => wearsAny(event.locals.me, notificationAudience[p.kind]));
  return { preferences: mine };
};

export const actions: Actions = {
  /** One radio group per kind (named after the kind): PUT /api/me/notification-preferences. */
  save: async (event) => {
    requireSignedIn(event.locals, event.url);
    const form = await event.request.formData();
    const preferences = notificationKinds.flatMap((kind) => {
      const mode = form.get(kind);
      return typeof mode === 'string' && mode !== '' ? [{ kind, mode }] : [];
    });
    const known = preferences.every((p) => (mailModes as readonly string[]).includes(p.mode));
    const result = await callApi(event, 'PUT', '/api/me/notification-preferences', { preferences });
    if (!result.ok || !known) {
      const failure = result.ok ? { code: 'VALIDATION_FAILED', message: 'Unknown choice', fields: [] } : result.error;
      return apiFailure('save', result.ok ? 400 : result.status, failure, formValues(form));
    }
    return formSuccess('save');
  },
};
