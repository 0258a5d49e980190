import { tokyoMonthOf, type Actor } from '@board/shared';
import { refreshFigures } from '@board/server/modules/figures/refresh';
import { getOpenData, getStatistics } from '@board/server/modules/figures/service';
import { contextFor } from '@board/server/services/context';
import { buildBoardApp, waitForIdle } from './board-app.ts';
import { describeData } from './generate.ts';
import { percentile, saveReport, sayHeading } from './report.ts';
import { startBenchRun } from './run.ts';

/**
 * `pnpm bench:figures`: the figures (issue 12) at Tokyo scale. First every rollup recomputed from
 * the requests and applications, timed once, then the `refresh-figures` job's usual work (the
 * months written since: here this month and the last); then
 * getStatistics and getOpenData as the service functions (one transaction each, under row-level
 * security), BENCH_FIGURES_N (50) times each after a warm-up: p50 / p95 / max ms. Aim: p95 ≤ 200 ms.
 * DATABASE_URL: a generated database; without it a throwaway cluster is generated at SCALE first.
 * BENCH_OUT=file writes the report there too.
 */

const n = Number(process.env.BENCH_FIGURES_N ?? 50);
const aimP95 = 200;

async function time(work: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1)! };
}

const { target, handle, sql, report, say } = await startBenchRun();
try {
  const { app } = await buildBoardApp(handle, { JOB_WORKERS: '0' });
  await waitForIdle(sql);
  const data = await describeData(sql);
  sayHeading(say, 'bench:figures');
  say(`data: ${JSON.stringify(data.statuses)}; sizes ${JSON.stringify(data.sizes)}`);

  const started = Date.now();
  // BENCH_FIGURES_FULL=0: keep the rollups a previous run computed (only the months written since)
  if (process.env.BENCH_FIGURES_FULL !== '0') await refreshFigures(app, true);
  const [rows] = await sql.unsafe<{ figures: number; activity: number }>(
    'select (select count(*)::int from monthly_figures) as figures, (select count(*)::int from monthly_activity) as activity',
  );
  say(
    `refresh of every month: ${((Date.now() - started) / 1000).toFixed(1)} s → ${rows!.figures} monthly_figures rows, ${rows!.activity} monthly_activity rows`,
  );
  // what an hour's writes usually note (triggers on requests and applications): this month and the last
  await sql.unsafe(
    `insert into figures_changes (month) select date_trunc('month', now() at time zone 'Asia/Tokyo' - m * interval '1 month')::date from generate_series(0, 1) m`,
  );
  const incremental = Date.now();
  const months = await refreshFigures(app);
  say(
    `refresh of the months written since (the hourly job; ${months} months): ${((Date.now() - incremental) / 1000).toFixed(1)} s`,
  );
  await sql.unsafe('analyze monthly_figures; analyze monthly_activity');
  say();

  const [busiest] = await sql.unsafe<{ code: string }>(
    `select municipality_code as code from monthly_figures where municipality_code is not null group by 1 order by sum(posted) desc limit 1`,
  );
  const foundation: Actor = {
    userId: '00000000-0000-4000-8000-000000000000',
    roles: [{ role: 'foundation_staff', municipalityCode: null, associationId: null }],
  };
  const staff: Actor = {
    userId: '00000000-0000-4000-8000-000000000001',
    roles: [{ role: 'municipal_staff', municipalityCode: busiest!.code, associationId: null }],
  };
  const to = tokyoMonthOf(new Date());
  const threeYearsAgo = `${Number(to.slice(0, 4)) - 3}${to.slice(4)}`;
  const cases: [string, () => Promise<unknown>][] = [
    ['getStatistics, all Tokyo, 12 months (foundation)', () => getStatistics(contextFor(app, foundation, app.log), {})],
    [
      'getStatistics, all Tokyo, 36 months (foundation)',
      () => getStatistics(contextFor(app, foundation, app.log), { from: threeYearsAgo, to }),
    ],
    [
      `getStatistics, ${busiest!.code}, 12 months (its staff)`,
      () => getStatistics(contextFor(app, staff, app.log), {}),
    ],
    ['getOpenData, 12 months (anyone)', () => getOpenData(contextFor(app, null, app.log), {})],
  ];
  say(`| call | p50 ms | p95 ms | max ms | aim p95 ≤ ${aimP95} ms |`);
  say('|---|---|---|---|---|');
  for (const [name, work] of cases) {
    const r = await time(work);
    say(
      `| ${name} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.max.toFixed(1)} | ${r.p95 <= aimP95 ? 'MET' : 'MISSED'} |`,
    );
  }
  saveReport(report);
  await app.close();
} finally {
  await handle.close();
  await target.stop();
}
