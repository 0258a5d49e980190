import type { NotificationsPage } from '@board/shared';
import { callApi, pageData } from '#lib/server/api.ts';
import { postForm } from '#lib/server/form-action.ts';
import { requireSignedIn } from '#lib/server/guards.ts';
import type { Actions, PageServerLoad } from './$types';

/** The signed-in person's notifications (GET /api/notifications), newest first, a page at a time (`?cursor=`). */
export const load: PageServerLoad = async (event) => {
  requireSignedIn(event.locals, event.url);
  const cursor = event.url.searchParams.get('cursor');
  const query = new URLSearchParams({ limit: '20', ...(cursor ? { cursor } : {}) });
  const page = pageData(await callApi<NotificationsPage>(event, 'GET', `/api/notifications?${query}`));
  return { page, paged: Boolean(cursor) };
};

export const actions: Actions = {
  /** One notification read: POST /api/notifications/read { ids: [id] }. */
  read: async (event) => {
    requireSignedIn(event.locals, event.url);
    const form = await event.request.formData();
    return postForm(event, form, {
      form: 'read',
      path: '/api/notifications/read',
      body: (f) => ({ ids: [String(f.get('id') ?? '')] }),
    });
  },
  /** Every notification read: POST /api/notifications/read { all: true }. */
  readAll: async (event) => {
    requireSignedIn(event.locals, event.url);
    return postForm(event, await event.request.formData(), {
      form: 'readAll',
      path: '/api/notifications/read',
      body: () => ({ all: true }),
    });
  },
};
