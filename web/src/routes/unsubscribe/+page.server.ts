import type { UnsubscribeView } from '@board/shared';
import { callApi } from '#lib/server/api.ts';
import { apiFailure, formSuccess } from '#lib/server/form-result.ts';
import type { Actions, PageServerLoad } from './$types';

/** The confirm page of a mail's unsubscribe link (no sign-in): what it stops (GET /api/unsubscribe). */
export const load: PageServerLoad = async (event) => {
  event.setHeaders({ 'cache-control': 'private, no-store' });
  const key = event.url.searchParams.get('key') ?? '';
  if (!key) return { key, shown: null };
  const result = await callApi<UnsubscribeView>(event, 'GET', `/api/unsubscribe?${new URLSearchParams({ key })}`);
  return { key, shown: result.ok ? result.data : null };
};

export const actions: Actions = {
  /** One press: POST /api/unsubscribe (the key from the page's address). */
  default: async (event) => {
    const key = event.url.searchParams.get('key') ?? '';
    const result = await callApi<UnsubscribeView>(event, 'POST', `/api/unsubscribe?${new URLSearchParams({ key })}`);
    if (!result.ok) return apiFailure('unsubscribe', result.status, result.error, {});
    return formSuccess('unsubscribe', { kind: result.data.kind });
  },
};
