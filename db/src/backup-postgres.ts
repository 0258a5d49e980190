import { spawn } from 'node:child_process';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import postgres from 'postgres';
import { appRole } from './app-connection.ts';
import { BackupError, type RestoreOptions } from './backup.ts';

/** PostgreSQL's client programs: from PG_BIN_DIR when set (e.g. /usr/lib/postgresql/17/bin), else from PATH. */
function program(name: 'pg_dump' | 'pg_restore' | 'psql'): string {
  return process.env.PG_BIN_DIR ? join(process.env.PG_BIN_DIR, name) : name;
}

interface Run {
  code: number | null;
  stderr: string;
}

function finished(child: ReturnType<typeof spawn>, name: string): Promise<Run> {
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'ENOENT'
          ? new BackupError(
              `${name} was not found. Install PostgreSQL's client programs (Debian: apt-get install postgresql-client) or set PG_BIN_DIR to their folder.`,
            )
          : err,
      ),
    );
    child.once('close', (code) => resolve({ code, stderr: stderr.trim() }));
  });
}

/** `pg_dump --format=custom` of the database into `file` (written as `file.partial`, renamed when complete). */
export async function backupPostgres(url: string, file: string): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  const dump = spawn(program('pg_dump'), ['--format=custom', '--no-password', `--file=${partial}`, `--dbname=${url}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const run = await finished(dump, 'pg_dump').catch((err: unknown) => {
    rmSync(partial, { force: true });
    throw err;
  });
  if (run.code !== 0) {
    rmSync(partial, { force: true });
    throw new BackupError(`pg_dump failed (exit ${run.code}); no backup was written:\n${run.stderr}`);
  }
  renameSync(partial, file);
}

/** Schemas and tables already in the database (any schema but PostgreSQL's own and an empty `public`). */
async function contents(url: string): Promise<{ database: string; relations: number; schemas: string[] }> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ database: string; relations: number; schemas: string[] }[]>`
      select current_database() as database,
        (select count(*)::int from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%') as relations,
        array(select nspname::text from pg_namespace
          where nspname not in ('pg_catalog', 'information_schema', 'public') and nspname not like 'pg\\_%') as schemas`;
    return row!;
  } catch (err) {
    throw new BackupError(`Cannot reach the database to restore into: ${(err as Error).message}`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Empties the database: every schema but PostgreSQL's own is dropped, and `public` made again as PostgreSQL 15+ makes it. */
const wipe = `
DO $$ DECLARE s text; BEGIN
  FOR s IN SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_%' LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', s);
  END LOOP;
END $$;
CREATE SCHEMA public AUTHORIZATION pg_database_owner;
GRANT USAGE ON SCHEMA public TO PUBLIC;
`;

/** The app's login is the server's, not the database's, so a dump does not hold it: made when missing (db/migrations/0001, 0010). */
const appRoleSql = `
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${appRole}') THEN
    CREATE ROLE ${appRole} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END $$;
`;

/**
 * Restores a pg_dump archive into the database in one transaction: pg_restore turns the archive
 * into SQL and psql runs it with `--single-transaction`, after emptying the database when
 * `force` is given. Any error (a damaged archive, a failing statement) rolls everything back.
 */
export async function restorePostgres(url: string, file: string, options: RestoreOptions): Promise<void> {
  const found = await contents(url);
  const empty = found.relations === 0 && found.schemas.length === 0;
  if (!empty && !options.force) {
    throw new BackupError(
      `The database "${found.database}" is not empty (${found.relations} tables, views or sequences; schemas: ${['public', ...found.schemas].join(', ')}). Restore into an empty database, or pass --force to replace everything in it.`,
    );
  }
  const psql = spawn(
    program('psql'),
    ['--no-psqlrc', '--quiet', '--no-password', '--single-transaction', '--set=ON_ERROR_STOP=1', `--dbname=${url}`],
    { stdio: ['pipe', 'ignore', 'pipe'] },
  );
  const psqlDone = finished(psql, 'psql');
  psql.stdin!.on('error', () => {}); // psql stopping early is reported by its exit code
  psql.stdin!.write((empty ? '' : wipe) + appRoleSql);
  const restore = spawn(program('pg_restore'), ['--no-owner', '--file=-', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  restore.stdout!.pipe(psql.stdin!, { end: false });
  let restoreRun: Run;
  try {
    restoreRun = await finished(restore, 'pg_restore');
  } catch (err) {
    psql.kill('SIGKILL');
    await psqlDone.catch(() => undefined);
    throw err;
  }
  if (restoreRun.code !== 0) {
    // psql never sees the end of its input, so its transaction is never committed
    psql.kill('SIGKILL');
    await psqlDone.catch(() => undefined);
    throw new BackupError(
      `pg_restore could not read ${file} (exit ${restoreRun.code}); nothing was changed:\n${restoreRun.stderr}`,
    );
  }
  psql.stdin!.end();
  const run = await psqlDone;
  if (run.code !== 0) {
    throw new BackupError(`Restoring failed (psql exit ${run.code}); nothing was changed:\n${run.stderr}`);
  }
}
