import { openSync, readSync, closeSync, existsSync, statSync } from 'node:fs';

/**
 * Backups of either engine (issue 14), behind `pnpm db:backup` and `pnpm db:restore`:
 * a PostgreSQL server (DATABASE_URL) is dumped with pg_dump in its custom format and restored with
 * pg_restore; the embedded PGlite database (PGLITE_DATA_DIR) is saved as PGlite's own gzipped tar of
 * its data folder (dumpDataDir) and restored with loadDataDir. A backup file is written beside its
 * name and renamed into place when complete, so a failed backup never leaves a file that looks whole.
 */
export interface BackupTarget {
  /** postgres:// URL of the database (the migration owner); when absent, the PGlite folder */
  url?: string | undefined;
  /** PGlite data folder */
  dataDir: string;
}

export interface RestoreOptions {
  /** replace a database that already holds tables (default: refuse) */
  force?: boolean;
}

export interface BackupResult {
  engine: 'postgres' | 'pglite';
  file: string;
  bytes: number;
}

/** A failure the operator can act on: the message says what went wrong and what to do. */
export class BackupError extends Error {
  override name = 'BackupError';
}

export async function backupDatabase(target: BackupTarget, file: string): Promise<BackupResult> {
  // each engine's module is loaded when used: PGlite's is heavy, and an operator's command should start quickly
  if (target.url) await (await import('./backup-postgres.ts')).backupPostgres(target.url, file);
  else await (await import('./backup-pglite.ts')).backupPglite(target.dataDir, file);
  return { engine: target.url ? 'postgres' : 'pglite', file, bytes: statSync(file).size };
}

export async function restoreDatabase(
  target: BackupTarget,
  file: string,
  options: RestoreOptions = {},
): Promise<{ engine: 'postgres' | 'pglite'; keptAt?: string }> {
  if (!existsSync(file) || !statSync(file).isFile()) throw new BackupError(`No backup file at ${file}.`);
  const kind = backupKind(file);
  const engine = target.url ? 'postgres' : 'pglite';
  if (kind === 'unknown') {
    throw new BackupError(
      `${file} is not a backup made by pnpm db:backup (neither a pg_dump archive nor a PGlite folder).`,
    );
  }
  if (kind !== engine) {
    throw new BackupError(
      kind === 'postgres'
        ? `${file} is a PostgreSQL backup (pg_dump): set DATABASE_URL to the database to restore it into.`
        : `${file} is a backup of the embedded database (PGlite): unset DATABASE_URL and set PGLITE_DATA_DIR to restore it.`,
    );
  }
  if (target.url) {
    await (await import('./backup-postgres.ts')).restorePostgres(target.url, file, options);
    return { engine };
  }
  return { engine, ...(await (await import('./backup-pglite.ts')).restorePglite(target.dataDir, file, options)) };
}

/** What a file holds, by its first bytes: pg_dump's custom format starts `PGDMP`, gzip with 1f 8b. */
export function backupKind(file: string): 'postgres' | 'pglite' | 'unknown' {
  const head = Buffer.alloc(5);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, 5, 0);
  } finally {
    closeSync(fd);
  }
  if (head.toString('latin1') === 'PGDMP') return 'postgres';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
  return 'unknown';
}

/** A default name for a new backup: `backups/board-<engine>-<UTC time>.<ext>`. */
export function defaultBackupFile(target: BackupTarget, now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return target.url ? `backups/board-postgres-${stamp}.dump` : `backups/board-pglite-${stamp}.tar.gz`;
}
