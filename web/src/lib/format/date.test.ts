import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './date.ts';

describe('dates in Tokyo time', () => {
  // 2026-01-15 03:04 UTC is 12:04 in Tokyo; 2026-01-15 20:30 UTC is already the 16th in Tokyo
  it('writes Japanese and English dates in Asia/Tokyo', () => {
    expect(formatDateTime('ja', '2026-01-15T03:04:00Z')).toBe('2026年1月15日 12:04');
    expect(formatDateTime('ja-easy', '2026-01-15T03:04:00Z')).toBe('2026年1月15日 12:04');
    expect(formatDateTime('en', '2026-01-15T03:04:00Z')).toBe('15 Jan 2026, 12:04');
    expect(formatDate('ja', '2026-01-15T20:30:00Z')).toBe('2026年1月16日');
    expect(formatDate('en', new Date('2026-01-15T20:30:00Z'))).toBe('16 Jan 2026');
  });

  it('gives nothing for a value that is not a date', () => {
    expect(formatDateTime('ja', 'not a date')).toBe('');
    expect(formatDate('en', '')).toBe('');
  });
});
