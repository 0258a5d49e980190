import type { ApiError } from './api.ts';
import { apiFailure, emptyFields, formFailure, formValues } from './form-result.ts';

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
 * A link token the API turned down. A malformed token fails validation (400 with a `token`
 * field), which to the person is the same thing as an expired one: "this link cannot be used".
 */
export function tokenFailure(which: string, status: number, error: Pick<ApiError, 'code'>, form: FormData) {
  const code = error.code === 'VALIDATION_FAILED' ? 'TOKEN_INVALID' : error.code;
  return apiFailure(which, status, { code, fields: [] }, form);
}
