import { describe, expect, it } from 'vitest';
import { formFieldName, formValues, namedApiFailure, namedFailure, namedSuccess } from './named-form.ts';

describe('formValues', () => {
  it('keeps text fields, lists repeated ones, and never keeps passwords', () => {
    const form = new FormData();
    form.append('displayName', '山本 さくら');
    form.append('skills', 'it_digital');
    form.append('skills', 'photo_video');
    form.append('password', 'secret-secret');
    form.append('currentPassword', 'secret-secret');
    form.append('newPassword', 'secret-secret');
    form.append('file', new Blob(['x']), 'x.txt');
    expect(formValues(form)).toEqual({ displayName: '山本 さくら', skills: ['it_digital', 'photo_video'] });
  });
});

describe('formFieldName', () => {
  it.each([
    ['email', [], 'email'],
    ['volunteerProfile.bio', ['volunteerProfile'], 'bio'],
    ['volunteerProfile.skills.3', ['volunteerProfile'], 'skills'],
    ['volunteerProfile.municipalityCodes', ['volunteerProfile'], 'municipalityCodes'],
    ['languages.0', [], 'languages'],
  ] as const)('%s → %s', (path, prefixes, name) => {
    expect(formFieldName(path, prefixes)).toBe(name);
  });
});

describe('named results', () => {
  it('an API error becomes a failure of that form, one code per field (the first wins)', () => {
    const result = namedApiFailure(
      'profile',
      400,
      {
        code: 'VALIDATION_FAILED',
        message: 'bad',
        fields: [
          { field: 'volunteerProfile.bio', code: 'TOO_LONG' },
          { field: 'volunteerProfile.skills.1', code: 'invalid_value' },
          { field: 'volunteerProfile.skills.2', code: 'other' },
        ],
      },
      { bio: 'x' },
      { prefixes: ['volunteerProfile'] },
    );
    expect(result.status).toBe(400);
    expect(result.data).toEqual({
      form: 'profile',
      code: 'VALIDATION_FAILED',
      fields: { bio: 'TOO_LONG', skills: 'invalid_value' },
      values: { bio: 'x' },
    });
  });

  it('local failures and successes carry the form name', () => {
    expect(namedFailure('delete', 400, 'VALIDATION_FAILED', { confirm: 'CONFIRM_REQUIRED' }, {}).data).toEqual({
      form: 'delete',
      code: 'VALIDATION_FAILED',
      fields: { confirm: 'CONFIRM_REQUIRED' },
      values: {},
    });
    expect(namedSuccess('resend', { email: 'a@b.jp' })).toEqual({
      form: 'resend',
      done: true,
      detail: { email: 'a@b.jp' },
    });
    expect(namedSuccess('profile')).toEqual({ form: 'profile', done: true });
  });
});
