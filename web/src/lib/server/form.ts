import { fail } from '@sveltejs/kit';
import type { ApiError } from './api.ts';

/** What a failed form action returns to its page: the error code, per-field codes, and what was typed (never passwords). */
export interface FormFailure {
  code: string;
  fields: Record<string, string>;
  values: Record<string, string>;
}

/** Turns an API error into `fail(status, …)` for a form action; the page shows each field's message beside it. */
export function apiFailure(status: number, error: ApiError, values: Record<string, string> = {}) {
  const fields: Record<string, string> = {};
  for (const issue of error.fields) fields[issue.field] ??= issue.code;
  return fail(status, { code: error.code, fields, values } satisfies FormFailure);
}

/** Text fields of a submitted form, minus anything secret, to refill the form after an error. */
export function keptValues(form: FormData, secret: readonly string[] = ['password', 'currentPassword', 'newPassword']) {
  const values: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === 'string' && !secret.includes(key)) values[key] = value;
  return values;
}
