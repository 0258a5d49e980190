import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertSubjectToRowSecurity, createDatabase, migrateDatabase } from '@board/db';
import { seedDemo, seedMunicipalities } from '@board/db/seed/seed';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../src/harness/test-database.ts';
import { tableSnapshot, type TableSnapshot } from '../src/harness/table-snapshot.ts';
import { appDatabaseUrl, databaseUrl } from '../src/harness/template.ts';

/*
 * `pnpm db:backup` and `pnpm db:restore` (scripts/db) run as an operator runs them, as their own
 * processes: back up a seeded database, wipe it, restore, and find every row of every table again.
 */

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'board-backup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Ran {
  code: number | null;
  out: string;
}

/** `node scripts/db/<script>.ts args…` with only this database in its environment. */
function run(script: 'backup' | 'restore', args: string[], env: { DATABASE_URL?: string; PGLITE_DATA_DIR?: string }) {
  const { DATABASE_URL: _url, PGLITE_DATA_DIR: _dir, ...rest } = process.env;
  const child = spawn(process.execPath, [`scripts/db/${script}.ts`, ...args], {
    cwd: repoRoot,
    env: { ...rest, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  return new Promise<Ran>((resolve) => child.once('close', (code) => resolve({ code, out })));
}

// each test runs the operator's commands as processes (node, pg_dump, pg_restore, psql): a few
// seconds each, 25 s for a test at a load average of 19 on 2 cores, more beyond that (measured)
const commandsTimeout = 90_000;

const rowsIn = (snapshot: TableSnapshot) => Object.values(snapshot).reduce((n, t) => n + t.rows, 0);

describe('PostgreSQL: pg_dump and pg_restore', () => {
  let source: TestDatabase;
  let before: TableSnapshot;
  const dump = join(work, 'board.dump');
  const restored = `restored_${process.pid}`;
  const adminUrl = () => inject('pgAdminUrl');
  const restoredUrl = () => databaseUrl(adminUrl(), restored);

  async function admin(statement: string) {
    const sql = postgres(adminUrl(), { max: 1, onnotice: () => {} });
    try {
      await sql.unsafe(statement);
    } finally {
      await sql.end();
    }
  }
  async function snapshotOf(url: string) {
    const handle = createDatabase({ url, maxConnections: 1 });
    try {
      return await tableSnapshot(handle);
    } finally {
      await handle.close();
    }
  }

  beforeAll(async () => {
    source = await createTestDatabase();
    await seedMunicipalities(source.handle.db);
    await seedDemo(source.handle.db);
    before = await tableSnapshot(source.handle);
  });
  afterAll(async () => {
    await source?.drop();
    await admin(`drop database if exists ${restored} with (force)`);
  });

  it(
    'backs up, and the restore into an empty database finds every row of every table',
    async () => {
      expect(rowsIn(before)).toBeGreaterThan(100);
      expect(Object.keys(before)).toContain('pgboss.job');
      const backup = await run('backup', ['--out', dump], { DATABASE_URL: source.url });
      expect(backup.code, backup.out).toBe(0);
      expect(backup.out).toContain(`backup written: ${dump}`);
      expect(readdirSync(work)).toEqual(['board.dump']); // no .partial left behind

      // the wipe: the source database is gone, a new empty one takes its place
      await source.drop();
      await admin(`create database ${restored}`);
      const restore = await run('restore', [dump], { DATABASE_URL: restoredUrl() });
      expect(restore.code, restore.out).toBe(0);
      expect(await snapshotOf(restoredUrl())).toEqual(before);
    },
    commandsTimeout,
  );

  it(
    "the restored database serves the app's login under row-level security",
    async () => {
      const app = createDatabase({ url: appDatabaseUrl(adminUrl(), restored), maxConnections: 1 });
      try {
        await assertSubjectToRowSecurity(app);
      } finally {
        await app.close();
      }
    },
    commandsTimeout,
  );

  it(
    'refuses to restore over a database that holds data, unless told to (--force)',
    async () => {
      const refused = await run('restore', [dump], { DATABASE_URL: restoredUrl() });
      expect(refused.code).toBe(1);
      expect(refused.out).toContain('is not empty');
      expect(refused.out).toContain('--force');

      await admin(`create table public.stray (id int)`); // something the backup does not hold
      const forced = await run('restore', [dump, '--force'], { DATABASE_URL: restoredUrl() });
      expect(forced.code, forced.out).toBe(0);
      expect(await snapshotOf(restoredUrl())).toEqual(before); // replaced, not added to
    },
    commandsTimeout,
  );

  it(
    'a damaged backup changes nothing, even with --force',
    async () => {
      const damaged = join(work, 'damaged.dump');
      const whole = readFileSync(dump);
      writeFileSync(damaged, whole.subarray(0, Math.floor(whole.length * 0.6)));
      const result = await run('restore', [damaged, '--force'], { DATABASE_URL: restoredUrl() });
      expect(result.code).toBe(1);
      expect(result.out).toContain('nothing was changed');
      expect(await snapshotOf(restoredUrl())).toEqual(before);
    },
    commandsTimeout,
  );

  it(
    'says why when the server cannot be reached, and leaves no file',
    async () => {
      const unreachable = await run('backup', ['--out', join(work, 'x.dump')], {
        DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nothing',
      });
      expect(unreachable.code).toBe(1);
      expect(unreachable.out).toContain('pg_dump failed');
      expect(existsSync(join(work, 'x.dump')) || existsSync(join(work, 'x.dump.partial'))).toBe(false);
    },
    commandsTimeout,
  );

  it(
    'says why on a file that is no backup, and on bad arguments',
    async () => {
      const notBackup = join(work, 'notes.txt');
      writeFileSync(notBackup, 'hello');
      const [wrong, noFile] = await Promise.all([
        run('restore', [notBackup], { DATABASE_URL: restoredUrl() }),
        run('restore', [], { DATABASE_URL: restoredUrl() }),
      ]);
      expect(wrong.code).toBe(1);
      expect(wrong.out).toContain('is not a backup made by pnpm db:backup');
      expect(noFile.code).toBe(2);
      expect(noFile.out).toContain('usage: pnpm db:restore FILE [--force]');
    },
    commandsTimeout,
  );
});

// PGlite opens its data folder in WASM: seconds each time, a minute on a busy 2-core machine
// (tests/src/harness/production-server.ts measured minutes for a first start)
describe('PGlite: the data folder, saved and loaded by PGlite itself', () => {
  const dataDir = join(work, 'pglite');
  const archive = join(work, 'board-pglite.tar.gz');
  let before: TableSnapshot;

  async function snapshotOf(dir: string) {
    const handle = createDatabase({ dataDir: dir });
    try {
      return await tableSnapshot(handle);
    } finally {
      await handle.close();
    }
  }

  beforeAll(async () => {
    const handle = createDatabase({ dataDir });
    try {
      await migrateDatabase(handle);
      await seedMunicipalities(handle.db);
      await seedDemo(handle.db);
      before = await tableSnapshot(handle);
    } finally {
      await handle.close();
    }
  }, 240_000);

  it('backs up, and the restore into the wiped folder finds every row of every table', async () => {
    expect(rowsIn(before)).toBeGreaterThan(100);
    const backup = await run('backup', ['--out', archive], { PGLITE_DATA_DIR: dataDir });
    expect(backup.code, backup.out).toBe(0);
    expect(existsSync(`${archive}.partial`)).toBe(false);

    rmSync(dataDir, { recursive: true });
    const restore = await run('restore', [archive], { PGLITE_DATA_DIR: dataDir });
    expect(restore.code, restore.out).toBe(0);
    expect(await snapshotOf(dataDir)).toEqual(before);
  }, 240_000);

  it('refuses a folder that holds a database, and with --force keeps the old one beside it', async () => {
    const refused = await run('restore', [archive], { PGLITE_DATA_DIR: dataDir });
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('--force');

    const forced = await run('restore', [archive, '--force'], { PGLITE_DATA_DIR: dataDir });
    expect(forced.code, forced.out).toBe(0);
    const kept = /kept in (\S+);/.exec(forced.out)?.[1];
    expect(kept && existsSync(join(kept, 'PG_VERSION'))).toBe(true);
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
  }, 240_000);

  it('refuses a PostgreSQL backup for the embedded database, and the other way round', async () => {
    const wrongEngine = await run('restore', [archive], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/x' });
    expect(wrongEngine.code).toBe(1);
    expect(wrongEngine.out).toContain('is a backup of the embedded database');
  });
});
