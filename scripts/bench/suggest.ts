import type { Actor } from '@board/shared';
import { listRecommendedRequests, listSuggestedVolunteers } from '@board/server/modules/matching/service';
import { contextFor } from '@board/server/services/context';
import { buildBoardApp, isContextStatement, publishedRequestIds, waitForIdle, type Statement } from './board-app.ts';
import { explainInside, explainOne, indexesIn } from './explain.ts';
import { describeData } from './generate.ts';
import { percentile, saveReport, sayHeading } from './report.ts';
import { startBenchRun } from './run.ts';

/**
 * `pnpm bench:suggest`: the two suggestion lists (issue 10) at Tokyo scale, from the database.
 *   listRecommendedRequests for BENCH_SUGGEST_N (200) volunteers (top 20 of the board's open requests)
 *   listSuggestedVolunteers for as many published requests (top 20 of 100,000 volunteers), as the
 *   municipality's staff
 * Each is the service function (one transaction: role and claims, the candidate queries, the
 * scoring), timed sequentially after a warm-up: p50 / p95 / p99 ms. Aim: p95 ≤ 20 ms each.
 * Then EXPLAIN (ANALYZE, BUFFERS) of every statement one call sends for the subject that was
 * slowest, in its row-level-security context, and of the statements run inside the SQL functions
 * it calls (auto_explain), with a check that no plan reads a large table sequentially.
 * DATABASE_URL: a generated database; without it a throwaway cluster is generated at SCALE first.
 * BENCH_OUT=file writes the report there too.
 */

const n = Number(process.env.BENCH_SUGGEST_N ?? 200);
const aimP95 = 20;
const bigTables = /Seq Scan on (help_requests|volunteer_profiles|volunteer_skills|applications|users)\b/;

/**
 * Each subject in turn: its time, and beside it what the call spent in this process (CPU) and how
 * many statements it sent, so a slow list says whether the database or Node is the cause.
 */
async function timeAll<T>(
  subjects: T[],
  work: (s: T) => Promise<unknown>,
  capture: <R>(work: () => Promise<R>) => Promise<{ result: R; statements: unknown[] }>,
) {
  for (const s of subjects.slice(0, 10)) await work(s); // warm-up
  const times: number[] = [];
  let sizes = 0;
  let cpuMs = 0;
  let statements = 0;
  let slowest: { ms: number; subject: T } = { ms: 0, subject: subjects[0]! };
  for (const s of subjects) {
    const cpu = process.cpuUsage();
    const start = process.hrtime.bigint();
    const { result, statements: sent } = await capture(() => work(s) as Promise<{ items: unknown[] }>);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const used = process.cpuUsage(cpu);
    cpuMs += (used.user + used.system) / 1000;
    statements += sent.length;
    times.push(ms);
    if (ms > slowest.ms) slowest = { ms, subject: s };
    sizes += result.items.length;
  }
  times.sort((a, b) => a - b);
  return {
    slowest: slowest.subject,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    max: times.at(-1)!,
    meanItems: sizes / subjects.length,
    meanCpuMs: cpuMs / subjects.length,
    meanStatements: statements / subjects.length,
  };
}

const { target, handle, sql, report, say } = await startBenchRun();
try {
  const board = await buildBoardApp(handle, { BOARD_CACHE_SECONDS: '0' });
  const { app } = board;
  await waitForIdle(sql);

  const volunteers = await sql.unsafe<{ id: string }>(
    `select user_id as id from role_assignments where role = 'volunteer' order by md5(user_id::text) limit ${n}`,
  );
  const requestIds = await publishedRequestIds(sql, n * 5);
  const requests = await sql.unsafe<{ id: string; code: string }>(
    `select id, municipality_code as code from help_requests where id = any($1::uuid[]) order by md5(id::text) limit ${n}`,
    [requestIds],
  );
  const volunteerActor = (id: string): Actor => ({
    userId: id,
    roles: [{ role: 'volunteer', municipalityCode: null, associationId: null }],
  });
  const staffActor = (code: string): Actor => ({
    userId: '00000000-0000-4000-8000-000000000000',
    roles: [{ role: 'municipal_staff', municipalityCode: code, associationId: null }],
  });
  const recommend = (id: string) =>
    listRecommendedRequests(contextFor(app, volunteerActor(id), app.log), { limit: 20 });
  const suggest = (r: { id: string; code: string }) =>
    listSuggestedVolunteers(contextFor(app, staffActor(r.code), app.log), r.id, { limit: 20 });

  const data = await describeData(sql);
  const [counts] = await sql.unsafe<Record<string, number>>(
    `select (select count(*)::int from volunteer_skills) as volunteer_skills,
            (select count(*)::int from volunteer_profiles where suggestable) as suggestable,
            (select count(*)::int from board_requests b join municipalities m on m.code = b.municipality_code
               where m.status = 'active' and b.status = 'published' and b.matched_count < b.slots) as open_on_board`,
  );
  sayHeading(say, 'bench:suggest');
  say(`data: ${JSON.stringify(data.statuses)}; ${JSON.stringify(counts)}`);
  say(
    `subjects: ${volunteers.length} volunteers, ${requests.length} published requests; sequential, after 10 warm-up calls`,
  );
  say();
  const recommended = await timeAll(
    volunteers.map((v) => v.id),
    recommend,
    board.capture,
  );
  const suggested = await timeAll(requests, suggest, board.capture);
  say(
    '| list (top 20) | p50 ms | p95 ms | p99 ms | max ms | mean items | Node CPU ms / call | statements / call | aim p95 ≤ 20 ms |',
  );
  say('|---|---|---|---|---|---|---|---|---|');
  for (const [name, r] of [
    ['listRecommendedRequests (a volunteer)', recommended],
    ['listSuggestedVolunteers (a request, as staff)', suggested],
  ] as const) {
    say(
      `| ${name} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.max.toFixed(1)} | ${r.meanItems.toFixed(1)} | ${r.meanCpuMs.toFixed(1)} | ${r.meanStatements.toFixed(1)} | ${r.p95 <= aimP95 ? 'MET' : 'MISSED'} |`,
    );
  }
  say();

  // EXPLAIN of every statement one call of each sends (the slowest subject of its timing), in
  // its own transaction's context
  const explained: string[] = [];
  let seqScans = 0;
  const calls: [string, () => Promise<unknown>][] = [
    ['listRecommendedRequests (its slowest subject)', () => recommend(recommended.slowest)],
    ['listSuggestedVolunteers (its slowest subject)', () => suggest(suggested.slowest)],
  ];
  for (const [name, call] of calls) {
    const { statements } = await board.capture(call);
    // each data statement in the state its transaction had then: the role, the claims, and any
    // elevation (elevateWithin sets its flag with set_config between data statements)
    const steps: { statement: Statement; context: Statement[] }[] = [];
    let context: Statement[] = [];
    for (const s of statements.filter((x) => !/pg_catalog\./.test(x.text))) {
      if (/^\s*begin/i.test(s.text)) context = [];
      else if (isContextStatement(s.text)) {
        if (!/^\s*(commit|rollback)/i.test(s.text)) context.push(s);
      } else steps.push({ statement: s, context: [...context] });
    }
    for (const [i, { statement, context: before }] of steps.entries()) {
      const plan = await explainOne(sql, before, statement, 'custom');
      const seq = bigTables.test(plan);
      // a function's own statements do not show in its Function Scan: explain them too
      const inside = /Function Scan/.test(plan) ? await explainInside(target.url, before, statement) : [];
      const insideSeq = inside.filter((p) => bigTables.test(p)).length;
      if (seq || insideSeq) seqScans++;
      const ms = /Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? '?';
      say(
        `- ${name}, statement ${i + 1}: ${ms} ms${seq ? ' — **Seq Scan on a large table**' : ''}; ${indexesUsed(plan)}` +
          (inside.length
            ? `; inside its function(s): ${indexesUsed(inside.join('\n'))}${insideSeq ? ' — **Seq Scan on a large table**' : ''}`
            : ''),
      );
      explained.push(
        `### ${name}, statement ${i + 1}\n\n\`\`\`sql\n${statement.text}\n\`\`\`\n\n\`\`\`\n${plan}\n\`\`\`\n` +
          inside.map((p) => `\nInside (auto_explain):\n\n\`\`\`\n${p}\n\`\`\`\n`).join(''),
      );
    }
  }
  say();
  say(
    seqScans === 0
      ? 'No plan reads a large table sequentially.'
      : `${seqScans} plan(s) read a large table sequentially.`,
  );
  saveReport(report, '', ...explained);
  await app.close();
} finally {
  await handle.close();
  await target.stop();
}

/** The indexes a plan scans, by name. */
function indexesUsed(plan: string): string {
  const names = indexesIn(plan);
  return names.length ? `indexes: ${names.join(', ')}` : 'no index';
}
