import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './return-path.ts';

describe('safeReturnPath', () => {
  it.each([
    ['/', '/'],
    ['/signin', '/signin'],
    ['/requests?page=2&q=チラシ', '/requests?page=2&q=%E3%83%81%E3%83%A9%E3%82%B7'],
    ['/a/b#section', '/a/b#section'],
    ['/a/../b', '/b'],
  ])('keeps the same-site path %s', (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });

  it.each([
    'https://evil.example/',
    'http://evil.example',
    '//evil.example/path',
    '/\\evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    'javascript:alert(1)',
    'data:text/html,hi',
    'signin',
    '',
    ' /signin',
    `/${'a'.repeat(5000)}`,
  ])('rejects %j', (input) => {
    expect(safeReturnPath(input)).toBe('/');
  });

  it.each([undefined, null, 42, {}, ['/x']])('rejects the non-string %j', (input) => {
    expect(safeReturnPath(input)).toBe('/');
  });

  it('can refuse to return to given paths', () => {
    expect(safeReturnPath('/language', ['/language'])).toBe('/');
    expect(safeReturnPath('/language?x=1', ['/language'])).toBe('/');
    expect(safeReturnPath('/languages', ['/language'])).toBe('/languages');
  });
});
