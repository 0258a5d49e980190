import { sql } from 'drizzle-orm';
import { createDatabase, rowsOf, type Database, type DatabaseHandle, type DatabaseOptions } from './client.ts';

/** The login the app's requests run as (created in migration 0001, may log in since 0010). */
export const appRole = 'board_app';

// handles whose every connection logs in as the app's role, checked by connectAsApp
const appLogins = new WeakSet<Database>();

/**
 * Does every connection of `db` log in as a role subject to row-level security (connectAsApp,
 * which openAppDatabase uses, checked it)? Then a statement outside any transaction, with no
 * claims set, reads as a visitor. False for PGlite (its one connection is switched, not logged in)
 * and for handles opened otherwise.
 */
export function logsInAsApp(db: Database): boolean {
  return appLogins.has(db);
}

/**
 * DATABASE_URL's server and database, signed in as the app's role without a password: what the
 * server uses when APP_DATABASE_URL is not given (fine where the server trusts local logins, e.g.
 * the test clusters; elsewhere give board_app a password and set APP_DATABASE_URL).
 */
export function appLoginUrl(ownerUrl: string): string {
  const url = new URL(ownerUrl);
  url.username = appRole;
  url.password = '';
  return url.toString();
}

/**
 * The connection the app serves requests on, opened after `owner` has migrated and seeded.
 * PostgreSQL: a pool of its own that signs in as `appUrl` (default: appLoginUrl of the owner's);
 * `owner` is closed (hand over only a handle nothing else uses).
 * PGlite has no login roles (its one connection is the superuser's), so its one connection
 * switches to board_app for the rest of the session and `owner` itself is returned: that stops a
 * query that forgets its WHERE, though not code that resets the role on purpose.
 * Refuses a connection that could bypass row-level security.
 */
export async function openAppDatabase(
  owner: DatabaseHandle,
  target: {
    ownerUrl?: string | undefined;
    appUrl?: string | undefined;
    maxConnections?: number;
    /** named prepared statements (DatabaseOptions.prepare) */
    prepare?: boolean | undefined;
    /** the app's login straight to PostgreSQL when appUrl goes through PgBouncer (LISTEN, job queue) */
    directUrl?: string | undefined;
  },
): Promise<DatabaseHandle> {
  if (owner.engine === 'pglite') {
    await owner.db.execute(sql.raw(`set role ${appRole}`));
    await assertSubjectToRowSecurity(owner);
    return owner;
  }
  const url = target.appUrl ?? (target.ownerUrl ? appLoginUrl(target.ownerUrl) : undefined);
  if (!url) throw new Error('openAppDatabase: a PostgreSQL database needs the owner URL or the app URL');
  await owner.close();
  return connectAsApp({
    url,
    directUrl: target.directUrl,
    maxConnections: target.maxConnections,
    prepare: target.prepare,
  });
}

/** A pool on PostgreSQL as the app's login at `url`; refused unless subject to row-level security. */
export async function connectAsApp(options: DatabaseOptions & { url: string }): Promise<DatabaseHandle> {
  const app = createDatabase(options);
  try {
    await assertSubjectToRowSecurity(app);
  } catch (err) {
    await app.close();
    throw err;
  }
  appLogins.add(app.db);
  return app;
}

interface LoginRole {
  role: string;
  super: boolean;
  bypass: boolean;
  owns: boolean;
}

/** Throws unless the connection's role is no superuser, cannot bypass RLS and owns no table. */
export async function assertSubjectToRowSecurity(handle: DatabaseHandle): Promise<void> {
  const result: unknown = await handle.db.execute(sql`
    select r.rolname as role, r.rolsuper as super, r.rolbypassrls as bypass,
           exists (select 1 from pg_class c where c.relowner = r.oid and c.relnamespace = 'public'::regnamespace) as owns
    from pg_roles r where r.rolname = current_user`);
  const rows = rowsOf<LoginRole>(result);
  const me = rows[0];
  if (!me || me.super || me.bypass || me.owns) {
    throw new Error(
      `The app's database login (${me?.role ?? 'unknown'}) could bypass row-level security: it must be no superuser, not BYPASSRLS and own no table. Use the role board_app (APP_DATABASE_URL).`,
    );
  }
}
