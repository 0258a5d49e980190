import type { SubmitFunction } from '$app/forms';
import { declareFields, type FieldDeclaration } from '#lib/forms/fields.ts';

/** The invitation forms' shared fields: the address, then (after the form's own choice) the mail's language. */
const emailField = declareFields([
  { name: 'email', label: 'staff.invitations.email', hint: 'staff.invitations.emailHint', kind: 'email' },
])[0];
const languageField = declareFields([
  { name: 'language', label: 'staff.invitations.language', hint: 'staff.invitations.languageHint', kind: 'radio' },
])[0];

/** An invitation form's fields in page order: the address, the form's own choice (`place`), the mail's language. */
export function invitationFields<const P extends FieldDeclaration>(place: P) {
  return declareFields([emailField, place, languageField]);
}

/**
 * After a new invitation, an empty address box for the next one; after a refused one, what was
 * typed stays. (Not a full form reset: that would also untick the language radio buttons.)
 */
export const keepOnFailure: SubmitFunction = ({ formElement }) => {
  return async ({ update, result }) => {
    await update({ reset: false });
    const email = formElement.elements.namedItem('email');
    if (result.type === 'success' && email instanceof HTMLInputElement) email.value = '';
  };
};

/** The officer invitation form with this association chosen (/staff/invitations reads `association`). */
export const inviteOfficerHref = (associationId: string) =>
  `/staff/invitations?association=${associationId}#officer-heading`;
