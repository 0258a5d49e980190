/**
 * What a form action returns, the one shape for every form: it names its form, so on a page with
 * several each shows only its own outcome. Actions build these with `#lib/server/form-result.ts`;
 * pages read them with `formView` (`./fields.ts`) or `failureOf(form, 'profile')` / `successOf(…)`.
 */

/** What was typed: one text per field, a list for a repeated field (checkbox group). */
export type FormValues = Record<string, string | string[]>;

/** A refused submission: the API's error code, each field's problem code, and what was typed (never secrets). */
export interface FormFailure {
  form: string;
  code: string;
  fields: Record<string, string>;
  values: FormValues;
  /** the texts of these codes (#lib/server/error-messages.ts): the page's own messages leave them out */
  errorMessages?: Record<string, string>;
}

/** A submission that worked; `detail` says what to confirm (e.g. which invitation was resent). */
export interface FormSuccess {
  form: string;
  done: true;
  detail?: Record<string, string>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function failureOf(result: unknown, form: string): FormFailure | null {
  if (!isRecord(result) || result.form !== form || typeof result.code !== 'string') return null;
  return result as unknown as FormFailure;
}

export function successOf(result: unknown, form: string): FormSuccess | null {
  if (!isRecord(result) || result.form !== form || result.done !== true) return null;
  return result as unknown as FormSuccess;
}

/** One kept text value of a failed form (the last one, if the field was repeated). */
export function keptText(failure: FormFailure | null, name: string): string | undefined {
  const value = failure?.values[name];
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.at(-1) : value;
}

/** Every kept value of a repeated field (checkbox groups). */
export function keptList(failure: FormFailure | null, name: string): string[] | undefined {
  if (!failure) return undefined;
  const value = failure.values[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
