import { isActionFailure } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { emptyFields, fieldCodes, formFailure, formText, missingFields, tokenFailure } from './auth-forms.ts';

function formData(entries: Record<string, string>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(entries)) form.set(k, v);
  return form;
}

describe('formText and emptyFields', () => {
  it('reads text fields and treats blanks as empty', () => {
    const form = formData({ email: ' a@b.jp ', password: '   ', name: '' });
    form.set('file', new Blob(['x']));
    expect(formText(form, 'email')).toBe(' a@b.jp ');
    expect(formText(form, 'missing')).toBe('');
    expect(formText(form, 'file')).toBe('');
    expect(emptyFields(form, ['email', 'password', 'name', 'missing'])).toEqual({
      password: 'required',
      name: 'required',
      missing: 'required',
    });
  });
});

describe('fieldCodes', () => {
  it('keeps the first code per field and turns empty required fields into `required`', () => {
    const form = formData({ email: '', password: 'short', displayName: '' });
    const fields = fieldCodes(
      {
        fields: [
          { field: 'email', code: 'EMAIL_INVALID' },
          { field: 'password', code: 'PASSWORD_TOO_SHORT' },
          { field: 'password', code: 'too_small' },
          { field: 'displayName', code: 'DISPLAY_NAME_REQUIRED' },
        ],
      },
      form,
      ['email', 'password', 'displayName'],
    );
    expect(fields).toEqual({ email: 'required', password: 'PASSWORD_TOO_SHORT', displayName: 'DISPLAY_NAME_REQUIRED' });
  });
});

describe('formFailure', () => {
  it('names the form, carries the code and never the password', () => {
    const failure = formFailure(
      'password',
      401,
      { code: 'INVALID_CREDENTIALS', fields: [] },
      formData({ email: 'a@b.jp', password: 'secret', returnTo: '/x' }),
    );
    expect(isActionFailure(failure)).toBe(true);
    expect(failure.status).toBe(401);
    expect(failure.data).toEqual({
      form: 'password',
      code: 'INVALID_CREDENTIALS',
      fields: {},
      values: { email: 'a@b.jp', returnTo: '/x' },
    });
  });
});

describe('missingFields', () => {
  it('fails with `required` per empty field, or returns undefined', () => {
    expect(missingFields('link', formData({ email: 'a@b.jp' }), ['email'])).toBeUndefined();
    const failure = missingFields('password', formData({ email: ' ', password: '' }), ['email', 'password']);
    expect(failure?.status).toBe(400);
    expect(failure?.data).toMatchObject({
      form: 'password',
      code: 'VALIDATION_FAILED',
      fields: { email: 'required', password: 'required' },
    });
  });
});

describe('tokenFailure', () => {
  it('reports a malformed token as an unusable link', () => {
    const form = formData({ token: 'x' });
    expect(tokenFailure('verify', 400, { code: 'VALIDATION_FAILED' }, form).data.code).toBe('TOKEN_INVALID');
    expect(tokenFailure('verify', 409, { code: 'EMAIL_TAKEN' }, form).data.code).toBe('EMAIL_TAKEN');
  });
});
