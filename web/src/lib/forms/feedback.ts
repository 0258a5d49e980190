import { errorMessage, fieldMessage } from '#lib/i18n/errors.ts';
import type { Translator } from '#lib/i18n/translator.ts';

/** What a failed form action sent back, as far as showing it goes (see `FormFailure` in `./result.ts`). */
export interface FailureLike {
  code?: string | undefined;
  fields?: Record<string, string> | undefined;
}

/** A field of the form, in the order it appears on the page. */
export interface FieldSpec {
  /** the name the API reports problems under (usually the input's `name`) */
  name: string;
  /** the control's id, for the summary's link */
  id: string;
  /** its visible label, already translated */
  label: string;
}

export interface FormFeedback {
  /** the translated message for each field that has a problem, by field name: pass as FormField's `error` */
  fieldErrors: Record<string, string>;
  /** one line per problem field, linking to it, for ErrorSummary's `items` */
  items: Array<{ href: string; text: string }>;
  /** the form-wide message (wrong password, rate limited, expired link …) when no field explains it */
  message: string | undefined;
  /** true when there is anything to show */
  failed: boolean;
}

const noFeedback: FormFeedback = { fieldErrors: {}, items: [], message: undefined, failed: false };

/**
 * Turns a failed action's codes into the texts a page shows: a message beside each field, a
 * summary list (in page order) linking to them, and a form-wide message for any other code.
 * Field problems on fields this form does not show fall back to the form-wide message.
 */
export function formFeedback(
  i18n: Pick<Translator, 't'>,
  failure: FailureLike | null | undefined,
  fields: readonly FieldSpec[],
): FormFeedback {
  if (!failure?.code) return noFeedback;
  const codes = failure.fields ?? {};
  const fieldErrors: Record<string, string> = {};
  const items: FormFeedback['items'] = [];
  for (const field of fields) {
    const code = codes[field.name];
    if (!code) continue;
    const text = fieldMessage(i18n, code);
    fieldErrors[field.name] = text;
    items.push({ href: `#${field.id}`, text: i18n.t('errors.summary.item', { label: field.label, message: text }) });
  }
  const message = items.length > 0 ? undefined : errorMessage(i18n, failure.code);
  return { fieldErrors, items, message, failed: true };
}
