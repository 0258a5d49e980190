import { rowsOf, schema, type Database } from '@board/db';
import { and, asc, eq, gte, isNull, lte, max, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { monthsAfter, tokyoDayStart } from '@board/shared';

const { monthlyFigures: f, monthlyActivity: act, municipalities: m } = schema;

/** Histogram buckets: half days 0 … 59 (under 30 days), then 30 days or more. */
export const halfDayBuckets = 61;

/** The first day of the Tokyo calendar month of a timestamptz column, as a date. */
const tokyoMonth = (column: string) => `date_trunc('month', (${column} at time zone 'UTC') + interval '9 hours')::date`;

/** Half days from publishing to a moment, in the histogram's buckets. */
const halfDays = (moment: string) =>
  `least(${halfDayBuckets - 1}, greatest(0, floor(extract(epoch from (${moment} - r.published_at)) / 43200)))::int`;

/** Months to recompute (first days, `2026-11-01`), or null for every month. */
type Months = readonly string[] | null;

/** A month (a date expression) is among the months: SQL, `true` when every month is recomputed. */
const among = (months: Months, month: string) => (months ? `${month} = any('{${months.join(',')}}'::date[])` : 'true');

/** Where a Tokyo calendar month (a day of it, `2026-11-01`) begins and ends, as UTC instants. */
function tokyoMonthBounds(day: string): [string, string] {
  const month = day.slice(0, 7);
  return [tokyoDayStart(`${month}-01`).toISOString(), tokyoDayStart(`${monthsAfter(month, 1)}-01`).toISOString()];
}

/** A timestamptz column lies in one of the months: ranges its index answers (`true`: every month). */
const inMonths = (months: Months, column: string) =>
  months
    ? `(${months
        .map(tokyoMonthBounds)
        .map(([from, to]) => `(${column} >= '${from}' and ${column} < '${to}')`)
        .join(' or ')})`
    : 'true';

/**
 * Each request with its first hand and first match (an accepted application, withdrawn later or
 * not): every request, or those posted or published in the months.
 */
const requestFacts = (months: Months) => {
  const scoped = (id: string) =>
    months
      ? `where ${id} in (select r.id from help_requests r
           where ${inMonths(months, 'r.created_at')} or ${inMonths(months, 'r.published_at')})`
      : '';
  return `
  hands as (
    select request_id, min(created_at) as first_hand,
           min(decided_at) filter (where decided_at is not null and status in ('accepted', 'withdrawn')) as first_match
    from applications ${scoped('request_id')} group by request_id
  ),
  req as (
    select r.municipality_code, r.category, r.association_id, r.status, r.created_at, r.published_at,
           h.first_hand, h.first_match
    from help_requests r left join hands h on h.request_id = r.id ${scoped('r.id')}
  )`;
};

/**
 * The rollup rows of the months (null: all), recomputed from the requests and applications (a
 * statement each, in one transaction); all-Tokyo rows (municipality null) beside each ward's.
 */
const refreshStatements = (months: Months) => [
  `delete from monthly_figures where ${among(months, 'month')}`,
  `delete from monthly_activity where ${among(months, 'month')}`,
  `insert into monthly_figures (municipality_code, month, category, posted, published, matched, completed,
     matches_from_board, matches_from_suggestion, matches_from_invitation)
   with ${requestFacts(months)}
   select municipality_code, month, category, sum(posted), sum(published), sum(matched), sum(completed),
          sum(board), sum(suggestion), sum(invitation)
   from (
     select municipality_code, ${tokyoMonth('created_at')} as month, category,
            1 as posted, 0 as published, 0 as matched, 0 as completed, 0 as board, 0 as suggestion, 0 as invitation
     from req where status <> 'draft'
     union all
     select municipality_code, ${tokyoMonth('published_at')}, category,
            0, 1, (first_match is not null)::int, (status = 'completed')::int, 0, 0, 0
     from req where published_at is not null
     union all
     select a.municipality_code, ${tokyoMonth('a.decided_at')}, r.category, 0, 0, 0, 0,
            (a.origin = 'board')::int, (a.origin = 'suggestion')::int, (a.origin = 'invitation')::int
     from applications a join help_requests r on r.id = a.request_id
     where a.decided_at is not null and a.status in ('accepted', 'withdrawn') and ${inMonths(months, 'a.decided_at')}
   ) x
   where ${among(months, 'month')}
   group by grouping sets ((municipality_code, month, category), (month, category))`,
  `insert into monthly_activity (municipality_code, month, active_volunteers, posting_associations,
     first_hand_half_days, match_half_days)
   with ${requestFacts(months)},
   durations as (
     select r.municipality_code, ${tokyoMonth('r.published_at')} as month, 'hand' as kind, ${halfDays('r.first_hand')} as bucket
     from req r where r.published_at is not null and r.first_hand is not null
     union all
     select r.municipality_code, ${tokyoMonth('r.published_at')}, 'match', ${halfDays('r.first_match')}
     from req r where r.published_at is not null and r.first_match is not null
   ),
   durations_in as (select * from durations where ${among(months, 'month')}),
   bucketed as (
     select municipality_code, month, kind, bucket, count(*)::int as n from durations_in
     group by grouping sets ((municipality_code, month, kind, bucket), (month, kind, bucket))
   ),
   volunteers as (
     select municipality_code, ${tokyoMonth('created_at')} as month, count(distinct volunteer_id)::int as n
     from applications where ${inMonths(months, 'created_at')}
     group by grouping sets ((municipality_code, month), (month))
   ),
   posters as (
     select municipality_code, ${tokyoMonth('created_at')} as month, count(distinct association_id)::int as n
     from req where status <> 'draft' and ${inMonths(months, 'created_at')}
     group by grouping sets ((municipality_code, month), (month))
   ),
   cells as (
     select municipality_code, month from bucketed
     union select municipality_code, month from volunteers
     union select municipality_code, month from posters
   )
   select c.municipality_code, c.month, coalesce(v.n, 0), coalesce(p.n, 0),
     array(select coalesce(b.n, 0) from generate_series(0, ${halfDayBuckets - 1}) s(i)
           left join bucketed b on b.kind = 'hand' and b.bucket = s.i and b.month = c.month
             and b.municipality_code is not distinct from c.municipality_code order by s.i),
     array(select coalesce(b.n, 0) from generate_series(0, ${halfDayBuckets - 1}) s(i)
           left join bucketed b on b.kind = 'match' and b.bucket = s.i and b.month = c.month
             and b.municipality_code is not distinct from c.municipality_code order by s.i)
   from cells c
   left join volunteers v on v.month = c.month and v.municipality_code is not distinct from c.municipality_code
   left join posters p on p.month = c.month and p.municipality_code is not distinct from c.municipality_code`,
];

/** `2026-07` → the date of its first day; `2026-07-01` → `2026-07`. */
export const monthStart = (month: string) => `${month}-01`;
export const monthOf = (day: string) => day.slice(0, 7);

/** SQL for the figures: the refresh (as the system) and the reads (as the reader, under row-level security). */
export function figuresRepository(tx: Database) {
  return {
    /**
     * Recomputes the rollup rows of the months written since the last refresh (`figures_changes`),
     * or of every month (the first time, or `everything`); then every all-Tokyo activity row says
     * the figures are current. Needs system access (the write policies). Returns the months
     * recomputed ('all', or how many).
     */
    async refresh(everything = false): Promise<number | 'all'> {
      const noted = rowsOf<{ month: string }>(
        await tx.execute(sql`delete from figures_changes returning month::text as month`),
      );
      const months = [...new Set(noted.map((row) => row.month))];
      const all = everything || months.includes('-infinity');
      const dates = months.filter((month) => /^\d{4}-\d{2}-\d{2}$/.test(month));
      if (all || dates.length > 0) {
        for (const statement of refreshStatements(all ? null : dates)) await tx.execute(sql.raw(statement));
      }
      await tx
        .update(act)
        .set({ refreshedAt: sql`now()` })
        .where(isNull(act.municipalityCode));
      return all ? 'all' : dates.length;
    },

    /** The additive counts per month × category of one municipality, or of all Tokyo (its own rows, null). */
    async counts(code: string | null, from: string, to: string) {
      const inPeriod: SQL | undefined = and(
        code === null ? isNull(f.municipalityCode) : eq(f.municipalityCode, code),
        gte(f.month, monthStart(from)),
        lte(f.month, monthStart(to)),
      );
      const total = (column: AnyPgColumn) => sql<number>`sum(${column})::int`.mapWith(Number);
      return tx
        .select({
          month: f.month,
          category: f.category,
          posted: total(f.posted),
          published: total(f.published),
          matched: total(f.matched),
          completed: total(f.completed),
          matchesFromBoard: total(f.matchesFromBoard),
          matchesFromSuggestion: total(f.matchesFromSuggestion),
          matchesFromInvitation: total(f.matchesFromInvitation),
        })
        .from(f)
        .where(inPeriod)
        .groupBy(f.month, f.category)
        .orderBy(asc(f.month), asc(f.category));
    },

    /** The per-month activity of one municipality, or of all Tokyo (its own rows, municipality null). */
    async activity(code: string | null, from: string, to: string) {
      return tx
        .select({
          month: act.month,
          activeVolunteers: act.activeVolunteers,
          postingAssociations: act.postingAssociations,
          firstHandHalfDays: act.firstHandHalfDays,
          matchHalfDays: act.matchHalfDays,
        })
        .from(act)
        .where(
          and(
            code === null ? isNull(act.municipalityCode) : eq(act.municipalityCode, code),
            gte(act.month, monthStart(from)),
            lte(act.month, monthStart(to)),
          ),
        )
        .orderBy(asc(act.month));
    },

    /** When the rollups were last computed (null: never). */
    async refreshedAt(): Promise<Date | null> {
      const [row] = await tx.select({ at: max(act.refreshedAt) }).from(act);
      return row?.at ?? null;
    },

    /** Open data: per active municipality × month, the counts and activity (unsuppressed: the service suppresses). */
    async openData(from: string, to: string) {
      const counts = tx
        .select({
          code: f.municipalityCode,
          month: f.month,
          posted: sql<number>`sum(${f.posted})::int`.as('posted'),
          published: sql<number>`sum(${f.published})::int`.as('published'),
          matched: sql<number>`sum(${f.matched})::int`.as('matched'),
          completed: sql<number>`sum(${f.completed})::int`.as('completed'),
        })
        .from(f)
        .where(and(gte(f.month, monthStart(from)), lte(f.month, monthStart(to))))
        .groupBy(f.municipalityCode, f.month)
        .as('c');
      return tx
        .select({
          municipalityCode: m.code,
          municipalityNameJa: m.nameJa,
          municipalityNameEn: m.nameEn,
          month: counts.month,
          posted: counts.posted,
          published: counts.published,
          matched: counts.matched,
          completed: counts.completed,
          activeVolunteers: sql<number>`coalesce(${act.activeVolunteers}, 0)`.mapWith(Number),
          postingAssociations: sql<number>`coalesce(${act.postingAssociations}, 0)`.mapWith(Number),
        })
        .from(counts)
        .innerJoin(m, eq(m.code, counts.code))
        .leftJoin(act, and(eq(act.municipalityCode, counts.code), eq(act.month, counts.month)))
        .where(eq(m.status, 'active'))
        .orderBy(asc(m.code), asc(counts.month));
    },
  };
}
