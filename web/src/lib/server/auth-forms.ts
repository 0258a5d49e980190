import { fail } from '@sveltejs/kit';
import type { ApiError } from './api.ts';
import { keptValues, type FormFailure } from './form.ts';

/** A failed form action on a page that may hold several forms: `form` says which one failed. */
export interface NamedFormFailure extends FormFailure {
  form: string;
}

/** A text field of a submitted form ('' when missing or a file). */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

/** The named fields left empty (blank after trimming), each with the code `required`. */
export function emptyFields(form: FormData, names: readonly string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const name of names) if (formText(form, name).trim() === '') fields[name] = 'required';
  return fields;
}

/**
 * Field codes from an API error, where a field the person left empty says "please fill this in"
 * rather than a format problem ("not a valid email address" for an empty box confuses people).
 * A domain code that already means "missing" (`DISPLAY_NAME_REQUIRED`) is kept.
 */
export function fieldCodes(error: Pick<ApiError, 'fields'>, form: FormData, required: readonly string[] = []) {
  const fields: Record<string, string> = {};
  for (const issue of error.fields) fields[issue.field] ??= issue.code;
  for (const name of Object.keys(emptyFields(form, required))) {
    if (!fields[name]?.endsWith('_REQUIRED')) fields[name] = 'required';
  }
  return fields;
}

/**
 * `fail(status, …)` for one of a page's forms: the error code, a code per field (empty required
 * fields as `required`), which form it was, and what was typed (never passwords).
 */
export function formFailure(
  which: string,
  status: number,
  error: Pick<ApiError, 'code' | 'fields'>,
  form: FormData,
  required: readonly string[] = [],
) {
  return fail(status, {
    form: which,
    code: error.code,
    fields: fieldCodes(error, form, required),
    values: keptValues(form),
  } satisfies NamedFormFailure);
}

/**
 * Fails before calling the API when required fields are empty (it would only say the same, and
 * sign-in attempts are rate limited). Returns undefined when everything required is there.
 */
export function missingFields(which: string, form: FormData, required: readonly string[]) {
  const fields = emptyFields(form, required);
  if (Object.keys(fields).length === 0) return undefined;
  return formFailure(which, 400, { code: 'VALIDATION_FAILED', fields: [] }, form, required);
}

/**
 * A link token the API turned down. A malformed token fails validation (400 with a `token`
 * field), which to the person is the same thing as an expired one: "this link cannot be used".
 */
export function tokenFailure(which: string, status: number, error: Pick<ApiError, 'code'>, form: FormData) {
  const code = error.code === 'VALIDATION_FAILED' ? 'TOKEN_INVALID' : error.code;
  return formFailure(which, status, { code, fields: [] }, form);
}
