import { errorCodes, type ErrorCode, type HelpRequestDetail } from '@board/shared';
import { redirect } from '@sveltejs/kit';
import { callApi, type ApiEvent } from './api.ts';
import { formText } from './form-result.ts';

/**
 * The request form's second step, after the content was saved (new or edit): with the main button
 * (`intent=submit`, also what Enter in a box sends) the request goes on at once, for review or
 * onto the board (POST /api/requests/:id/submit); with "save as draft" it stays a draft. Either
 * way the officer lands on the request's page, which says what happened. When sending is refused
 * after the save (a deadline that passed in between, a category switched off), the draft is kept
 * and the page says why it was not sent (`?notSent=<code>`).
 */
export async function sendUnlessDraft(event: ApiEvent, form: FormData, id: string): Promise<never> {
  const page = `/association/requests/${encodeURIComponent(id)}`;
  if (formText(form, 'intent') === 'draft') redirect(303, `${page}?done=saved`);
  const sent = await callApi<HelpRequestDetail>(event, 'POST', `/api/requests/${encodeURIComponent(id)}/submit`);
  if (!sent.ok) redirect(303, `${page}?done=saved&notSent=${encodeURIComponent(sent.error.code)}`);
  redirect(303, `${page}?done=${sent.data.status === 'published' ? 'published' : 'submitted'}`);
}

/** The `notSent` code of the request page's address, when it is one of ours. */
export function notSentCode(url: URL): ErrorCode | null {
  const code = url.searchParams.get('notSent');
  return errorCodes.find((c) => c === code) ?? null;
}
