import { describe, expect, it } from 'vitest';
import { missingFields, tokenFailure } from './auth-forms.ts';
import { submittedForm } from './submitted-form.ts';

describe('missingFields', () => {
  it('fails with `required` per empty field, or returns undefined', () => {
    expect(missingFields('link', submittedForm({ email: 'a@b.jp' }), ['email'])).toBeUndefined();
    const failure = missingFields('password', submittedForm({ email: ' ', password: '' }), ['email', 'password']);
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
    const form = submittedForm({ token: 'x' });
    expect(tokenFailure('verify', 400, { code: 'VALIDATION_FAILED' }, form).data.code).toBe('TOKEN_INVALID');
    expect(tokenFailure('verify', 409, { code: 'EMAIL_TAKEN' }, form).data.code).toBe('EMAIL_TAKEN');
  });
});
