import {
  anonymousAccess,
  logsInAsApp,
  rowsOf,
  systemAccess,
  withAccess,
  type AccessContext,
  type Database,
} from '@board/db';
import type { Actor } from '@board/shared';
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';

/**
 * The one way to reach the database. Every transaction runs as the `board_app` role under
 * row-level security, either for a person (`asActor`) or, visibly and logged with its reason,
 * for the system (`asSystem`, and `elevateWithin` for one step inside an actor's transaction).
 */
export interface DatabaseDoor {
  /** work in one transaction as this actor (null: a visitor); policies decide what it sees */
  asActor<T>(actor: Actor | null, work: (tx: Database) => Promise<T>): Promise<T>;
  /** server-internal work across tenants (token look-ups, jobs): say why; it is logged */
  asSystem<T>(reason: string, work: (tx: Database) => Promise<T>): Promise<T>;
  /**
   * READS ONLY, as this actor: `asActor`, except a visitor's. On the app's own login (row-level
   * security applies; no claims set is a visitor) those run statement by statement, without begin,
   * claims and commit, and statements sent together go side by side on the pool: the public board
   * and request pages. On PGlite or a handle connectAsApp did not open: a visitor's transaction.
   */
  readAs<T>(actor: Actor | null, work: (db: Database) => Promise<T>): Promise<T>;
}

/** Where the door writes: a Fastify logger (the request's, the app's), or a script's own. */
export type DoorLog = Pick<FastifyBaseLogger, 'debug'>;

/** A system reason is short, fixed text naming the job ("expire overdue requests"), never data. */
const logSystemAccess = (log: DoorLog, reason: string, within: boolean) =>
  log.debug({ systemAccess: reason, withinActorTransaction: within }, 'system database access');

// the logger of the door that opened each transaction, so `elevateWithin` logs where it happens
const loggers = new WeakMap<object, DoorLog>();
// how deep in system work each open transaction is (asSystem: 1; asActor: 0; +1 per elevation)
const systemDepth = new WeakMap<object, number>();

export function accessContextOf(actor: Actor | null): AccessContext {
  if (!actor) return anonymousAccess;
  return {
    userId: actor.userId,
    foundation: actor.roles.some((g) => g.role === 'foundation_staff'),
    staffMunicipalities: actor.roles.flatMap((g) =>
      g.role === 'municipal_staff' && g.municipalityCode ? [g.municipalityCode] : [],
    ),
    officerAssociations: actor.roles.flatMap((g) => (g.role === 'officer' && g.associationId ? [g.associationId] : [])),
  };
}

/** A door over `db` whose system accesses go to `log` (the request's logger, or the app's for jobs). */
export function databaseDoor(db: Database, log: DoorLog): DatabaseDoor {
  const open = <T>(access: AccessContext, work: (tx: Database) => Promise<T>) =>
    withAccess(db, access, (tx) => {
      loggers.set(tx, log);
      systemDepth.set(tx, access.system ? 1 : 0);
      return work(tx);
    });
  return {
    asActor: (actor, work) => open(accessContextOf(actor), work),
    asSystem: (reason, work) => {
      logSystemAccess(log, reason, false);
      return open(systemAccess, work);
    },
    readAs: (actor, work) => (actor === null && logsInAsApp(db) ? work(db) : open(accessContextOf(actor), work)),
  };
}

/**
 * Runs `work` with system rights INSIDE an actor's transaction, for the few statements row-level
 * security rightly refuses the actor but the domain does for them, atomically with the actor's
 * own change (a matched volunteer withdraws: the request's matched count goes down; counts over
 * other people's rows; the officers to mail). Every statement inside must name the rows it is
 * about: policies do not filter here. The flag is transaction-local and set back to what it was
 * whatever `work` does: inside system work (or another elevation) it stays on.
 */
export async function elevateWithin<T>(tx: Database, reason: string, work: () => Promise<T>): Promise<T> {
  // the app's handle itself is no transaction (a visitor's reads get it): there is nothing to elevate
  if (logsInAsApp(tx)) throw new Error(`elevateWithin (${reason}): not inside a transaction`);
  const log = loggers.get(tx);
  if (log) logSystemAccess(log, reason, true);
  const depth = systemDepth.get(tx) ?? ((await systemFlagOn(tx)) ? 1 : 0);
  if (depth > 0) {
    systemDepth.set(tx, depth + 1);
    try {
      return await work();
    } finally {
      systemDepth.set(tx, depth);
    }
  }
  await tx.execute(sql`select set_config('app.system', 'on', true)`);
  systemDepth.set(tx, 1);
  let failed = true;
  try {
    const result = await work();
    failed = false;
    return result;
  } finally {
    systemDepth.set(tx, 0);
    // after a failed statement the transaction refuses everything until rolled back (which ends
    // the flag too): then the original error is the one to hear about
    await tx.execute(sql`select set_config('app.system', 'off', true)`).catch((err: unknown) => {
      if (!failed) throw err;
    });
  }
}

/** For a transaction the door did not open (a savepoint): ask the database whether it is system work. */
async function systemFlagOn(tx: Database): Promise<boolean> {
  const result: unknown = await tx.execute(sql`select coalesce(current_setting('app.system', true), 'off') as was`);
  const [row] = rowsOf<{ was: string }>(result);
  return row?.was === 'on';
}
