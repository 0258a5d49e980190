import { date, index, integer, pgPolicy, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { anyOf, isFoundation, isSystem, policyFor, staffOf } from './access.ts';
import { at, integerList } from './columns.ts';
import { category } from './help-requests.ts';
import { municipalities } from './municipalities.ts';

/**
 * Figures (KPIs, issue 12): monthly rollups the `refresh-figures` job recomputes from the
 * requests and applications (server/src/modules/figures), so a figures page reads a few hundred
 * rows, not a million requests. What each column counts: shared/src/figures.ts. Months are
 * calendar months in Tokyo time (the first day). Staff read their municipality's rows, the
 * foundation every row; only the system writes.
 */
const readers = (code: Parameters<typeof staffOf>[0]) =>
  policyFor('select', anyOf(isSystem, isFoundation, staffOf(code)));

/**
 * The counts that add up: per municipality × month × category, and for all Tokyo (municipality
 * null; the foundation's only), so the all-Tokyo figures read months × categories rows.
 */
export const monthlyFigures = pgTable(
  'monthly_figures',
  {
    municipalityCode: text('municipality_code').references(() => municipalities.code),
    month: date('month').notNull(),
    category: category('category').notNull(),
    posted: integer('posted').notNull().default(0),
    published: integer('published').notNull().default(0),
    matched: integer('matched').notNull().default(0),
    completed: integer('completed').notNull().default(0),
    matchesFromBoard: integer('matches_from_board').notNull().default(0),
    matchesFromSuggestion: integer('matches_from_suggestion').notNull().default(0),
    matchesFromInvitation: integer('matches_from_invitation').notNull().default(0),
    refreshedAt: at('refreshed_at').notNull().defaultNow(),
  },
  (t) => [
    unique('monthly_figures_cell_key').on(t.municipalityCode, t.month, t.category).nullsNotDistinct(),
    index('monthly_figures_month_idx').on(t.month),
    pgPolicy('monthly_figures_read', readers(t.municipalityCode)),
    pgPolicy('monthly_figures_write', policyFor('all', isSystem)),
  ],
);

/**
 * What does not add up: per municipality × month, and for all Tokyo (municipality null; the
 * foundation's only): distinct active volunteers and posting associations, and the half-day
 * histograms of days from publishing to the first hand and to the first match (index i counts
 * durations in [i/2, (i+1)/2) days; the last, 30 days or more).
 */
export const monthlyActivity = pgTable(
  'monthly_activity',
  {
    municipalityCode: text('municipality_code').references(() => municipalities.code),
    month: date('month').notNull(),
    activeVolunteers: integer('active_volunteers').notNull().default(0),
    postingAssociations: integer('posting_associations').notNull().default(0),
    firstHandHalfDays: integerList('first_hand_half_days'),
    matchHalfDays: integerList('match_half_days'),
    refreshedAt: at('refreshed_at').notNull().defaultNow(),
  },
  (t) => [
    index('monthly_activity_municipality_month_idx').on(t.municipalityCode, t.month),
    pgPolicy('monthly_activity_read', readers(t.municipalityCode)),
    pgPolicy('monthly_activity_write', policyFor('all', isSystem)),
  ],
);

/**
 * The months whose rollups are out of date: triggers on help_requests and applications (migration
 * `figures_changes`) add the Tokyo months a written row counts in; the refresh recomputes those
 * months only and takes their rows out. Month '-infinity': everything (a first refresh). No
 * unique key, so a write never waits for another. Only the system reads or writes it.
 */
export const figuresChanges = pgTable(
  'figures_changes',
  {
    month: date('month').notNull(),
  },
  () => [pgPolicy('figures_changes_system', policyFor('all', isSystem))],
);
