import { describe, expect, it } from 'vitest';
import { workDayReached, workDayStart } from './work-date.ts';

describe('workDayReached', () => {
  const at = { kind: 'at', startsAt: '2026-12-05T01:00:00.000Z' } as const; // 10:00 on 5 Dec in Tokyo

  it('is false the day before the work, in Tokyo time', () => {
    expect(workDayReached(at, new Date('2026-12-04T14:59:00.000Z'))).toBe(false); // 23:59 on 4 Dec
  });

  it('is true from the start of the work day, even before the hour', () => {
    expect(workDayReached(at, new Date('2026-12-04T15:00:00.000Z'))).toBe(true); // 00:00 on 5 Dec
    expect(workDayReached(at, new Date('2026-12-20T00:00:00.000Z'))).toBe(true);
  });

  it('uses the first day of a range, and any day for flexible work', () => {
    const range = { kind: 'range', startsAt: '2026-12-05T01:00:00.000Z', endsAt: '2026-12-06T01:00:00.000Z' } as const;
    expect(workDayReached(range, new Date('2026-12-04T00:00:00.000Z'))).toBe(false);
    expect(workDayReached({ kind: 'flexible' }, new Date('2000-01-01T00:00:00.000Z'))).toBe(true);
  });

  it('takes a day whose time is not fixed as that Tokyo day', () => {
    const day = { kind: 'day', day: '2026-12-05' } as const;
    expect(workDayReached(day, new Date('2026-12-04T14:59:00.000Z'))).toBe(false); // 23:59 on 4 Dec
    expect(workDayReached(day, new Date('2026-12-04T15:00:00.000Z'))).toBe(true); // 00:00 on 5 Dec
    expect(workDayStart(day)).toBe('2026-12-04T15:00:00.000Z');
    expect(workDayStart({ kind: 'flexible' })).toBeNull();
  });
});
