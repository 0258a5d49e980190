/**
 * Operator command: restore a backup made by `pnpm db:backup`.
 *
 *   pnpm db:restore FILE [--force]
 *
 * Into DATABASE_URL's database (a pg_dump archive), or without it into PGLITE_DATA_DIR (a backup
 * of the embedded database; stop the server first). Refuses a database that already holds data
 * unless --force is given: then PostgreSQL's is emptied and replaced in the same transaction, and
 * an embedded folder is moved aside (kept) and replaced. Any failure changes nothing.
 * Exit status: 0 restored, 1 failed, 2 bad arguments.
 */
import { parseArgs } from 'node:util';
import { BackupError, restoreDatabase } from '@board/db/backup';
import { databaseTarget, describeTarget } from './target.ts';

const usage = 'usage: pnpm db:restore FILE [--force]';

let file: string | undefined;
let force = false;
try {
  const { values, positionals } = parseArgs({
    options: { force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  if (positionals.length !== 1) throw new Error('name one backup file');
  file = positionals[0];
  force = values.force ?? false;
} catch (err) {
  console.error(`${(err as Error).message}\n${usage}`);
  process.exit(2);
}

const target = databaseTarget();
console.log(`restoring ${file} into ${describeTarget(target)} …`);
try {
  const done = await restoreDatabase(target, file!, { force });
  console.log(`restored (${done.engine})`);
  if (done.keptAt)
    console.log(`the database it replaced is kept in ${done.keptAt}; delete it once you have checked the restore`);
} catch (err) {
  console.error(err instanceof BackupError ? `restore failed: ${err.message}` : err);
  process.exitCode = 1;
}
