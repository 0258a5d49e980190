import { pageOf, publicView } from '@board/server/modules/help-requests/views';
import type { RequestRow } from '@board/server/modules/help-requests/repository';
import { BoardPage, queryTokens } from '../../shared/src/index.ts';
import type { BoardApp } from './board-app.ts';
import type { SqlClient } from './target.ts';

/**
 * What-if routes: the board listing with the changes docs/benchmarks.md proposes, measured in
 * the same process, under the same load, against the same bare route. Not the app's code: a
 * stand-in that makes the same transaction as request.withAccess (SET LOCAL ROLE board_app +
 * set_config, anonymous), selects the same columns and joins as requestRepository.board(),
 * maps rows with the app's publicView/pageOf and serialises with the app's BoardPage schema.
 * The differences, and only these:
 *   - it reads a view owned by the table owner (so row-level security does not stand between
 *     the query and the GIN index: see docs/benchmarks.md), whose WHERE is the board's rule;
 *   - ORDER BY published_at DESC NULLS LAST, id DESC NULLS LAST (the order of help_requests_board_newest_idx);
 *   - `public`: statuses published, filled, completed (as now); `open`: published and filled only.
 * The views are created at start and dropped at the end.
 */
export const whatIfViews = {
  public: `bench_whatif_public`,
  open: `bench_whatif_open`,
} as const;

export async function createWhatIfViews(sql: SqlClient): Promise<void> {
  await sql.unsafe(
    `create or replace view ${whatIfViews.public} as select * from help_requests
       where status in ('published', 'filled', 'completed') and hidden_at is null;
     create or replace view ${whatIfViews.open} as select * from help_requests
       where status in ('published', 'filled') and hidden_at is null;
     grant select on ${whatIfViews.public}, ${whatIfViews.open} to board_app;`,
  );
}

export async function dropWhatIfViews(sql: SqlClient): Promise<void> {
  await sql.unsafe(`drop view if exists ${whatIfViews.public}, ${whatIfViews.open}`);
}

function arrayLiteral(values: string[]): string {
  return `{${values.map((v) => `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
}

const listSql = (
  view: string,
) => `select h.id, h.municipality_code as "municipalityCode", m.name_ja as "municipalityName",
  m.name_en as "municipalityNameEn", (m.status = 'active') as "municipalityActive", m.moderation_required as "moderationRequired",
  h.association_id as "associationId", a.name as "associationName", h.created_by as "createdBy", h.title, h.body, h.category,
  h.skills, h.slots, h.matched_count as "matchedCount", h.when_kind as "whenKind", h.starts_at as "startsAt", h.ends_at as "endsAt",
  h.area, h.exact_place as "exactPlace", h.online, h.estimated_hours as "estimatedHours", h.expenses_covered as "expensesCovered",
  h.application_deadline as "applicationDeadline", h.languages, h.status, h.status_reason as "statusReason",
  h.copied_from as "copiedFrom", h.hidden_at as "hiddenAt", h.published_at as "publishedAt", h.created_at as "createdAt",
  h.updated_at as "updatedAt", (h.published_at)::text as "sortKey"
from ${view} h
  join municipalities m on m.code = h.municipality_code
  join associations a on a.id = h.association_id
where m.status = 'active' and h.municipality_code = any($1::text[]) and h.search_tokens @> $2::text[]
order by h.published_at desc nulls last, h.id desc nulls last
limit $3`;

export function whatIfSql(variant: keyof typeof whatIfViews): string {
  return listSql(whatIfViews[variant]);
}

const dateColumns = ['startsAt', 'endsAt', 'applicationDeadline', 'hiddenAt', 'publishedAt', 'createdAt', 'updatedAt'];

/** GET /bench/what-if/:variant?municipalities=…&q=… (newest first, first page of 20). */
export function registerWhatIfRoutes(board: BoardApp, sql: SqlClient): void {
  board.app.get<{ Params: { variant: string }; Querystring: { municipalities?: string; q?: string } }>(
    '/bench/what-if/:variant',
    { schema: { hide: true, response: { 200: BoardPage } } },
    async (request) => {
      const variant = request.params.variant === 'open' ? 'open' : 'public';
      const codes = (request.query.municipalities ?? '').split(',').filter(Boolean);
      const tokens = queryTokens(request.query.q ?? '');
      const rows = await sql.begin(async (tx) => {
        await tx.unsafe('set local role board_app');
        await tx.unsafe(
          `select set_config('app.user_id', '', true), set_config('app.foundation', 'off', true),
             set_config('app.staff_municipalities', '', true), set_config('app.officer_associations', '', true),
             set_config('app.system', 'off', true)`,
        );
        return tx.unsafe<RequestRow & { sortKey: string | null }>(whatIfSql(variant), [
          arrayLiteral(codes),
          arrayLiteral(tokens),
          21,
        ]);
      });
      // drizzle's postgres.js setup leaves timestamps as text (drizzle maps them): do what its mapping does
      for (const row of rows as unknown as Record<string, unknown>[])
        for (const key of dateColumns) if (typeof row[key] === 'string') row[key] = new Date(row[key]);
      return pageOf(rows, 20, 'board:newest', publicView);
    },
  );
}
