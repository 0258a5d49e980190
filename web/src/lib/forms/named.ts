/**
 * What a page with several forms gets back from a form action, so each form shows only its own
 * outcome. Actions build these with `#lib/server/named-form.ts`; pages read them with
 * `failureOf(form, 'profile')` / `successOf(form, 'profile')`.
 */

/** A refused submission: the API's error code, each field's problem code, and what was typed (never secrets). */
export interface NamedFailure {
  form: string;
  code: string;
  fields: Record<string, string>;
  values: Record<string, string | string[]>;
}

/** A submission that worked; `detail` says what to confirm (e.g. which invitation was resent). */
export interface NamedSuccess {
  form: string;
  done: true;
  detail?: Record<string, string>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function failureOf(result: unknown, form: string): NamedFailure | null {
  if (!isRecord(result) || result.form !== form || typeof result.code !== 'string') return null;
  return result as unknown as NamedFailure;
}

export function successOf(result: unknown, form: string): NamedSuccess | null {
  if (!isRecord(result) || result.form !== form || result.done !== true) return null;
  return result as unknown as NamedSuccess;
}

/** One kept text value of a failed form (the last one, if the field was repeated). */
export function keptText(failure: NamedFailure | null, name: string): string | undefined {
  const value = failure?.values[name];
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.at(-1) : value;
}

/** Every kept value of a repeated field (checkbox groups). */
export function keptList(failure: NamedFailure | null, name: string): string[] | undefined {
  if (!failure) return undefined;
  const value = failure.values[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
