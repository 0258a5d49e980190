import { describe, expect, it } from 'vitest';
import { quickPeriods } from './periods.ts';

const asRanges = (thisMonth: string) =>
  Object.fromEntries(quickPeriods(thisMonth).map((p) => [p.key, `${p.from}..${p.to}`]));

describe('the figures form’s quick periods', () => {
  it('in December: this quarter October so far, the fiscal year since April', () => {
    expect(asRanges('2026-12')).toEqual({
      thisQuarter: '2026-10..2026-12',
      lastQuarter: '2026-07..2026-09',
      thisFiscalYear: '2026-04..2026-12',
      lastFiscalYear: '2025-04..2026-03',
    });
  });

  it('in January: last quarter is the year before’s last, the fiscal year began last April', () => {
    expect(asRanges('2027-01')).toEqual({
      thisQuarter: '2027-01..2027-01',
      lastQuarter: '2026-10..2026-12',
      thisFiscalYear: '2026-04..2027-01',
      lastFiscalYear: '2025-04..2026-03',
    });
  });

  it('in March the fiscal year ends; in April a new one begins', () => {
    expect(asRanges('2027-03')).toMatchObject({ thisQuarter: '2027-01..2027-03', thisFiscalYear: '2026-04..2027-03' });
    expect(asRanges('2027-04')).toEqual({
      thisQuarter: '2027-04..2027-04',
      lastQuarter: '2027-01..2027-03',
      thisFiscalYear: '2027-04..2027-04',
      lastFiscalYear: '2026-04..2027-03',
    });
  });
});
