/**
 * The one way a form action answers: `apiFailure` for a call the API refused, `formFailure` for
 * a problem found before calling it, `formSuccess` when it worked. Each names its form (a page
 * may hold several); pages read them with `#lib/forms/result.ts` or `formView`.
 */
import { fail } from '@sveltejs/kit';
import type { FormFailure, FormSuccess, FormValues } from '#lib/forms/result.ts';
import { isUuid } from '#lib/uuid.ts';
import type { ApiError, ApiResult } from './api.ts';
import { errorMessagesFor } from './error-messages.ts';

const secrets = ['password', 'currentPassword', 'newPassword'];

/** A text field of a submitted form ('' when missing or a file). */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

/** The uuid a hidden field names (the item a row's button is about), or null when it is none. */
export function formId(form: FormData, name: string): string | null {
  const id = formText(form, name);
  return isUuid(id) ? id : null;
}

/** Every non-empty text value of a repeated field (checkbox groups). */
export function formList(form: FormData, name: string): string[] {
  return form.getAll(name).filter((v): v is string => typeof v === 'string' && v !== '');
}

/**
 * What was typed into a form, to fill it again after an error: a repeated name (checkbox
 * group) becomes a list. Secrets (passwords) are never sent back.
 */
export function formValues(form: FormData, secret: readonly string[] = secrets): FormValues {
  const values: FormValues = {};
  for (const key of new Set(form.keys())) {
    if (secret.includes(key)) continue;
    const all = form.getAll(key).filter((v): v is string => typeof v === 'string');
    if (all.length === 1) values[key] = all[0]!;
    else if (all.length > 1) values[key] = all;
  }
  return values;
}

/** The named fields left empty (blank after trimming), each with the code `required`. */
export function emptyFields(form: FormData, names: readonly string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const name of names) if (formText(form, name).trim() === '') fields[name] = 'required';
  return fields;
}

/**
 * The API's field path as the form names the field: `volunteerProfile.skills.3` → `skills`.
 * Drops the given prefixes and any list index.
 */
export function formFieldName(path: string, prefixes: readonly string[] = []): string {
  let name = path;
  for (const prefix of prefixes) if (name.startsWith(`${prefix}.`)) name = name.slice(prefix.length + 1);
  return name.split('.').find((part) => !/^\d+$/.test(part)) ?? name;
}

export interface ApiFailureOptions {
  /** API path prefixes the form does not show (`volunteerProfile.bio` is the form's `bio`) */
  prefixes?: readonly string[];
  /** form names for API field names that differ (`score` → `rating`) */
  rename?: Record<string, string>;
  /**
   * fields that must be filled in: when left empty, the field says "please fill this in" rather
   * than a format problem ("not a valid email address" for an empty box confuses people); a
   * domain code that already means "missing" (`DISPLAY_NAME_REQUIRED`) is kept. Needs the FormData.
   */
  required?: readonly string[];
}

/** Field codes of an API error, by the form's field names; the first code per field wins. */
export function fieldCodes(
  error: Pick<ApiError, 'fields'>,
  submitted: FormData | FormValues,
  options: ApiFailureOptions = {},
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.fields) {
    const name = formFieldName(issue.field, options.prefixes);
    fields[options.rename?.[name] ?? name] ??= issue.code;
  }
  if (submitted instanceof FormData) {
    for (const name of Object.keys(emptyFields(submitted, options.required ?? []))) {
      if (!fields[name]?.endsWith('_REQUIRED')) fields[name] = 'required';
    }
  }
  return fields;
}

/** A call the API refused, as `fail(status, …)` for the named form (never with passwords). */
export function apiFailure(
  form: string,
  status: number,
  error: Pick<ApiError, 'code' | 'fields'>,
  submitted: FormData | FormValues,
  options: ApiFailureOptions = {},
) {
  const values = submitted instanceof FormData ? formValues(submitted) : submitted;
  return formFailure(form, status, error.code, fieldCodes(error, submitted, options), values);
}

/** A problem found before calling the API (e.g. a confirmation box left unticked). */
export function formFailure(
  form: string,
  status: number,
  code: string,
  fields: Record<string, string>,
  values: FormValues,
) {
  return fail(status, {
    form,
    code,
    fields,
    values,
    errorMessages: errorMessagesFor({ code, fields }),
  } satisfies FormFailure);
}

export function formSuccess(form: string, detail?: Record<string, string>): FormSuccess {
  return detail ? { form, done: true, detail } : { form, done: true };
}

/**
 * What a GET filter form's load says of the API's answer (the form's action is the page itself):
 * a refused filter (400) in the one failure shape, with its texts; any other failure is "could
 * not load".
 */
export function filterOutcome<Values extends object>(
  form: string,
  answer: ApiResult<unknown>,
  values: Values,
  options: ApiFailureOptions = {},
) {
  const failure =
    !answer.ok && answer.status === 400
      ? { form, code: answer.error.code, fields: fieldCodes(answer.error, {}, options), values }
      : null;
  return {
    failure,
    errorMessages: errorMessagesFor(failure ?? {}),
    loadFailed: !answer.ok && answer.status !== 400,
  };
}
