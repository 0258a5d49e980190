import { isActionFailure } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { messagesFor } from '#lib/i18n/catalogue.ts';
import { answerIn } from './error-messages.ts';
import {
  apiFailure,
  emptyFields,
  fieldCodes,
  formFailure,
  formFieldName,
  formList,
  formSuccess,
  formText,
  formValues,
} from './form-result.ts';
import { submittedForm } from './submitted-form.ts';

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

describe('form results', () => {
  it('an API error becomes a failure of that form, one code per field (the first wins)', () => {
    const result = apiFailure(
      'profile',
      400,
      {
        code: 'VALIDATION_FAILED',
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
      // outside a request there is no language to say them in
      errorMessages: {},
    });
  });

  it('local failures and successes carry the form name', () => {
    expect(formFailure('delete', 400, 'VALIDATION_FAILED', { confirm: 'CONFIRM_REQUIRED' }, {}).data).toEqual({
      form: 'delete',
      code: 'VALIDATION_FAILED',
      fields: { confirm: 'CONFIRM_REQUIRED' },
      values: {},
      errorMessages: {},
    });
    expect(formSuccess('resend', { email: 'a@b.jp' })).toEqual({
      form: 'resend',
      done: true,
      detail: { email: 'a@b.jp' },
    });
    expect(formSuccess('profile')).toEqual({ form: 'profile', done: true });
  });
});

describe('formText, formList and emptyFields', () => {
  it('reads text fields and treats blanks as empty', () => {
    const form = submittedForm({ email: ' a@b.jp ', password: '   ', name: '' });
    form.set('file', new Blob(['x']));
    form.append('skills', 'it_digital');
    form.append('skills', '');
    form.append('skills', 'other');
    expect(formText(form, 'email')).toBe(' a@b.jp ');
    expect(formText(form, 'missing')).toBe('');
    expect(formText(form, 'file')).toBe('');
    expect(formList(form, 'skills')).toEqual(['it_digital', 'other']);
    expect(emptyFields(form, ['email', 'password', 'name', 'missing'])).toEqual({
      password: 'required',
      name: 'required',
      missing: 'required',
    });
  });
});

describe('fieldCodes', () => {
  it('keeps the first code per field and turns empty required fields into `required`', () => {
    const form = submittedForm({ email: '', password: 'short', displayName: '' });
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
      { required: ['email', 'password', 'displayName'] },
    );
    expect(fields).toEqual({ email: 'required', password: 'PASSWORD_TOO_SHORT', displayName: 'DISPLAY_NAME_REQUIRED' });
  });

  it("renames API fields to the form's names", () => {
    const fields = fieldCodes(
      { fields: [{ field: 'rating.score', code: 'too_small' }] },
      {},
      {
        prefixes: ['rating'],
        rename: { score: 'rating' },
      },
    );
    expect(fields).toEqual({ rating: 'too_small' });
  });
});

describe('apiFailure from a submitted form', () => {
  it('names the form, carries the code and never the password', () => {
    const failure = apiFailure(
      'password',
      401,
      { code: 'INVALID_CREDENTIALS', fields: [] },
      submittedForm({ email: 'a@b.jp', password: 'secret', returnTo: '/x' }),
    );
    expect(isActionFailure(failure)).toBe(true);
    expect(failure.status).toBe(401);
    expect(failure.data).toEqual({
      form: 'password',
      code: 'INVALID_CREDENTIALS',
      fields: {},
      values: { email: 'a@b.jp', returnTo: '/x' },
      errorMessages: {},
    });
  });

  it('a failure brings the texts of its codes in the language being answered, and no others', () => {
    const failure = answerIn('en', () =>
      apiFailure(
        'profile',
        400,
        {
          code: 'VALIDATION_FAILED',
          fields: [
            { field: 'bio', code: 'TOO_LONG' },
            { field: 'email', code: 'NO_SUCH_FIELD_CODE' },
          ],
        },
        { bio: 'x' },
      ),
    );
    const en = messagesFor('en');
    expect(failure.data.errorMessages).toEqual({
      'errors.code.VALIDATION_FAILED': en['errors.code.VALIDATION_FAILED'],
      'errors.field.TOO_LONG': en['errors.field.TOO_LONG'],
    });
    expect(answerIn('ja-easy', () => formFailure('x', 409, 'ALREADY_APPLIED', {}, {})).data.errorMessages).toEqual({
      'errors.code.ALREADY_APPLIED': messagesFor('ja-easy')['errors.code.ALREADY_APPLIED'],
    });
  });
});
