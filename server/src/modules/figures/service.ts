import {
  categoryKeys,
  DomainError,
  figureCountKeys,
  monthsAfter,
  monthsBetween,
  municipalityScope,
  openDataCountKeys,
  openDataLicence,
  openDataMinimumCell,
  tokyoMonthOf,
  type ExportStatisticsQuery,
  type FigureCounts,
  type FigureRow,
  type OpenData,
  type OpenDataQuery,
  type OpenDataRow,
  type Statistics,
  type StatisticsQuery,
} from '@board/shared';
import type { ServiceContext, SignedInContext } from '../../services/context.ts';
import { csvFile } from '../oversight/csv.ts';
import type { FileContent } from '../../services/file-content.ts';
import { figureCsvColumns, openDataCsvColumns } from './csv-columns.ts';
import { figuresRepository, halfDayBuckets, monthOf } from './repository.ts';
import { iso } from '../../services/iso.ts';

/** The Tokyo calendar month of a moment, `2026-07`. */
/** The period asked for, or the twelve months up to this one. */
function period(now: Date, q: { from?: string | undefined; to?: string | undefined }) {
  const to = q.to ?? (q.from && q.from > tokyoMonthOf(now) ? q.from : tokyoMonthOf(now));
  return { from: q.from ?? monthsAfter(to, -11), to };
}

const zeroCounts = (): FigureCounts =>
  Object.fromEntries(figureCountKeys.map((k) => [k, 0])) as unknown as FigureCounts;

function addCounts(into: FigureCounts, row: FigureCounts) {
  for (const key of figureCountKeys) into[key] += row[key];
}

/** The median of a half-day histogram, in days (null when empty); see shared/src/figures.ts. */
export function histogramMedian(histogram: readonly number[]): number | null {
  const n = histogram.reduce((sum, c) => sum + c, 0);
  if (n === 0) return null;
  const valueAt = (position: number) => {
    let seen = 0;
    for (let i = 0; i < histogram.length; i++) {
      seen += histogram[i]!;
      if (position < seen) return i / 2;
    }
    return (histogram.length - 1) / 2;
  };
  return n % 2 === 1 ? valueAt((n - 1) / 2) : (valueAt(n / 2 - 1) + valueAt(n / 2)) / 2;
}

const addHistogram = (into: number[], h: readonly number[]) => h.forEach((c, i) => (into[i] = (into[i] ?? 0) + c));

function figureRow(
  counts: FigureCounts,
  activity: { activeVolunteers: number; postingAssociations: number; firstHand: number[]; match: number[] },
): FigureRow {
  return {
    ...counts,
    matchRate: counts.published ? counts.matched / counts.published : null,
    medianDaysToFirstHand: histogramMedian(activity.firstHand),
    medianDaysToMatch: histogramMedian(activity.match),
    activeVolunteers: activity.activeVolunteers,
    postingAssociations: activity.postingAssociations,
  };
}

/** Whose figures: one municipality, or all Tokyo (null) for the foundation naming none. 403 otherwise. */
function scopeOf(ctx: SignedInContext, requested: string | undefined): string | null {
  const scope = municipalityScope(ctx.actor, 'figures.read', requested);
  if (scope === 'any') return null;
  if (!scope || scope.length === 0) throw new DomainError('FORBIDDEN', 'You may not read these figures.');
  return scope[0]!;
}

/** The figures per month, for the period, and by category (staff: their municipality; foundation: any or all). */
export async function getStatistics(ctx: SignedInContext, query: StatisticsQuery): Promise<Statistics> {
  const code = scopeOf(ctx, query.municipalityCode);
  const { from, to } = period(ctx.clock(), query);
  const { counts, activity, refreshedAt } = await ctx.door.asActor(ctx.actor, async (tx) => {
    const repo = figuresRepository(tx);
    return {
      counts: await repo.counts(code, from, to),
      activity: await repo.activity(code, from, to),
      refreshedAt: await repo.refreshedAt(),
    };
  });
  const months = monthsBetween(from, to);
  const byMonth = new Map(months.map((month) => [month, zeroCounts()]));
  const byCategory = new Map(categoryKeys.map((category) => [category, zeroCounts()]));
  const total = zeroCounts();
  for (const row of counts) {
    addCounts(byMonth.get(monthOf(row.month))!, row);
    addCounts(byCategory.get(row.category)!, row);
    addCounts(total, row);
  }
  const activityOf = new Map(activity.map((row) => [monthOf(row.month), row]));
  const firstHand: number[] = Array(halfDayBuckets).fill(0);
  const match: number[] = Array(halfDayBuckets).fill(0);
  let volunteers = 0;
  let associations = 0;
  const monthRows = months.map((month) => {
    const a = activityOf.get(month);
    addHistogram(firstHand, a?.firstHandHalfDays ?? []);
    addHistogram(match, a?.matchHalfDays ?? []);
    volunteers += a?.activeVolunteers ?? 0;
    associations += a?.postingAssociations ?? 0;
    return {
      month,
      ...figureRow(byMonth.get(month)!, {
        activeVolunteers: a?.activeVolunteers ?? 0,
        postingAssociations: a?.postingAssociations ?? 0,
        firstHand: a?.firstHandHalfDays ?? [],
        match: a?.matchHalfDays ?? [],
      }),
    };
  });
  return {
    municipalityCode: code,
    from,
    to,
    months: monthRows,
    period: figureRow(total, {
      activeVolunteers: Math.round(volunteers / months.length),
      postingAssociations: Math.round(associations / months.length),
      firstHand,
      match,
    }),
    categories: categoryKeys.map((category) => ({ category, ...byCategory.get(category)! })),
    refreshedAt: iso(refreshedAt),
  };
}

/** The same figures as CSV (a row per month and one for the period) or JSON (the whole answer). */
export async function exportStatistics(ctx: SignedInContext, query: ExportStatisticsQuery): Promise<FileContent> {
  const { format = 'csv', language = 'ja', ...filters } = query;
  const figures = await getStatistics(ctx, filters);
  const name = `machi-udekiki-figures-${figures.municipalityCode ?? 'tokyo'}-${figures.from}-${figures.to}`;
  if (format === 'json')
    return {
      type: 'application/json; charset=utf-8',
      body: JSON.stringify(figures, null, 2),
      fileName: `${name}.json`,
    };
  const rows = [...figures.months, { month: `${figures.from}〜${figures.to}`, ...figures.period }];
  return csvFile(`${name}.csv`, figureCsvColumns, rows, language);
}

/** A count for everyone: null when under the minimum cell (possibly zero), so nobody is singled out. */
const suppress = (n: number) => (n < openDataMinimumCell ? null : n);

/** Open data (public): per active municipality × month, aggregates only, small cells suppressed, CC BY 4.0. */
export async function getOpenData(ctx: ServiceContext, query: OpenDataQuery): Promise<OpenData> {
  const { from, to } = period(ctx.clock(), query);
  const rows = await ctx.door.asSystem('open data: suppressed aggregates of every active municipality', (tx) =>
    figuresRepository(tx).openData(from, to),
  );
  return {
    licence: { ...openDataLicence },
    from,
    to,
    minimumCell: openDataMinimumCell,
    rows: rows.map((row): OpenDataRow => {
      const out = { ...row, month: monthOf(row.month) } as OpenDataRow;
      for (const key of openDataCountKeys) out[key] = suppress(row[key]);
      return out;
    }),
  };
}

export async function exportOpenData(ctx: ServiceContext, query: OpenDataQuery): Promise<FileContent> {
  const data = await getOpenData(ctx, query);
  return csvFile(`machi-udekiki-open-data-${data.from}-${data.to}.csv`, openDataCsvColumns, data.rows, 'ja');
}
