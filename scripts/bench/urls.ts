import { createDatabase, openAppDatabase } from '@board/db';
import * as bench from './board-app.ts';
import { startBenchRun } from './run.ts';

/**
 * `pnpm bench:urls -- '/api/requests?q=…' …`: each URL through the app as it serves them (the
 * `board_app` login, prepared statements, a visitor, board cache off), eight times one after
 * another; prints the median ms and the answer's `total`. For a slow URL found by `pnpm bench:api`:
 * time it before and after a change, through the app and not only in psql (generic plans differ).
 * Same DATABASE_URL / SCALE as the other benchmarks.
 */

const urls = process.argv.slice(2).filter((arg) => arg !== '--');
if (urls.length === 0) throw new Error("usage: pnpm bench:urls -- '/api/requests?municipalities=13115&q=photo' …");
const { target, handle } = await startBenchRun();
const appHandle = await openAppDatabase(createDatabase({ url: target.url }), { ownerUrl: target.url });
try {
  const board = await bench.buildBoardApp(appHandle, { BOARD_CACHE_SECONDS: '0' });
  for (const url of urls) {
    const times: number[] = [];
    let total: number | undefined;
    for (let i = 0; i < 8; i++) {
      const start = process.hrtime.bigint();
      const res = await board.app.inject({ method: 'GET', url });
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      total = (JSON.parse(res.body) as { total?: number }).total;
    }
    times.sort((a, b) => a - b);
    const median = (times[3]! + times[4]!) / 2;
    console.log(`${median.toFixed(1).padStart(7)} ms  total ${total ?? '—'}  ${decodeURIComponent(url)}`);
  }
  await board.app.close();
} finally {
  await appHandle.close();
  await handle.close();
  await target.stop();
}
