import { fileURLToPath } from 'node:url';
import type { BackupTarget } from '@board/db/backup';

/** The database the server would use: DATABASE_URL, else the embedded one in PGLITE_DATA_DIR (server/src/config.ts's default). */
export function databaseTarget(env: NodeJS.ProcessEnv = process.env): BackupTarget {
  return {
    url: env.DATABASE_URL || undefined,
    dataDir: env.PGLITE_DATA_DIR || fileURLToPath(new URL('../../.data/pglite', import.meta.url)),
  };
}

/** What the operator reads: which database, without the password in its URL. */
export function describeTarget(target: BackupTarget): string {
  if (!target.url) return `the embedded database in ${target.dataDir}`;
  const url = new URL(target.url);
  if (url.password) url.password = '***';
  return `the PostgreSQL database ${url.toString()}`;
}
