import { sql } from 'drizzle-orm';
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
    // one round trip: set_config('role', …, true) is SET LOCAL ROLE
    await tx.execute(sql`select
      set_config('role', 'board_app', true),
      set_config('app.user_id', ${access.userId ?? ''}, true),
      set_config('app.foundation', ${access.foundation ? 'on' : 'off'}, true),
      set_config('app.staff_municipalities', ${access.staffMunicipalities.join(',')}, true),
      set_config('app.officer_associations', ${access.officerAssociations.join(',')}, true),
      set_config('app.system', ${access.system ? 'on' : 'off'}, true)`);
    return work(tx as unknown as Database);
  });
}
