import { monthsAfter } from '@board/shared';

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

/** The quick periods as of `thisMonth` (`2026-12`, Tokyo). */
export function quickPeriods(thisMonth: string): QuickPeriod[] {
  const m = Number(thisMonth.slice(5));
  const quarterStart = monthsAfter(thisMonth, -((m - 1) % 3));
  const fiscalYearStart = monthsAfter(thisMonth, -((m + 8) % 12));
  return [
    { key: 'thisQuarter', from: quarterStart, to: thisMonth },
    { key: 'lastQuarter', from: monthsAfter(quarterStart, -3), to: monthsAfter(quarterStart, -1) },
    { key: 'thisFiscalYear', from: fiscalYearStart, to: thisMonth },
    { key: 'lastFiscalYear', from: monthsAfter(fiscalYearStart, -12), to: monthsAfter(fiscalYearStart, -1) },
  ];
}
