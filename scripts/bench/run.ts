import type { DatabaseHandle } from '@board/db';
import { countRequests } from './board-app.ts';
import { generate } from './generate.ts';
import { benchReport, type BenchReport } from './report.ts';
import { benchScale, openDatabase, openTarget, sqlOf, type BenchTarget, type SqlClient } from './target.ts';

export interface BenchRun extends BenchReport {
  target: BenchTarget;
  handle: DatabaseHandle;
  sql: SqlClient;
}

/**
 * The start of a measuring script: the target database (DATABASE_URL, else a throwaway cluster
 * generated at SCALE first), refused when it has no help requests, and a report to write lines to.
 * The caller closes `handle` and stops `target` in a `finally`.
 */
export async function startBenchRun(): Promise<BenchRun> {
  const target = await openTarget();
  const handle = await openDatabase(target.url);
  const { report, say } = benchReport();
  const sql = sqlOf(handle);
  try {
    if (target.throwaway) await generate(sql, benchScale());
    else if ((await countRequests(sql)) === 0)
      throw new Error('The database has no help requests: run pnpm bench:generate first.');
  } catch (err) {
    await handle.close();
    await target.stop();
    throw err;
  }
  return { target, handle, sql, report, say };
}
