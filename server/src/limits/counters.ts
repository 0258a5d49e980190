import { schema, systemAccess, withAccess, type Database } from '@board/db';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { databaseNowPlus } from '../database/now.ts';

const { rateLimitCounters: counters } = schema;

/**
 * Counters are system-only (db/src/schema/limits.ts): each call is a short transaction of its own
 * with system access, whoever the request acts for.
 */
function asSystem<T>(db: Database, work: (tx: Database) => Promise<T>): Promise<T> {
  return withAccess(db, systemAccess, work);
}

export interface CounterState {
  /** hits in the current window, this one included */
  hits: number;
  windowEndsAt: Date;
  lastHitAt: Date;
}

export interface ReadState extends CounterState {
  /** the database's clock when read (compare waits against this, not the server's clock) */
  readAt: Date;
}

export interface Window {
  ms: number;
  /** each hit pushes the end of the window out again (quiet for a whole window → back to zero) */
  sliding?: boolean;
}

/**
 * The stored key: a namespace in clear (what is counted) and a hash of the subject (an email, an
 * address, a user id), so the table holds no contact details and keys have one length.
 */
export function counterKey(namespace: string, subject: string): string {
  return `${namespace}:${createHash('sha256').update(subject).digest('base64url').slice(0, 32)}`;
}

/**
 * Counts one hit (or `by`) in one atomic statement, shared by every server instance: a new key
 * or an expired window starts again at `by`, otherwise the hits add up.
 */
export async function hitCounter(db: Database, key: string, window: Window, by = 1): Promise<CounterState> {
  return asSystem(db, (tx) => hitCounterWithin(tx, key, window, by));
}

/**
 * The same inside a transaction that already has system rights (`elevateWithin`), so the hit
 * commits or rolls back with the change it counts (a mail queued in that transaction).
 */
export async function hitCounterWithin(tx: Database, key: string, window: Window, by = 1): Promise<CounterState> {
  const windowEnd = databaseNowPlus(window.ms);
  const expired = sql`${counters.windowEndsAt} <= now()`;
  const [row] = await tx
    .insert(counters)
    .values({ key, hits: by, windowEndsAt: windowEnd, lastHitAt: sql`now()` })
    .onConflictDoUpdate({
      target: counters.key,
      set: {
        hits: sql`case when ${expired} then excluded.hits else ${counters.hits} + excluded.hits end`,
        windowEndsAt: window.sliding
          ? sql`excluded.window_ends_at`
          : sql`case when ${expired} then excluded.window_ends_at else ${counters.windowEndsAt} end`,
        lastHitAt: sql`now()`,
      },
    })
    .returning({ hits: counters.hits, windowEndsAt: counters.windowEndsAt, lastHitAt: counters.lastHitAt });
  return row!;
}

/** The current window's state without counting; null when there is none. */
export async function readCounter(db: Database, key: string): Promise<ReadState | null> {
  const [row] = await asSystem(db, (tx) =>
    tx
      .select({
        hits: counters.hits,
        windowEndsAt: counters.windowEndsAt,
        lastHitAt: counters.lastHitAt,
        readAt: sql<Date>`now()`.mapWith(counters.lastHitAt),
      })
      .from(counters)
      .where(and(eq(counters.key, key), gt(counters.windowEndsAt, sql`now()`))),
  );
  return row ?? null;
}

export async function clearCounter(db: Database, key: string): Promise<void> {
  await asSystem(db, (tx) => tx.delete(counters).where(eq(counters.key, key)));
}

/** Drops counters whose window has ended (an index on window_ends_at keeps this cheap). */
export async function sweepExpiredCounters(db: Database): Promise<void> {
  await asSystem(db, (tx) => tx.delete(counters).where(lt(counters.windowEndsAt, sql`now()`)));
}
