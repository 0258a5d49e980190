import type { RequestEvent } from '@sveltejs/kit';
import { callApi, type ApiError } from './api.ts';
import { devMailAvailable } from './dev-mail.ts';
import { apiFailure, emptyFields, formFailure, formText, formValues } from './form-result.ts';

/**
 * Fails before calling the API when required fields are empty (it would only say the same, and
 * sign-in attempts are rate limited). Returns undefined when everything required is there.
 */
export function missingFields(which: string, form: FormData, required: readonly string[]) {
  const fields = emptyFields(form, required);
  if (Object.keys(fields).length === 0) return undefined;
  return formFailure(which, 400, 'VALIDATION_FAILED', fields, formValues(form));
}

/**
 * The load of a page a mailed link opens (`?token=…`): the token for the page's form, nothing
 * spent. Mail scanners fetch links to check them; only the form's POST uses the token.
 */
export const loadLinkToken = ({ url }: { url: URL }) => ({ token: url.searchParams.get('token') ?? '' });

/**
 * A link token the API turned down. A malformed token fails validation (400 with a `token`
 * field), which to the person is the same thing as an expired one: "this link cannot be used".
 */
export function tokenFailure(which: string, status: number, error: Pick<ApiError, 'code'>, form: FormData) {
  const code = error.code === 'VALIDATION_FAILED' ? 'TOKEN_INVALID' : error.code;
  return apiFailure(which, status, { code, fields: [] }, form);
}

/**
 * The action of a form that mails a link to the typed address (a sign-in link, a reset link):
 * the same answer whether or not the address has an account, and whether the demo mail page
 * can show the mail.
 */
export function mailLinkAction<const Sent extends string>(which: string, apiPath: string, sent: Sent) {
  return async (event: RequestEvent) => {
    const form = await event.request.formData();
    const missing = missingFields(which, form, ['email']);
    if (missing) return missing;
    const email = formText(form, 'email');
    const result = await callApi(event, 'POST', apiPath, { email });
    if (!result.ok) return apiFailure(which, result.status, result.error, form, { required: ['email'] });
    return { sent, email: email.trim(), devMail: await devMailAvailable(event) };
  };
}
