/**
 * Operator command: back up the board's database.
 *
 *   pnpm db:backup [--out FILE]
 *
 * With DATABASE_URL: pg_dump's custom format of that database (restore with pg_restore, or
 * `pnpm db:restore`). Without it: the embedded database in PGLITE_DATA_DIR (stop the server
 * first). FILE defaults to backups/board-<engine>-<UTC time>.{dump,tar.gz}.
 * Exit status: 0 written, 1 failed (no file is left behind), 2 bad arguments.
 */
import { parseArgs } from 'node:util';
import { backupDatabase, BackupError, defaultBackupFile } from '@board/db/backup';
import { databaseTarget, describeTarget } from './target.ts';

const usage = 'usage: pnpm db:backup [--out FILE]';

let out: string | undefined;
try {
  const { values } = parseArgs({
    options: { out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  out = values.out;
} catch (err) {
  console.error(`${(err as Error).message}\n${usage}`);
  process.exit(2);
}

const target = databaseTarget();
const file = out ?? defaultBackupFile(target);
console.log(`backing up ${describeTarget(target)} …`);
try {
  const done = await backupDatabase(target, file);
  console.log(`backup written: ${done.file} (${(done.bytes / 1024).toFixed(0)} KB, ${done.engine})`);
} catch (err) {
  console.error(err instanceof BackupError ? `backup failed: ${err.message}` : err);
  process.exitCode = 1;
}
