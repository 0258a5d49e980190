import type { ReviewedField } from '@board/shared';
import type { MessageKey } from '#lib/i18n/catalogue.ts';

/** The label of a field the officers write, as the "what changed since" list names it. */
export const fieldLabelKey = (field: ReviewedField) => `moderation.field.${field}` as MessageKey;

/** Where each changed field shows in the request's facts (the place row shows area and online). */
export function changedRows(fields: readonly ReviewedField[] | null | undefined): ReadonlySet<string> {
  const rows = new Set<string>();
  for (const field of fields ?? []) rows.add(field === 'online' ? 'area' : field);
  return rows;
}

/** An id from a query string or form (a request or association), or null when it is not one. */
export function idOrNull(value: FormDataEntryValue | null): string | null {
  return typeof value === 'string' && /^[0-9a-f-]{36}$/i.test(value) ? value : null;
}
