import { fileURLToPath } from 'node:url';
import { withoutSecondaryIndexes } from './generate-indexes.ts';
import { stepRunner, type Load } from './generate-load.ts';
import { fillAssociations, fillPeople } from './generate-people.ts';
import { fillApplications } from './generate-applications.ts';
import { fillMatching, fillProfileCopies } from './generate-matching.ts';
import { fillRequests, fillTemplates, planRequests } from './generate-requests.ts';
import { lit, tokyoScale } from './generate-words.ts';
import { benchScale, openDatabase, openTarget, sqlOf, type ReservedClient, type SqlClient } from './target.ts';

/**
 * `pnpm bench:generate`: fills a PostgreSQL database at Tokyo scale with set-based SQL
 * (INSERT … SELECT generate_series), in a few minutes on 2 cores:
 *   62 municipalities (20 active, 2 paused), 9,000 associations, 100,000 volunteers,
 *   1,000,000 help requests over three years in every state, 3,000,000 applications.
 * SCALE multiplies every count but the municipalities (SCALE=0.01 for development).
 * DATABASE_URL picks the server; without it a throwaway local cluster is started, kept until
 * Ctrl-C so the other bench scripts can use it, then removed.
 * The database must have no help requests yet, unless BENCH_REPLACE=1 (which empties the board's tables).
 *
 * The steps live beside this file: generate-people (municipalities, associations, people),
 * generate-requests (templates, the plan, the requests), generate-applications, generate-indexes
 * (the load runs without secondary indexes), generate-words (sizes, names, SQL literals).
 */

export { benchActiveCodes, benchPausedCodes, tokyoScale } from './generate-words.ts';

export interface GenerateResult {
  counts: Record<string, number>;
  seconds: number;
  steps: Load['steps'];
}

/** Fills the database behind `sql` (migrated, municipalities seeded). */
export async function generate(sql: SqlClient, scale: number, log = console.log): Promise<GenerateResult> {
  const n = {
    associations: Math.max(50, Math.round(tokyoScale.associations * scale)),
    volunteers: Math.max(200, Math.round(tokyoScale.volunteers * scale)),
    requests: Math.max(1_000, Math.round(tokyoScale.requests * scale)),
    applications: Math.max(3_000, Math.round(tokyoScale.applications * scale)),
  };
  const started = Date.now();
  const steps: GenerateResult['steps'] = [];
  const c: ReservedClient = await sql.reserve();
  const run = stepRunner(c, steps, log);
  try {
    const [{ count: existing }] = (await c.unsafe<{ count: number }>(
      'select count(*)::int as count from (select 1 from help_requests limit 1) x',
    )) as [{ count: number }];
    if (existing > 0) {
      if (process.env.BENCH_REPLACE !== '1')
        throw new Error(
          'The database already has help requests. Set BENCH_REPLACE=1 to empty the board and regenerate.',
        );
      await run(
        'empty the board (BENCH_REPLACE=1)',
        `truncate help_requests, applications, messages, thanks, ratings, flags, associations, role_assignments,
           volunteer_profiles, users cascade`,
      );
    }
    const [{ superuser }] = (await c.unsafe<{ superuser: boolean }>(
      'select rolsuper as superuser from pg_roles where rolname = current_user',
    )) as [{ superuser: boolean }];
    const now = new Date();
    const nowLit = `${lit(now.toISOString())}::timestamptz`;
    const threeYears = 3 * 365;
    log(
      `generating: ${n.associations} associations, ${n.volunteers} volunteers, ${n.requests} requests, ` +
        `~${n.applications} applications (scale ${scale})`,
    );

    // Session settings for a bulk load. FK triggers are skipped (session_replication_role) when we
    // may: every reference is made consistent by construction; the constraints stay declared.
    await c.unsafe(`set synchronous_commit = off;
      set work_mem = '256MB';
      set maintenance_work_mem = '1GB';
      set temp_buffers = '1GB';
      set max_parallel_maintenance_workers = 2;
      set jit = off;
      select setseed(0.2026);`);
    // deterministic ids every table can compute from a name (md5, with the version-4 and variant
    // bits set: the API validates ids as RFC 9562 UUIDs)
    await c.unsafe(`create function pg_temp.bench_uuid(text) returns uuid immutable language sql
      as $$ select overlay(overlay(md5($1) placing '4' from 13) placing '8' from 17)::uuid $$`);
    if (superuser) await c.unsafe(`set session_replication_role = replica`);
    const load: Load = { sql, c, n, nowLit, threeYears, run, steps, log };

    await fillAssociations(load);
    await fillPeople(load);
    const templateCount = await fillTemplates(load);
    const extraFactor = await planRequests(load, templateCount);
    await withoutSecondaryIndexes(load, async () => {
      await fillRequests(load);
      await fillApplications(load, extraFactor);
      await fillMatching(load);
      if (superuser) await c.unsafe(`set session_replication_role = origin`);
    });
    await fillProfileCopies(load);

    // Integrity checks the schema cannot make on its own.
    const [check] = (await c.unsafe<{ over: number; wrong: number }>(
      `select (select count(*) from help_requests where matched_count > slots)::int as over,
              (select count(*) from help_requests h
                 left join (select request_id, count(*) as accepted from applications where status = 'accepted' group by 1) a
                   on a.request_id = h.id
                 where h.matched_count <> coalesce(a.accepted, 0))::int as wrong`,
    )) as [{ over: number; wrong: number }];
    if (check.over || check.wrong)
      throw new Error(
        `generated data is inconsistent: ${check.over} over slots, ${check.wrong} matched_count mismatches`,
      );

    // the profiles' copies were written after the vacuum step: vacuum them too, or the first runs
    // measure 100,000 dead rows and a pending GIN list until autovacuum comes (session 17)
    await run('vacuum analyze volunteer_profiles', 'vacuum (analyze) volunteer_profiles');
    await run('analyze', 'analyze');
    await c.unsafe('drop table bench_req, bench_templates, bench_live, bench_assoc, bench_muni');

    const countRows = await c.unsafe<{ name: string; count: number }>(
      `select 'municipalities (active)' as name, count(*)::int as count from municipalities where status = 'active'
       union all select 'associations', count(*)::int from associations
       union all select 'users', count(*)::int from users
       union all select 'volunteers', count(*)::int from role_assignments where role = 'volunteer'
       union all select 'help_requests', count(*)::int from help_requests
       union all select 'help_requests on the board (published or filled, not hidden)', count(*)::int from help_requests where status in ('published', 'filled') and hidden_at is null
       union all select 'applications', count(*)::int from applications`,
    );
    const counts = Object.fromEntries(countRows.map((r) => [r.name, r.count]));
    const seconds = (Date.now() - started) / 1000;
    log(`generated in ${seconds.toFixed(0)} s: ${JSON.stringify(counts)}`);
    return { counts, seconds, steps };
  } finally {
    c.release();
  }
}

/** State and size summary for the report. */
export async function describeData(
  sql: SqlClient,
): Promise<{ statuses: Record<string, number>; sizes: Record<string, string> }> {
  const statuses = await sql.unsafe<{ status: string; count: number }>(
    'select status::text, count(*)::int as count from help_requests group by 1 order by 2 desc',
  );
  const sizes = await sql.unsafe<{ name: string; size: string }>(
    `select c.relname as name, pg_size_pretty(pg_total_relation_size(c.oid)) as size
     from pg_class c where c.relname in ('help_requests', 'applications', 'users') and c.relkind = 'r'
     union all select 'database', pg_size_pretty(pg_database_size(current_database()))`,
  );
  return {
    statuses: Object.fromEntries(statuses.map((r) => [r.status, r.count])),
    sizes: Object.fromEntries(sizes.map((r) => [r.name, r.size])),
  };
}

export function requestsAreGenerated(count: number, scale: number): boolean {
  return count >= tokyoScale.requests * scale * 0.99;
}

// CLI
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const scale = benchScale();
  const target = await openTarget();
  const handle = await openDatabase(target.url, 4);
  try {
    await generate(sqlOf(handle), scale);
    console.log(JSON.stringify(await describeData(sqlOf(handle)), null, 2));
  } catch (err) {
    await handle.close();
    await target.stop();
    throw err;
  }
  await handle.close();
  if (target.throwaway) {
    console.log(
      `\nThe cluster stays up until Ctrl-C. In another shell:\n  DATABASE_URL=${target.url} pnpm bench:explain\n  DATABASE_URL=${target.url} pnpm bench:board`,
    );
    setInterval(() => {}, 1 << 30); // the signal handler in target.ts stops the cluster
  }
}
