import { schema, type Database } from '@board/db';
import {
  deletableStatuses,
  editableStatuses,
  requestTransitions,
  type RequestStatus,
  type RequestTransition,
} from '@board/shared';
import { and, eq, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { elevateWithin } from '../../database/door.ts';
import { hasKanji } from '../../database/readings.ts';
import { requestColumns, type RequestContent, type RequestRow } from './rows.ts';

const { helpRequests: r, municipalities: m, associations: a, applications } = schema;

/** `status in (…)` for states taken from the lifecycle table */
function statusIn(states: readonly RequestStatus[]): SQL {
  return inArray(r.status, [...states]);
}

/** One request by `id` (whose contact it shows is current-contact.ts's to say). */
const findQuery = (tx: Database) =>
  tx
    .select(requestColumns)
    .from(r)
    .innerJoin(m, eq(m.code, r.municipalityCode))
    .innerJoin(a, eq(a.id, r.associationId))
    .where(eq(r.id, sql.placeholder('id')))
    .prepare('help_request_find');

// drizzle builds a query's text on every call, which costs more than running it (a third of a
// visitor's request page): a long-lived handle (the one visitors read on) keeps it built
const builtFinds = new WeakMap<Database, ReturnType<typeof findQuery>>();

/**
 * The one writer of `help_requests` (posting, editing, the lifecycle, a match's slots, hiding
 * after a flag), and the reads of one request. Every state change takes its source and target
 * states from `requestTransitions`. Runs inside the caller's transaction (row-level security as
 * the actor); the few system steps say why. Reads that join for lists live in reader.ts.
 */
export function requestRepository(tx: Database) {
  return {
    /** Requests with kanji in title or body whose readings were never made (written before issue 13). */
    async withoutReadings(limit: number): Promise<Pick<RequestRow, 'id' | 'title' | 'body'>[]> {
      return tx
        .select({ id: r.id, title: r.title, body: r.body })
        .from(r)
        .where(
          sql`((${r.titleRuby} is null and ${r.title} ~ ${hasKanji}) or (${r.bodyRuby} is null and ${r.body} ~ ${hasKanji}))`,
        )
        .orderBy(r.id)
        .limit(limit);
    },

    /** Readings and search tokens made for a text already stored (its content and times stay). */
    async setReadings(id: string, values: Pick<RequestContent, 'titleRuby' | 'bodyRuby' | 'searchTokens'>) {
      await tx.update(r).set(values).where(eq(r.id, id));
    },

    async find(id: string): Promise<RequestRow | null> {
      let query = builtFinds.get(tx);
      if (!query) {
        query = findQuery(tx);
        builtFinds.set(tx, query);
      }
      const [row] = await query.execute({ id });
      return row ?? null;
    },

    async insert(
      values: RequestContent & {
        municipalityCode: string;
        associationId: string;
        createdBy: string;
        copiedFrom?: string | null;
        /** staff post it for the association (createRequestOnBehalf) */
        postedByMunicipality?: boolean;
      },
    ): Promise<string> {
      const [row] = await tx
        .insert(r)
        .values({ ...values, status: 'draft' })
        .returning({ id: r.id });
      return row!.id;
    },

    /** Replaces the content while the request is editable; false when it is not (or not there). */
    async updateContent(id: string, values: RequestContent): Promise<boolean> {
      const rows = await tx
        .update(r)
        .set({ ...values, updatedAt: sql`now()` })
        .where(and(eq(r.id, id), inArray(r.status, [...editableStatuses])))
        .returning({ id: r.id });
      return rows.length > 0;
    },

    /**
     * Deletes the request while it is in a deletable state (a draft), as one conditional DELETE;
     * row-level security allows it only to the association's officers, and only for drafts.
     * False when nothing was deleted (it was sent meanwhile, or is not there).
     */
    async deleteDraft(id: string): Promise<boolean> {
      const rows = await tx
        .delete(r)
        .where(and(eq(r.id, id), statusIn(deletableStatuses)))
        .returning({ id: r.id });
      return rows.length > 0;
    },

    /**
     * Fires a lifecycle transition as one conditional UPDATE: it changes the row only while its
     * status is one the transition starts from (shared/src/help-request-lifecycle.ts). Of two at once, the
     * second waits for the first's row lock, re-reads the status and changes nothing. False when
     * nothing changed.
     */
    async transition(id: string, name: RequestTransition, reason: string | null = null): Promise<boolean> {
      const t = requestTransitions[name];
      const rows = await tx
        .update(r)
        .set({
          status: t.to,
          statusReason: reason,
          updatedAt: sql`now()`,
          ...(t.to === 'published' ? { publishedAt: sql`coalesce(${r.publishedAt}, now())` } : {}),
        })
        .where(and(eq(r.id, id), inArray(r.status, [...t.from])))
        .returning({ id: r.id });
      return rows.length > 0;
    },

    /**
     * `expire` for every published request past its application deadline with slots still
     * open, in one statement. Several server instances may run it at once: a row already
     * expired by one no longer matches the WHERE for the other (re-checked after the row lock).
     */
    async expireOverdue(): Promise<{ id: string; municipalityCode: string; associationId: string; title: string }[]> {
      const t = requestTransitions.expire;
      return tx
        .update(r)
        .set({ status: t.to, statusReason: null, updatedAt: sql`now()` })
        .where(
          and(
            // literals, not parameters: they must match help_requests_expiry_idx in a generic plan too
            schema.statusLiteralIn(r.status, t.from),
            sql`${r.applicationDeadline} <= now()`,
            sql`${r.matchedCount} < ${r.slots}`,
          ),
        )
        .returning({ id: r.id, municipalityCode: r.municipalityCode, associationId: r.associationId, title: r.title });
    },

    /**
     * Requests a volunteer applied to, also after they left the public board (withdrawn,
     * closed, expired): a system step restricted to these ids, which the caller took from
     * applications the actor can see.
     */
    async findApplied(ids: string[]): Promise<RequestRow[]> {
      if (ids.length === 0) return [];
      return elevateWithin(tx, 'requests a volunteer applied to', () =>
        tx
          .select(requestColumns)
          .from(r)
          .innerJoin(m, eq(m.code, r.municipalityCode))
          .innerJoin(a, eq(a.id, r.associationId))
          .where(inArray(r.id, [...new Set(ids)])),
      );
    },

    /**
     * Takes one slot, atomically: +1 matched, `fill` when it was the last one. The WHERE clause
     * re-checks on the latest row version when another acceptance committed first, so of many
     * acceptances at once exactly `slots` succeed. Null when no slot was free (or it is not open).
     */
    async claimSlot(id: string) {
      const fill = requestTransitions.fill;
      const [row] = await tx
        .update(r)
        .set({
          matchedCount: sql`${r.matchedCount} + 1`,
          status: sql`case when ${r.matchedCount} + 1 >= ${r.slots} then ${fill.to}::request_status else ${r.status} end`,
          updatedAt: sql`now()`,
        })
        .where(and(eq(r.id, id), statusIn(fill.from), isNull(r.hiddenAt), lt(r.matchedCount, r.slots)))
        .returning({ status: r.status, matchedCount: r.matchedCount });
      return row ?? null;
    },

    /** Locks the request row: every change to a request's matches takes this lock first (no deadlocks, no lost completion). */
    async lock(id: string): Promise<void> {
      await elevateWithin(tx, 'lock a request row', () =>
        tx.select({ id: r.id }).from(r).where(eq(r.id, id)).for('update'),
      );
    },

    /**
     * Gives a matched slot back (a matched volunteer withdrew): −1 matched and `reopen` when the
     * request was filled. A system step: the volunteer cannot update requests, and this is part
     * of their withdrawal.
     */
    async releaseSlot(id: string) {
      const reopen = requestTransitions.reopen;
      const [row] = await elevateWithin(tx, 'give a matched slot back', () =>
        tx
          .update(r)
          .set({
            matchedCount: sql`${r.matchedCount} - 1`,
            status: sql`case when ${statusIn(reopen.from)} then ${reopen.to}::request_status else ${r.status} end`,
            updatedAt: sql`now()`,
          })
          .where(and(eq(r.id, id), sql`${r.matchedCount} > 0`))
          .returning({ status: r.status, matchedCount: r.matchedCount }),
      );
      return row ?? null;
    },

    /**
     * `complete` when every match of the request is done and confirmed (and there is at least
     * one). Called after each completion and confirmation, with the request locked; a system step
     * because the volunteer's confirmation may be the last one. "Done and confirmed" is the
     * application lifecycle's `confirmed` stage, said in its stored columns.
     */
    async completeIfAllDone(id: string): Promise<boolean> {
      const complete = requestTransitions.complete;
      const matchOf = sql`${applications.requestId} = ${id} and ${applications.status} = 'accepted'`;
      const rows = await elevateWithin(tx, 'complete a request whose matches are done', () =>
        tx
          .update(r)
          .set({ status: complete.to, updatedAt: sql`now()` })
          .where(
            and(
              eq(r.id, id),
              statusIn(complete.from),
              sql`exists (select 1 from ${applications} where ${matchOf})`,
              sql`not exists (select 1 from ${applications} where ${matchOf} and ${applications.confirmedAt} is null)`,
            ),
          )
          .returning({ id: r.id }),
      );
      return rows.length > 0;
    },

    /** Hides the request from the board after a flag (staff's decision). */
    async hide(id: string): Promise<void> {
      await tx
        .update(r)
        .set({ hiddenAt: sql`now()` })
        .where(and(eq(r.id, id), isNull(r.hiddenAt)));
    },
  };
}

export type RequestRepository = ReturnType<typeof requestRepository>;
