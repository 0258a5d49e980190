import { fail } from '@sveltejs/kit';
import type { NamedFailure, NamedSuccess } from '#lib/forms/named.ts';
import type { ApiError } from './api.ts';

const secrets = ['password', 'currentPassword', 'newPassword'];

/**
 * What was typed into a form, to fill it again after an error: a repeated name (checkbox
 * group) becomes a list. Secrets (passwords) are never sent back.
 */
export function formValues(form: FormData, secret: readonly string[] = secrets): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    if (secret.includes(key)) continue;
    const all = form.getAll(key).filter((v): v is string => typeof v === 'string');
    if (all.length === 1) values[key] = all[0]!;
    else if (all.length > 1) values[key] = all;
  }
  return values;
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

/** A refused API call, as `fail(status, …)` for the named form. */
export function namedApiFailure(
  form: string,
  status: number,
  error: ApiError,
  values: Record<string, string | string[]>,
  options: { prefixes?: readonly string[]; rename?: Record<string, string> } = {},
) {
  const fields: Record<string, string> = {};
  for (const issue of error.fields) {
    const name = formFieldName(issue.field, options.prefixes);
    fields[options.rename?.[name] ?? name] ??= issue.code;
  }
  return fail(status, { form, code: error.code, fields, values } satisfies NamedFailure);
}

/** A problem found before calling the API (e.g. a confirmation box left unticked). */
export function namedFailure(
  form: string,
  status: number,
  code: string,
  fields: Record<string, string>,
  values: Record<string, string | string[]>,
) {
  return fail(status, { form, code, fields, values } satisfies NamedFailure);
}

export function namedSuccess(form: string, detail?: Record<string, string>): NamedSuccess {
  return detail ? { form, done: true, detail } : { form, done: true };
}
