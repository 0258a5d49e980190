import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { BackupError, type RestoreOptions } from './backup.ts';

/**
 * Other processes with files of this folder open (Linux: /proc/<pid>/fd). PGlite keeps its
 * write-ahead log open while it runs, so a running server shows up here; its postmaster.pid
 * cannot tell (PGlite writes -42 there, and a crashed server leaves it behind).
 */
export function processesUsing(dataDir: string): number[] {
  const folder = `${resolve(dataDir)}/`;
  if (!existsSync('/proc/self/fd')) return [];
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // gone, or not ours to read
    }
    for (const fd of fds) {
      let target: string;
      try {
        target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        continue;
      }
      if (target.startsWith(folder)) {
        found.push(pid);
        break;
      }
    }
  }
  return found;
}

function refuseWhileRunning(dataDir: string, what: string) {
  const pids = processesUsing(dataDir);
  if (pids.length > 0) {
    throw new BackupError(
      `The embedded database in ${dataDir} is in use by process ${pids.join(', ')} (the server?). Stop it first: ${what} a running embedded database would copy or overwrite it halfway.`,
    );
  }
}

const holdsDatabase = (dataDir: string) => existsSync(join(dataDir, 'PG_VERSION'));

/** PGlite's own gzipped tar of the data folder (dumpDataDir), written beside `file` and renamed when complete. */
export async function backupPglite(dataDir: string, file: string): Promise<void> {
  if (!holdsDatabase(dataDir)) {
    throw new BackupError(
      `No embedded database in ${dataDir} (no PG_VERSION file). Set PGLITE_DATA_DIR, or DATABASE_URL for a PostgreSQL server.`,
    );
  }
  refuseWhileRunning(dataDir, 'backing up');
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  // opening runs PostgreSQL's own recovery first, so a folder left by a crash is saved consistent
  const db = new PGlite(dataDir);
  try {
    await db.waitReady; // dumpDataDir on a database still opening never answers
    const archive = await db.dumpDataDir('gzip');
    writeFileSync(partial, Buffer.from(await archive.arrayBuffer()));
  } catch (err) {
    rmSync(partial, { force: true });
    throw new BackupError(`Backing up ${dataDir} failed; no backup was written: ${(err as Error).message}`);
  } finally {
    await db.close();
  }
  renameSync(partial, file);
}

/**
 * Loads the archive into a new folder beside the data folder, checks it opens, then swaps it in.
 * With `force` an existing database is moved aside to `<folder>.before-restore-<time>` (kept;
 * delete it once the restored data is checked), never deleted.
 */
export async function restorePglite(
  dataDir: string,
  file: string,
  options: RestoreOptions,
): Promise<{ keptAt?: string }> {
  const folder = resolve(dataDir);
  const present = existsSync(folder) && readdirSync(folder).length > 0;
  if (present && !options.force) {
    throw new BackupError(
      `${folder} is not empty${holdsDatabase(folder) ? ' (it holds a database)' : ''}. Restore into an empty or new folder (PGLITE_DATA_DIR), or pass --force to replace it (the old folder is kept beside it).`,
    );
  }
  if (present) refuseWhileRunning(folder, 'restoring over');
  mkdirSync(dirname(folder), { recursive: true });
  const incoming = join(dirname(folder), `.${basename(folder)}.restoring-${process.pid}`);
  rmSync(incoming, { recursive: true, force: true });
  try {
    const archive = new Blob([readFileSync(file)]);
    const db = new PGlite({ dataDir: incoming, loadDataDir: archive });
    try {
      await db.query('select count(*) from pg_class');
    } finally {
      await db.close();
    }
  } catch (err) {
    rmSync(incoming, { recursive: true, force: true });
    throw new BackupError(
      `${file} could not be loaded as an embedded database; nothing was changed: ${(err as Error).message}`,
    );
  }
  let keptAt: string | undefined;
  if (present) {
    keptAt = `${folder}.before-restore-${new Date()
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z')}`;
    renameSync(folder, keptAt);
  } else if (existsSync(folder)) {
    rmSync(folder, { recursive: true });
  }
  renameSync(incoming, folder);
  return keptAt ? { keptAt } : {};
}
