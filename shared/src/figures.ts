import { z } from 'zod';
import { Category } from './categories.ts';
import { tokyoDayOf } from './help-requests.ts';
import { MunicipalityCode } from './municipalities.ts';
import { Language } from './roles.ts';
import { unlessBlank } from './query-strings.ts';

/**
 * Figures (KPIs, issue 12): monthly rollups per municipality × month × category, refreshed by a
 * job. Months are calendar months in Tokyo time, `2026-07`. What each figure counts:
 *
 * - posted: requests created in the month that left the draft stage (every status but draft)
 * - published: requests first published in the month; matched and completed, the median days
 *   and the match rate follow these requests (the month they were published), whenever their
 *   match or completion came
 * - matched: of those, requests with at least one match (an accepted application, even if the
 *   volunteer later withdrew); completed: of those, requests now completed
 * - match rate: matched ÷ published
 * - median days publish → first hand, publish → first match: over the requests that had one,
 *   each duration rounded down to half a day (so a period's median is exact from the rollups)
 * - active volunteers: distinct volunteers who raised a hand in the month (a period: the mean of
 *   its months); associations that posted: distinct associations with a posted request
 * - matches by origin: matches made in the month by how they began (board, suggestion, invitation)
 */

/** `2026-07`: a calendar month. */
export const Month = z.string().regex(/^(19|20)\d\d-(0[1-9]|1[0-2])$/, { error: 'MONTH_INVALID' });
export type Month = z.infer<typeof Month>;

/** The Tokyo calendar month (`2026-12`) an instant falls in. */
export const tokyoMonthOf = (at: Date): string => tokyoDayOf(at).slice(0, 7);

/** The month `n` months after `month` (`2026-12`, −11 → `2026-01`; `n` may be negative). */
export function monthsAfter(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** A period holds at most this many months. */
export const maxFigureMonths = 60;

/** The months from `from` to `to`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > to || months.length > maxFigureMonths) return months;
    months.push(month);
    m += 1;
    if (m === 13) [y, m] = [y + 1, 1];
  }
}

const monthRange = (query: object, ctx: z.RefinementCtx) => {
  const q = query as { from?: string; to?: string };
  if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: 'custom', message: 'MONTH_RANGE_INVALID', path: ['to'] });
  else if (q.from && q.to && monthsBetween(q.from, q.to).length > maxFigureMonths)
    ctx.addIssue({ code: 'custom', message: 'MONTH_RANGE_TOO_LONG', path: ['to'] });
};

const figureFilters = {
  /** one municipality (staff: only their own); not set: the staff's own, or all Tokyo for the foundation */
  municipalityCode: unlessBlank(MunicipalityCode),
  /** first month (default: eleven months before `to`) */
  from: unlessBlank(Month),
  /** last month (default: this month) */
  to: unlessBlank(Month),
};

export const StatisticsQuery = z.object(figureFilters).superRefine(monthRange);
export type StatisticsQuery = z.infer<typeof StatisticsQuery>;

export const statisticsFormats = ['csv', 'json'] as const;
export const ExportStatisticsQuery = z
  .object({
    ...figureFilters,
    format: unlessBlank(z.enum(statisticsFormats)),
    /** CSV headings (Japanese if not said) */
    language: unlessBlank(Language),
  })
  .superRefine(monthRange);
export type ExportStatisticsQuery = z.infer<typeof ExportStatisticsQuery>;

/** The counts that add up across months, municipalities and categories. */
export const FigureCounts = z.object({
  posted: z.number().int(),
  published: z.number().int(),
  matched: z.number().int(),
  completed: z.number().int(),
  matchesFromBoard: z.number().int(),
  matchesFromSuggestion: z.number().int(),
  matchesFromInvitation: z.number().int(),
});
export type FigureCounts = z.infer<typeof FigureCounts>;
export const figureCountKeys = Object.keys(FigureCounts.shape) as (keyof FigureCounts)[];

/** One month's (or the period's) figures. */
export const FigureRow = FigureCounts.extend({
  /** matched ÷ published, 0–1 (null when nothing was published) */
  matchRate: z.number().nullable(),
  medianDaysToFirstHand: z.number().nullable(),
  medianDaysToMatch: z.number().nullable(),
  /** the period: mean of its months, rounded */
  activeVolunteers: z.number().int(),
  postingAssociations: z.number().int(),
});
export type FigureRow = z.infer<typeof FigureRow>;

export const Statistics = z.object({
  /** null: all of Tokyo */
  municipalityCode: z.string().nullable(),
  from: Month,
  to: Month,
  months: z.array(FigureRow.extend({ month: Month })),
  period: FigureRow,
  categories: z.array(FigureCounts.extend({ category: Category })),
  /** when the rollups were last computed (null: never) */
  refreshedAt: z.string().nullable(),
});
export type Statistics = z.infer<typeof Statistics>;

// ---- open data (public)

/** Cells below this are suppressed (null) in the open data. */
export const openDataMinimumCell = 5;

export const OpenDataQuery = z
  .object({
    from: unlessBlank(Month),
    to: unlessBlank(Month),
    format: unlessBlank(z.enum(statisticsFormats)),
  })
  .superRefine(monthRange);
export type OpenDataQuery = z.infer<typeof OpenDataQuery>;

/** A suppressed count is null: fewer than `openDataMinimumCell` (possibly none). */
const Suppressed = z.number().int().nullable();
export const OpenDataRow = z.object({
  municipalityCode: z.string(),
  municipalityNameJa: z.string(),
  municipalityNameEn: z.string(),
  month: Month,
  posted: Suppressed,
  published: Suppressed,
  matched: Suppressed,
  completed: Suppressed,
  activeVolunteers: Suppressed,
  postingAssociations: Suppressed,
});
export type OpenDataRow = z.infer<typeof OpenDataRow>;
export const openDataCountKeys = [
  'posted',
  'published',
  'matched',
  'completed',
  'activeVolunteers',
  'postingAssociations',
] as const;

export const OpenData = z.object({
  licence: z.object({ name: z.literal('CC BY 4.0'), url: z.string(), attribution: z.string() }),
  from: Month,
  to: Month,
  minimumCell: z.number().int(),
  rows: z.array(OpenDataRow),
});
export type OpenData = z.infer<typeof OpenData>;

export const openDataLicence = {
  name: 'CC BY 4.0',
  url: 'https://creativecommons.org/licenses/by/4.0/',
  attribution: '公益財団法人 東京都つながり創生財団「まちの腕きき掲示板」',
} as const;
