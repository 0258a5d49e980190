/**
 * The usual form action in one call: refuse required fields left blank (each with its code),
 * POST the form to the API, and answer the outcome under the form's name. Actions that do
 * something else with the API's answer (a redirect to the new message) use `callApi` directly.
 */
import { callApi, type ApiEvent } from './api.ts';
import { apiFailure, formFailure, formSuccess, formText, formValues, type ApiFailureOptions } from './form-result.ts';

export interface FormPost {
  /** the form's name in the answer (a page with several shows each its own outcome) */
  form: string;
  /** the API path to POST to */
  path: string;
  /** fields that must not be blank, each with the code its error says (`{ reason: 'REASON_REQUIRED' }`) */
  required?: Record<string, string>;
  /** the JSON body, from the submitted form (none when absent) */
  body?: (submitted: FormData) => unknown;
  /** what the success message needs (e.g. which application it was about) */
  detail?: Record<string, string>;
  options?: ApiFailureOptions;
}

export async function postForm(event: ApiEvent, submitted: FormData, post: FormPost) {
  const values = formValues(submitted);
  const blank = Object.fromEntries(
    Object.entries(post.required ?? {}).filter(([name]) => formText(submitted, name).trim() === ''),
  );
  if (Object.keys(blank).length > 0) return formFailure(post.form, 400, 'VALIDATION_FAILED', blank, values);
  const result = await callApi(event, 'POST', post.path, post.body?.(submitted));
  if (!result.ok) return apiFailure(post.form, result.status, result.error, values, post.options);
  return formSuccess(post.form, post.detail);
}
