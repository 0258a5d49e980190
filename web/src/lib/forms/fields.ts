/**
 * Fields declared once per form. A page lists each form's fields (name, label and hint keys,
 * kind) in page order; `formView` turns that list and the action's result into everything the
 * page shows: per field the props for its component (id, name, label, hint, error), the error
 * summary in page order, the form-wide message, and what was typed before a refused submission.
 *
 *   const view = $derived(formView(i18n, form, 'email', emailFields));
 *   <ErrorSummary items={view.feedback.items} message={view.feedback.message} />
 *   <FormField {...view.field.newEmail} value={view.text('newEmail') ?? ''} required />
 */
import type { MessageKey } from '#lib/i18n/catalogue.ts';
import type { Translator } from '#lib/i18n/translator.ts';
import { formFeedback, type FormFeedback } from './feedback.ts';
import { failureOf, keptList, keptText, successOf, type FormFailure, type FormSuccess } from './result.ts';

/** How a field is shown: an input of that type, a text area, a box, a group of choices, a date and time. */
export type FieldKind =
  | 'text'
  | 'email'
  | 'tel'
  | 'password'
  | 'number'
  | 'textarea'
  | 'select'
  | 'checkbox'
  | 'radio'
  | 'checkboxes'
  | 'datetime';

export interface FieldDeclaration {
  /** the input's name, which is also the name the API reports problems under */
  name: string;
  label: MessageKey;
  hint?: MessageKey;
  kind: FieldKind;
  /** the control's id when it is not `<idPrefix>-<name>` (ids tests and links rely on) */
  id?: string;
}

/** Spread onto a field component: `<FormField {...view.field.bio} />`. */
export interface FieldProps {
  id: string;
  name: string;
  label: string;
  hint: string | undefined;
  error: string | undefined;
  /** an input's type (only for kinds shown as a plain <input>) */
  type?: 'text' | 'email' | 'tel' | 'password' | 'number';
}

export interface FormView<Name extends string> {
  failure: FormFailure | null;
  success: FormSuccess | null;
  feedback: FormFeedback;
  field: Record<Name, FieldProps>;
  /** what was typed into a text field (or a hidden one) before a refused submission (undefined: show the saved value) */
  text(name: string): string | undefined;
  /** every ticked value of a refused submission (undefined: show the saved values) */
  list(name: Name): string[] | undefined;
  /** whether a box was ticked in a refused submission (undefined: show the saved value) */
  ticked(name: Name): boolean | undefined;
}

const inputKinds = new Set<FieldKind>(['text', 'email', 'tel', 'password', 'number']);

/** Where the error summary's link for a field lands: a radio group's first radio, else the control. */
function anchorOf(declaration: FieldDeclaration, id: string): string {
  return declaration.kind === 'radio' ? `${id}-0` : id;
}

/** A form's fields in page order (the error summary follows it), typed so `view.field.<name>` is checked. */
export function declareFields<const D extends readonly FieldDeclaration[]>(declarations: D): D {
  return declarations;
}

export function formView<const D extends readonly FieldDeclaration[]>(
  i18n: Pick<Translator, 't'>,
  result: unknown,
  form: string,
  declarations: D,
  /** controls' ids are `<idPrefix>-<name>` (default: the form's name) */
  idPrefix: string = form,
): FormView<D[number]['name']> {
  type Name = D[number]['name'];
  const failure = failureOf(result, form);
  const idOf = (d: FieldDeclaration) => d.id ?? `${idPrefix}-${d.name}`;
  const feedback = formFeedback(
    i18n,
    failure,
    declarations.map((d) => ({ name: d.name, id: anchorOf(d, idOf(d)), label: i18n.t(d.label) })),
  );
  const field = {} as Record<Name, FieldProps>;
  for (const d of declarations) {
    const props: FieldProps = {
      id: idOf(d),
      name: d.name,
      label: i18n.t(d.label),
      hint: d.hint ? i18n.t(d.hint) : undefined,
      error: feedback.fieldErrors[d.name],
    };
    if (inputKinds.has(d.kind)) props.type = d.kind as FieldProps['type'];
    field[d.name as Name] = props;
  }
  return {
    failure,
    success: successOf(result, form),
    feedback,
    field,
    text: (name) => keptText(failure, name),
    list: (name) => keptList(failure, name),
    ticked: (name) => (failure ? keptText(failure, name) !== undefined : undefined),
  };
}
