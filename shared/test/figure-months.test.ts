import { describe, expect, it } from 'vitest';
import { monthsAfter, monthsBetween, tokyoMonthOf } from '../src/figures.ts';

describe('figure months', () => {
  it('steps across years both ways', () => {
    expect(monthsAfter('2026-12', -11)).toBe('2026-01');
    expect(monthsAfter('2026-01', -1)).toBe('2025-12');
    expect(monthsAfter('2026-11', 2)).toBe('2027-01');
    expect(monthsAfter('2026-04', -12)).toBe('2025-04');
    expect(monthsBetween('2025-11', monthsAfter('2025-11', 3))).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it('is the month in Tokyo, nine hours ahead of UTC', () => {
    expect(tokyoMonthOf(new Date('2026-12-31T14:59:59Z'))).toBe('2026-12');
    expect(tokyoMonthOf(new Date('2026-12-31T15:00:00Z'))).toBe('2027-01');
  });
});
