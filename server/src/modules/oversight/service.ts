import { schema, type Database } from '@board/db';
import { eq } from 'drizzle-orm';
import {
  can,
  canAtAll,
  DomainError,
  municipalityScope,
  tokyoDayStart,
  type Action,
  type Actor,
  type ExportMatchesBody,
  type ExportMunicipalityRequestsBody,
  type ListMatchesQuery,
  type ListMunicipalityRequestsQuery,
  type MatchDetail,
  type MatchPage,
  type MatchReviewStatus,
  type MatchSummary,
  type MunicipalityRequestItem,
  type MunicipalityRequestPage,
} from '@board/shared';
import { recordAudit } from '../audit/record.ts';
import { decodeCursor, pageOf } from '../help-requests/views.ts';
import type { SignedInContext } from '../../services/context.ts';
import { csvFile, csvFileName } from './csv.ts';
import type { FileContent } from '../../services/file-content.ts';
import { matchCsvColumns, requestCsvColumns } from './csv-columns.ts';
import { buildTimeline, timelineFacts } from './match-timeline.ts';
import { matchesRepository, type MatchFilter, type MatchRow } from './matches-repository.ts';
import {
  municipalityRequestsRepository,
  type MunicipalityRequestFilter,
  type MunicipalityRequestRow,
} from './requests-repository.ts';
import { iso } from '../../services/iso.ts';

/** Rows a CSV holds at most (a year of every match in Tokyo fits); fetched in batches by keyset. */
const csvRowLimit = 50_000;
const csvBatch = 1_000;

/** A row id of a listing sorted by municipality, `13121~<uuid>` (other listings' are uuids, decodeCursor's default). */
const codeAndUuid = /^13\d{3}~[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The municipalities a reader's listing covers (undefined: all, for the foundation). Nobody
 * without the action anywhere gets past here (403), nor staff naming another municipality.
 */
function covered(actor: Actor, action: Action, requested: string | undefined): string[] | undefined {
  const scope = municipalityScope(actor, action, requested);
  if (!scope) throw new DomainError('FORBIDDEN', 'You may not read this list.');
  return scope === 'any' ? undefined : scope;
}

const days = (q: { from?: string | undefined; to?: string | undefined }) => ({
  since: q.from ? tokyoDayStart(q.from) : undefined,
  until: q.to ? tokyoDayStart(q.to, 1) : undefined,
});

function reviewStatus(row: MatchRow): MatchReviewStatus {
  if (row.applicationStatus === 'withdrawn') return 'withdrawn';
  if (row.confirmedAt) return 'confirmed';
  return row.doneAt ? 'done' : 'matched';
}

function summaryOf(row: MatchRow, messageCount: number): MatchSummary {
  return {
    id: row.id,
    requestId: row.requestId,
    requestTitle: row.requestTitle,
    category: row.category,
    municipalityCode: row.municipalityCode,
    associationName: row.associationName,
    volunteerName: row.volunteerName,
    status: reviewStatus(row),
    origin: row.origin,
    appliedAt: row.appliedAt.toISOString(),
    matchedAt: row.matchedAt!.toISOString(),
    doneAt: iso(row.doneAt),
    confirmedAt: iso(row.confirmedAt),
    withdrawnAt: iso(row.withdrawnAt),
    messageCount,
  };
}

function matchFilter(actor: Actor, q: ExportMatchesBody): Omit<MatchFilter, 'after' | 'limit'> {
  return {
    municipalityCodes: covered(actor, 'match.review', q.municipalityCode),
    category: q.category,
    status: q.status,
    origin: q.origin,
    ...days(q),
    sort: q.sort ?? 'newest',
  };
}

async function summaries(tx: Database, rows: MatchRow[]): Promise<MatchSummary[]> {
  const counts = await matchesRepository(tx).messageCounts(rows.map((row) => row.id));
  return rows.map((row) => summaryOf(row, counts.get(row.id) ?? 0));
}

/** The match review: foundation staff every municipality (or one), municipal staff their own. */
export async function listMatches(ctx: SignedInContext, query: ListMatchesQuery): Promise<MatchPage> {
  const { actor } = ctx;
  const filter = matchFilter(actor, query);
  const listing = ['matches', query.municipalityCode, query.category, query.status, query.origin, query.from, query.to]
    .concat(filter.sort)
    .map((p) => p ?? '')
    .join(':');
  const byMunicipality = filter.sort === 'municipality';
  const after = decodeCursor(listing, query.cursor, byMunicipality ? (id) => codeAndUuid.test(id) : undefined);
  return ctx.door.asActor(actor, async (tx) => {
    const rows = await matchesRepository(tx).list({ ...filter, after, limit: query.limit + 1 });
    const keyed = rows.map((row) => ({
      row,
      sortKey: row.sortKey,
      id: byMunicipality ? `${row.municipalityCode}~${row.id}` : row.id,
    }));
    const page = pageOf(keyed, query.limit, listing, ({ row }) => row);
    return { items: await summaries(tx, page.items), nextCursor: page.nextCursor };
  });
}

/** One match with its whole timeline; 404 outside the reader's municipality (as if it did not exist). */
export async function getMatch(ctx: SignedInContext, id: string): Promise<MatchDetail> {
  const { actor } = ctx;
  if (!canAtAll(actor, 'match.review')) throw new DomainError('FORBIDDEN', 'You may not review matches.');
  return ctx.door.asActor(actor, async (tx) => {
    const row = await matchesRepository(tx).find(id);
    if (!row || !can(actor, 'match.review', { municipalityCode: row.municipalityCode })) {
      throw new DomainError('NOT_FOUND', 'No such match.');
    }
    const [summary] = await summaries(tx, [row]);
    const facts = await timelineFacts(tx, row);
    return {
      ...summary!,
      requestStatus: row.requestStatus,
      handCount: facts.hands.length,
      ...buildTimeline(row, facts),
      thanks: facts.thanks.map((t) => ({ toVolunteer: t.toVolunteer, body: t.body, at: t.at.toISOString() })),
      ratings: facts.ratings.map((t) => ({ ...t, at: t.at.toISOString() })),
    };
  });
}

/** Every row a filter selects, by keyset batches, up to the CSV's limit. */
async function allRows<R extends { sortKey: string | null; id: string }>(
  fetch: (after: { key: string | null; id: string } | undefined, limit: number) => Promise<R[]>,
): Promise<R[]> {
  const all: R[] = [];
  for (;;) {
    const last = all[all.length - 1];
    const batch = await fetch(last ? { key: last.sortKey, id: last.id } : undefined, csvBatch);
    all.push(...batch);
    if (batch.length < csvBatch || all.length >= csvRowLimit) return all.slice(0, csvRowLimit);
  }
}

/** A CSV download, audited with its filters and row count (personal data leaves the board). */
async function auditedExport(
  tx: Database,
  actor: Actor,
  action: 'match.export' | 'request.export',
  codes: string[] | undefined,
  filters: object,
  rows: number,
) {
  // a code of no municipality (the foundation may ask for any): nothing to export, nothing to log
  if (codes?.length === 1) {
    const [known] = await tx
      .select({ code: schema.municipalities.code })
      .from(schema.municipalities)
      .where(eq(schema.municipalities.code, codes[0]!));
    if (!known) throw new DomainError('NOT_FOUND', 'No such municipality.');
  }
  await recordAudit(tx, {
    actorId: actor.userId,
    action,
    municipalityCode: codes?.length === 1 ? codes[0] : null,
    subjectType: 'municipality',
    ...(codes?.length === 1 ? { subjectId: codes[0] } : {}),
    details: { filters, rows },
  });
}

/** The match review as CSV (same filters as the list; the municipality sort keeps code order). */
export async function exportMatches(ctx: SignedInContext, body: ExportMatchesBody): Promise<FileContent> {
  const { actor } = ctx;
  const { language = 'ja', ...filters } = body;
  const filter = { ...matchFilter(actor, filters), sort: filters.sort === 'oldest' ? 'oldest' : 'newest' } as const;
  const matches = await ctx.door.asActor(actor, async (tx) => {
    const rows = await allRows((after, limit) => matchesRepository(tx).list({ ...filter, after, limit }));
    const list = await summaries(tx, rows);
    await auditedExport(tx, actor, 'match.export', filter.municipalityCodes, filters, list.length);
    return list;
  });
  if (filters.sort === 'municipality') matches.sort((x, y) => x.municipalityCode.localeCompare(y.municipalityCode));
  return csvFile(csvFileName('matches', ctx.clock()), matchCsvColumns, matches, language);
}

// ---- every request of a municipality

function requestItem(row: MunicipalityRequestRow): MunicipalityRequestItem {
  return {
    id: row.id,
    title: row.title,
    category: row.category,
    status: row.status,
    municipalityCode: row.municipalityCode,
    associationName: row.associationName,
    slots: row.slots,
    matchedCount: row.matchedCount,
    handCount: row.handCount,
    hidden: row.hiddenAt !== null,
    createdAt: row.createdAt.toISOString(),
    publishedAt: iso(row.publishedAt),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function requestFilter(
  actor: Actor,
  q: ExportMunicipalityRequestsBody,
): Omit<MunicipalityRequestFilter, 'after' | 'limit'> {
  return {
    municipalityCodes: covered(actor, 'request.listMunicipality', q.municipalityCode),
    category: q.category,
    status: q.status,
    ...days(q),
    sort: q.sort ?? 'newest',
  };
}

/** Every request of the staff member's municipality in every state (foundation: all, or one). */
export async function listMunicipalityRequests(
  ctx: SignedInContext,
  query: ListMunicipalityRequestsQuery,
): Promise<MunicipalityRequestPage> {
  const { actor } = ctx;
  const filter = requestFilter(actor, query);
  const listing = ['requests', query.municipalityCode, query.category, query.status, query.from, query.to, filter.sort]
    .map((p) => p ?? '')
    .join(':');
  const after = decodeCursor(listing, query.cursor);
  const rows = await ctx.door.asActor(actor, (tx) =>
    municipalityRequestsRepository(tx).list({ ...filter, after, limit: query.limit + 1 }),
  );
  return pageOf(rows, query.limit, listing, requestItem);
}

export async function exportMunicipalityRequests(
  ctx: SignedInContext,
  body: ExportMunicipalityRequestsBody,
): Promise<FileContent> {
  const { actor } = ctx;
  const { language = 'ja', ...filters } = body;
  const filter = requestFilter(actor, filters);
  const items = await ctx.door.asActor(actor, async (tx) => {
    const rows = await allRows((after, limit) => municipalityRequestsRepository(tx).list({ ...filter, after, limit }));
    await auditedExport(tx, actor, 'request.export', filter.municipalityCodes, filters, rows.length);
    return rows.map(requestItem);
  });
  return csvFile(csvFileName('requests', ctx.clock()), requestCsvColumns, items, language);
}
