import type { Database } from './client.ts';

/** What row-level security needs to know about whoever a transaction acts for. */
export interface AccessContext {
  userId: string | null;
  foundation: boolean;
  staffMunicipalities: readonly string[];
  officerAssociations: readonly string[];
  /** server-internal work that must see across tenants (token look-ups, jobs, seeding) */
  system?: boolean;
}

export const anonymousAccess: AccessContext = {
  userId: null,
  foundation: false,
  staffMunicipalities: [],
  officerAssociations: [],
};

export const systemAccess: AccessContext = { ...anonymousAccess, system: true };

/**
 * Runs `work` in one transaction as the `board_app` role with the actor's claims set, so the
 * row-level security policies in db/src/schema apply to every statement inside. Settings and
 * role are transaction-local: nothing leaks to the next user of the pooled connection.
 */
export async function withAccess<T>(
  db: Database,
  access: AccessContext,
  work: (tx: Database) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    const client = (tx as unknown as { session: { client: TransactionClient } }).session.client;
    if (!('unsafe' in client)) {
      // PGlite: in-process, no round trips to save
      await client.query(claimsStatement, claimsOf(access));
      return work(tx as unknown as Database);
    }
    // postgres.js: sent now, not awaited, so the first statement of `work` follows it in the same
    // round trip. The transaction's connection is its own and runs statements in the order sent;
    // this one is handed to it first (postgres.js hands a query over one microtask after
    // `execute()`, and anything `work` sends starts later). If it fails, the transaction fails.
    const claims = client.unsafe(claimsStatement, claimsOf(access)).execute();
    let result: T;
    try {
      result = await work(tx as unknown as Database);
    } catch (err) {
      await claims; // its error, if it failed, is the one to hear about
      throw err;
    }
    await claims;
    return result;
  });
}

/** One round trip: set_config('role', …, true) is SET LOCAL ROLE; every setting ends with the transaction. */
const claimsStatement = `select set_config('role', 'board_app', true), set_config('app.user_id', $1, true),
  set_config('app.foundation', $2, true), set_config('app.staff_municipalities', $3, true),
  set_config('app.officer_associations', $4, true), set_config('app.system', $5, true)`;

function claimsOf(access: AccessContext): string[] {
  return [
    access.userId ?? '',
    access.foundation ? 'on' : 'off',
    access.staffMunicipalities.join(','),
    access.officerAssociations.join(','),
    access.system ? 'on' : 'off',
  ];
}

/** The driver's client under a drizzle transaction: postgres.js's, or PGlite's. */
type TransactionClient =
  | { unsafe(text: string, parameters: unknown[]): { execute(): PromiseLike<unknown> } }
  | { query(text: string, parameters: unknown[]): Promise<unknown> };
