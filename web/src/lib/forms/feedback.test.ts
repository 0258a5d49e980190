import { describe, expect, it } from 'vitest';
import { messagesFor } from '#lib/i18n/catalogue.ts';
import { createTranslator } from '#lib/i18n/translator.ts';
import { formFeedback } from './feedback.ts';

const ja = createTranslator('ja', messagesFor('ja'));
const en = createTranslator('en', messagesFor('en'));
const fields = [
  { name: 'email', id: 'signup-email', label: 'Email address' },
  { name: 'password', id: 'signup-password', label: 'Password' },
];

describe('formFeedback', () => {
  it('is empty without a failure', () => {
    expect(formFeedback(ja, null, fields)).toMatchObject({ failed: false, items: [], message: undefined });
    expect(formFeedback(ja, { sent: true } as never, fields).failed).toBe(false);
  });

  it('translates each field code, in page order, with links to the controls', () => {
    const feedback = formFeedback(
      en,
      { code: 'VALIDATION_FAILED', fields: { password: 'PASSWORD_TOO_SHORT', email: 'required' } },
      fields,
    );
    expect(feedback.fieldErrors).toEqual({
      email: 'This is required.',
      password: 'The password needs at least 10 characters.',
    });
    expect(feedback.items).toEqual([
      { href: '#signup-email', text: 'Email address: This is required.' },
      { href: '#signup-password', text: 'Password: The password needs at least 10 characters.' },
    ]);
    expect(feedback.message).toBeUndefined();
  });

  it('gives a form-wide message for codes no field explains', () => {
    expect(formFeedback(ja, { code: 'INVALID_CREDENTIALS', fields: {} }, fields).message).toBe(
      'メールアドレスかパスワードが違います。',
    );
    // a problem with a field this form does not show
    const other = formFeedback(en, { code: 'VALIDATION_FAILED', fields: { token: 'too_small' } }, fields);
    expect(other.items).toEqual([]);
    expect(other.message).toBe('Please check what you entered.');
    expect(formFeedback(en, { code: 'NO_SUCH_CODE' }, fields).message).toContain('something went wrong');
  });
});
