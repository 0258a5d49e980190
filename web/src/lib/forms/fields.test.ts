import { describe, expect, it } from 'vitest';
import { messagesFor } from '#lib/i18n/catalogue.ts';
import { createTranslator } from '#lib/i18n/translator.ts';
import { formView, type FieldDeclaration } from './fields.ts';

const en = createTranslator('en', messagesFor('en'));
const fields = [
  { name: 'displayName', label: 'auth.field.displayName', kind: 'text', id: 'signup-name' },
  { name: 'email', label: 'auth.field.email', hint: 'auth.signup.emailHint', kind: 'email' },
  { name: 'language', label: 'auth.field.language', kind: 'radio' },
  { name: 'skills', label: 'account.volunteer.skills', kind: 'checkboxes' },
  { name: 'onlineOk', label: 'account.volunteer.onlineOk', kind: 'checkbox' },
] as const satisfies readonly FieldDeclaration[];

const refused = {
  form: 'signup',
  code: 'VALIDATION_FAILED',
  fields: { language: 'invalid_value', email: 'required' },
  values: { displayName: 'さくら', skills: ['it_digital', 'other'], onlineOk: 'on' },
};

describe('formView', () => {
  it('gives each declared field its id, name, translated label, hint and input type', () => {
    const view = formView(en, null, 'signup', fields);
    expect(view.field.email).toEqual({
      id: 'signup-email',
      name: 'email',
      label: en.t('auth.field.email'),
      hint: en.t('auth.signup.emailHint'),
      error: undefined,
      type: 'email',
    });
    expect(view.field.displayName.id).toBe('signup-name');
    expect(view.field.language).not.toHaveProperty('type');
    expect(view.failure).toBeNull();
    expect(view.feedback.failed).toBe(false);
    expect(view.text('displayName')).toBeUndefined();
    expect(view.list('skills')).toBeUndefined();
    expect(view.ticked('onlineOk')).toBeUndefined();
  });

  it('shows a refused submission: errors beside fields, summary in page order, what was typed', () => {
    const view = formView(en, refused, 'signup', fields);
    expect(view.field.email.error).toBe('This is required.');
    expect(view.field.language.error).toBeTruthy();
    expect(view.field.displayName.error).toBeUndefined();
    // page order, and a radio group's link goes to its first radio
    expect(view.feedback.items.map((item) => item.href)).toEqual(['#signup-email', '#signup-language-0']);
    expect(view.text('displayName')).toBe('さくら');
    expect(view.list('skills')).toEqual(['it_digital', 'other']);
    expect(view.ticked('onlineOk')).toBe(true);
  });

  it("ignores another form's outcome on the same page", () => {
    const view = formView(en, refused, 'password', fields);
    expect(view.failure).toBeNull();
    expect(view.field.email.error).toBeUndefined();
    expect(formView(en, refused, 'signup', fields, 'join').field.email.id).toBe('join-email');
    expect(formView(en, { form: 'signup', done: true }, 'signup', fields).success).toEqual({
      form: 'signup',
      done: true,
    });
  });
});
