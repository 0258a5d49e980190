/**
 * The figures form's quick periods (issue 12's page): this and last quarter, this and last fiscal
 * year (年度, April to March, as wards and the foundation report). Quarters are the calendar's
 * three-month blocks, the same months as a fiscal year's quarters. A period never runs past this
 * month: "this quarter" and "this fiscal year" are so far.
 */
export type QuickPeriodKey = 'thisQuarter' | 'lastQuarter' | 'thisFiscalYear' | 'lastFiscalYear';

export interface QuickPeriod {
  key: QuickPeriodKey;
  /** first and last month, `2026-10` */
  from: string;
  to: string;
}

/** The month `monthsLater` months after year `y`'s month `m` (1–12; either may run over). */
function monthOf(y: number, m: number, monthsLater = 0): string {
  const index = y * 12 + (m - 1) + monthsLater;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The quick periods as of `thisMonth` (`2026-12`, Tokyo). */
export function quickPeriods(thisMonth: string): QuickPeriod[] {
  const [y, m] = thisMonth.split('-').map(Number) as [number, number];
  const quarterStart = m - ((m - 1) % 3);
  const fiscalYear = m >= 4 ? y : y - 1;
  return [
    { key: 'thisQuarter', from: monthOf(y, quarterStart), to: thisMonth },
    { key: 'lastQuarter', from: monthOf(y, quarterStart, -3), to: monthOf(y, quarterStart, -1) },
    { key: 'thisFiscalYear', from: monthOf(fiscalYear, 4), to: thisMonth },
    { key: 'lastFiscalYear', from: monthOf(fiscalYear - 1, 4), to: monthOf(fiscalYear, 3) },
  ];
}
