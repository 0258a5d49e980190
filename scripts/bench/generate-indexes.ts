import { stepRunner, type Load } from './generate-load.ts';

/**
 * Runs `load` without the secondary indexes of the two big tables, then builds them once (same
 * definitions) and vacuums; when the load fails, the indexes are restored before the error goes on.
 */
export async function withoutSecondaryIndexes(
  { c, sql, run, steps, log }: Load,
  load: () => Promise<void>,
): Promise<void> {
  // Drop the secondary indexes of the two big tables; build them once after the load (same definitions).
  const indexes = await c.unsafe<{ name: string; table: string; def: string }>(
    `select indexname as name, tablename as table, indexdef as def from pg_indexes
     where schemaname = 'public' and tablename in ('help_requests', 'applications')
       and indexname not in (select conname from pg_constraint)`,
  );
  await run('drop secondary indexes', indexes.map((i) => `drop index ${i.name};`).join('\n') || 'select 1');
  // whatever happens next, the schema's indexes must come back (a later run would not know them)
  const restoreIndexes = async () => {
    for (const i of indexes)
      await sql
        .unsafe(i.def.replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX IF NOT EXISTS '))
        .catch((err: unknown) => {
          log(`could not restore ${i.name}: ${String(err)}`);
        });
  };
  try {
    await load();
    // Rebuild the dropped indexes (the unique one re-checks one live application per volunteer)
    // and vacuum (hint bits, visibility map: the state a live database is in), on two connections
    // at once: the GIN index on search tokens alone takes about as long as all the others.
    const onConnection = async (work: (run2: (step: string, query: string) => Promise<void>) => Promise<void>) => {
      const p = await sql.reserve();
      try {
        await p.unsafe(`set maintenance_work_mem = '1GB'; set max_parallel_maintenance_workers = 1`);
        await work(stepRunner(p, steps, log));
      } finally {
        p.release();
      }
    };
    const isGin = (i: { def: string }) => / using gin /i.test(i.def);
    const t1 = Date.now();
    await Promise.all([
      onConnection(async (run2) => {
        for (const i of indexes.filter((i) => isGin(i))) await run2(`index ${i.name}`, i.def);
        // waits for the other connection's btree builds on help_requests (lock), then runs
        await run2('vacuum analyze help_requests', 'vacuum (analyze) help_requests');
      }),
      onConnection(async (run2) => {
        for (const table of ['help_requests', 'applications'])
          for (const i of indexes.filter((i) => !isGin(i) && i.table === table)) await run2(`index ${i.name}`, i.def);
        await run2('vacuum analyze applications', 'vacuum (analyze) applications');
      }),
    ]);
    steps.push({ step: 'indexes and vacuum (two connections)', seconds: (Date.now() - t1) / 1000 });
    log(`  indexes and vacuum, wall time: ${((Date.now() - t1) / 1000).toFixed(1)} s`);
  } catch (err) {
    log('generation failed after dropping indexes: restoring them');
    await restoreIndexes();
    throw err;
  }
}
