import { describe, expect, it } from 'vitest';
import { failureOf, keptList, keptText, successOf } from './result.ts';

const failure = {
  form: 'profile',
  code: 'VALIDATION_FAILED',
  fields: { bio: 'TOO_LONG' },
  values: { bio: 'long', skills: ['it_digital', 'other'], language: 'ja' },
};

describe('named form results', () => {
  it('each form sees only its own outcome', () => {
    expect(failureOf(failure, 'profile')).toBe(failure);
    expect(failureOf(failure, 'password')).toBeNull();
    expect(failureOf(null, 'profile')).toBeNull();
    expect(failureOf({ form: 'profile', done: true }, 'profile')).toBeNull();
    expect(successOf({ form: 'profile', done: true }, 'profile')).toEqual({ form: 'profile', done: true });
    expect(successOf(failure, 'profile')).toBeNull();
    expect(successOf(undefined, 'profile')).toBeNull();
  });

  it('gives back what was typed: one text, or every ticked box', () => {
    const f = failureOf(failure, 'profile');
    expect(keptText(f, 'bio')).toBe('long');
    expect(keptText(f, 'skills')).toBe('other');
    expect(keptText(f, 'phone')).toBeUndefined();
    expect(keptList(f, 'skills')).toEqual(['it_digital', 'other']);
    expect(keptList(f, 'language')).toEqual(['ja']);
    // a failed form with nothing ticked: an empty list (not the saved values)
    expect(keptList(f, 'municipalityCodes')).toEqual([]);
    // no failure: undefined, so the page shows the saved values
    expect(keptList(null, 'skills')).toBeUndefined();
    expect(keptText(null, 'bio')).toBeUndefined();
  });
});
