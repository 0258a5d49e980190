import { rowsOf, type Database } from '@board/db';
import { sql } from 'drizzle-orm';
import { arrayParameter } from '../database/array-parameter.ts';

/**
 * Moving the demo history into the past (the demo's own repository). The history is played
 * through the services today; each step's writes carry the database's clock of that moment
 * (`now()`, column defaults) or the server's. A step is the span from its start to the next
 * step's start; afterwards every moment written inside a span moves to that step's planned time
 * (keeping its small offset), in every table, so a table added later moves too.
 */
export interface StepWindow {
  /** when the step began, to the millisecond */
  began: Date;
  planned: Date;
}

/** Columns that hold a moment a person chose (a start, a deadline, an expiry), never a write time. */
const chosenMoments = ['starts_at', 'ends_at', 'application_deadline', 'expires_at'];
/** Tables whose moments are not history: the limits' counters (windows of time). */
const notHistory = ['rate_limit_counters'];

export const retimeRepository = {
  /**
   * How far the database's clock is ahead of this process's, in milliseconds: 0 when the two
   * agree within a second (one machine's clock; a busy machine's round trip is no offset).
   */
  async clockOffset(db: Database): Promise<number> {
    const before = Date.now();
    const [row] = rowsOf<{ ms: string }>(
      await db.execute(sql`select floor(extract(epoch from clock_timestamp()) * 1000)::text as ms`),
    );
    const offset = Number(row!.ms) - Math.round((before + Date.now()) / 2);
    return Math.abs(offset) < 1000 ? 0 : offset;
  },

  /** every moment of the public schema written inside a step's span moves to that step's planned time */
  async moveSteps(db: Database, steps: StepWindow[]): Promise<void> {
    const columns = rowsOf<{ table: string; column: string }>(
      await db.execute(sql`
        select table_name as table, column_name as column from information_schema.columns
        where table_schema = 'public' and data_type = 'timestamp with time zone'
          and column_name not in (${sql.join(
            chosenMoments.map((c) => sql`${c}`),
            sql`, `,
          )})
          and table_name not in (${sql.join(
            notHistory.map((c) => sql`${c}`),
            sql`, `,
          )})
          and table_name in (select table_name from information_schema.tables
                             where table_schema = 'public' and table_type = 'BASE TABLE')`),
    );
    const began = arrayParameter(steps.map((s) => s.began.toISOString()));
    const planned = arrayParameter(steps.map((s) => s.planned.toISOString()));
    for (const { table, column } of columns) {
      const c = sql.identifier(column);
      await db.execute(sql`
        with w as (
          select began, planned, lead(began) over (order by began) as ended
          from unnest(${began}::timestamptz[], ${planned}::timestamptz[]) as s(began, planned)
        )
        update ${sql.identifier(table)} t set ${c} = w.planned + (t.${c} - w.began)
        from w where t.${c} >= w.began and (w.ended is null or t.${c} < w.ended)`);
    }
  },

  /** a request's chosen moments (start, end, deadline) move with its posting */
  async moveChosenMoments(db: Database, shifts: { requestId: string; byMs: number }[]): Promise<void> {
    if (shifts.length === 0) return;
    await db.execute(sql`
      update help_requests r set
        starts_at = r.starts_at + s.ms * interval '1 millisecond', ends_at = r.ends_at + s.ms * interval '1 millisecond',
        application_deadline = r.application_deadline + s.ms * interval '1 millisecond'
      from unnest(${arrayParameter(shifts.map((s) => s.requestId))}::uuid[], ${arrayParameter(shifts.map((s) => String(s.byMs)))}::bigint[])
        as s(id, ms)
      where r.id = s.id`);
  },

  /** a request expired by the sweep just now expired at its deadline: its row and its audit entry say so */
  async expiredAtDeadline(db: Database, since: Date): Promise<void> {
    await db.execute(sql`
      update audit_log a set at = r.application_deadline from help_requests r
      where a.action = 'request.expire' and a.subject_id = r.id::text and a.at >= ${since.toISOString()}::timestamptz`);
    await db.execute(sql`
      update help_requests set updated_at = application_deadline
      where status = 'expired' and updated_at >= ${since.toISOString()}::timestamptz`);
  },
};
