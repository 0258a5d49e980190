import { fileURLToPath } from 'node:url';
import { demoActiveCodes, tokyoMunicipalities } from '@board/db/seed/municipalities';
import { benchScale, openDatabase, openTarget, sqlOf, type ReservedClient, type SqlClient } from './target.ts';
import { requestTemplates } from './templates.ts';

/**
 * `pnpm bench:generate`: fills a PostgreSQL database at Tokyo scale with set-based SQL
 * (INSERT … SELECT generate_series), in a few minutes on 2 cores:
 *   62 municipalities (20 active, 2 paused), 9,000 associations, 100,000 volunteers,
 *   1,000,000 help requests over three years in every state, 3,000,000 applications.
 * SCALE multiplies every count but the municipalities (SCALE=0.01 for development).
 * DATABASE_URL picks the server; without it a throwaway local cluster is started, kept until
 * Ctrl-C so the other bench scripts can use it, then removed.
 * The database must have no help requests yet, unless BENCH_REPLACE=1 (which empties the board's tables).
 */

export const tokyoScale = {
  associations: 9_000,
  volunteers: 100_000,
  requests: 1_000_000,
  applications: 3_000_000,
};

/** the 14 of the demo plus 6 more joined; two have paused */
export const benchActiveCodes = [...demoActiveCodes, '13103', '13111', '13114', '13120', '13204', '13213'];
export const benchPausedCodes = ['13106', '13210'];
/** municipalities that turned moderation off (submit publishes at once) */
const noModerationCodes = ['13208', '13229', '13213'];

export interface GenerateResult {
  counts: Record<string, number>;
  seconds: number;
  steps: { step: string; seconds: number }[];
}

function lit(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

function coprimeStride(n: number): number {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  let stride = 7919;
  while (gcd(stride, n) !== 1) stride += 2;
  return stride % n || 1;
}

const towns = [
  '本町',
  '栄町',
  '緑町',
  '中町',
  '東町',
  '西町',
  '南町',
  '北町',
  '旭町',
  '若葉町',
  '桜台',
  '富士見町',
  '宮前',
  '大和町',
  '松原',
  '新田',
  '日の出町',
  '千歳町',
  '寿町',
  '八幡町',
  '元町',
  '泉町',
  '柳町',
  '青葉台',
  '平和台',
  '梅が丘',
  '下町',
  '上町',
  '仲宿',
  '曙町',
  '清水町',
  '昭和町',
  '稲荷町',
  '錦町',
  '幸町',
  '春日町',
  '弥生町',
  '浜町',
  '住吉',
  '亀戸',
];
const chome = ['一', '二', '三', '四', '五', '六', '七', '八'];
const surnames = [
  '佐藤',
  '鈴木',
  '高橋',
  '田中',
  '伊藤',
  '渡辺',
  '山本',
  '中村',
  '小林',
  '加藤',
  '吉田',
  '山田',
  '佐々木',
  '松本',
  '井上',
  '木村',
  '林',
  '斎藤',
  '清水',
  '山口',
];
const givenNames = [
  'さくら',
  '健',
  'みどり',
  '翔太',
  '陽菜',
  '大輔',
  '結衣',
  '誠',
  '美咲',
  '拓海',
  '花子',
  '太郎',
  '優子',
  '蓮',
  'Alex',
  'Minh',
  'Priya',
  'Li',
  'Maria',
  'Ji-woo',
];
const applicationMessages = [
  'お手伝いできます。よろしくお願いします。',
  '近所に住んでいます。土日なら動けます。',
  '仕事で同じような経験があります。ぜひ手伝わせてください。',
  '初めてですが、やってみたいです。',
  '平日の夜なら時間があります。',
  'Canvaでチラシを作ったことがあります。',
  'I can help. I speak English and a little Japanese.',
  '子どもと一緒に参加してもいいですか。',
  '車を出せます。',
  '以前も町会のお手伝いをしました。',
];

function arrayLiteral(values: readonly string[]): string {
  return `array[${values.map(lit).join(',')}]::text[]`;
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
  const run = async (step: string, query: string) => {
    const t = Date.now();
    await c.unsafe(query);
    const seconds = (Date.now() - t) / 1000;
    steps.push({ step, seconds });
    log(`  ${step}: ${seconds.toFixed(1)} s`);
  };
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

    // ---- municipalities: statuses, weights, contiguous ranges of association numbers ----
    const weight = { ward: 1.6, city: 1.0, town: 0.3, village: 0.15 } as const;
    const total = tokyoMunicipalities.reduce((s, m) => s + weight[m.kind], 0);
    let next = 1;
    const ranges = tokyoMunicipalities.map((m, index) => {
      const count =
        index === tokyoMunicipalities.length - 1
          ? n.associations - next + 1
          : Math.max(1, Math.round((n.associations * weight[m.kind]) / total));
      const range = { code: m.code, first: next, last: next + count - 1 };
      next += count;
      return range;
    });
    const status = (code: string) =>
      benchActiveCodes.includes(code) ? 'active' : benchPausedCodes.includes(code) ? 'paused' : 'onboarding';
    await run(
      'municipalities',
      `update municipalities m set status = v.status::municipality_status,
         moderation_required = not (m.code = any(${arrayLiteral(noModerationCodes)})), updated_at = ${nowLit}
       from (values ${tokyoMunicipalities.map((m) => `(${lit(m.code)}, ${lit(status(m.code))})`).join(',')}) v(code, status)
       where m.code = v.code;
       create temp table bench_muni (code text primary key, lo int, hi int, live boolean);
       insert into bench_muni values ${ranges
         .map((r) => `(${lit(r.code)}, ${r.first}, ${r.last}, ${status(r.code) !== 'onboarding'})`)
         .join(',')};`,
    );

    // ---- associations (ids are md5 of a name, so every table can compute them) ----
    await run(
      'associations',
      `create temp table bench_assoc as
         select j, m.code as muni, m.live,
                (${arrayLiteral(towns)})[1 + (j / ${chome.length}) % ${towns.length}] || (${arrayLiteral(chome)})[1 + j % ${chome.length}] || '丁目' as area
         from generate_series(1, ${n.associations}) j join bench_muni m on j between m.lo and m.hi;
       insert into associations (id, municipality_code, name, area, households, created_at)
         select pg_temp.bench_uuid('assoc-' || j), muni, area || case when j % 3 = 0 then '自治会' else '町会' end, area,
                50 + (random() * 900)::int, ${nowLit} - interval '${threeYears + 30} days' + random() * interval '${threeYears} days'
         from bench_assoc;
       -- the associations of live municipalities, in random order: requests pick from these
       create temp table bench_live as
         select row_number() over (order by md5('assoc-' || j)) as k, j, muni, area from bench_assoc where live;
       create index on bench_live (k);`,
    );

    // ---- people: volunteers, one officer per association, staff, foundation ----
    const liveCodes = [...benchActiveCodes, ...benchPausedCodes];
    await run(
      'users and role assignments',
      `insert into users (id, email, email_verified_at, display_name, language, created_at)
         select pg_temp.bench_uuid('vol-' || i), 'volunteer' || i || '@bench.example', t, 
                (${arrayLiteral(surnames)})[1 + i % ${surnames.length}] || ' ' || (${arrayLiteral(givenNames)})[1 + (i / 7) % ${givenNames.length}],
                (case when r < 0.85 then 'ja' when r < 0.93 then 'en' else 'ja-easy' end)::language, t
         from (select i, random() r, ${nowLit} - random() * interval '${threeYears} days' t
               from generate_series(1, ${n.volunteers}) i) v;
       insert into role_assignments (user_id, role, created_at)
         select pg_temp.bench_uuid('vol-' || i), 'volunteer', ${nowLit} - interval '1 day' from generate_series(1, ${n.volunteers}) i;
       insert into volunteer_profiles (user_id, skills, municipality_codes, languages, online_ok, availability, updated_at)
         select pg_temp.bench_uuid('vol-' || i),
                array[(enum_range(null::category))[1 + i % 12]::text, (enum_range(null::category))[1 + (i / 12) % 12]::text],
                array[(${arrayLiteral(liveCodes)})[1 + i % ${liveCodes.length}]],
                case when i % 10 = 0 then '{ja,en}'::text[] else '{ja}'::text[] end,
                i % 3 = 0, case when i % 2 = 0 then '土日' else '平日の夜' end, ${nowLit}
         from generate_series(1, ${n.volunteers}) i;
       insert into users (id, email, email_verified_at, display_name, language, created_at)
         select pg_temp.bench_uuid('off-' || j), 'officer' || j || '@bench.example', ${nowLit} - interval '${threeYears} days',
                area || '町会 ' || (${arrayLiteral(surnames)})[1 + j % ${surnames.length}], 'ja', ${nowLit} - interval '${threeYears} days'
         from bench_assoc;
       insert into role_assignments (user_id, role, municipality_code, association_id, created_at)
         select pg_temp.bench_uuid('off-' || j), 'officer', muni, pg_temp.bench_uuid('assoc-' || j), ${nowLit} - interval '${threeYears} days'
         from bench_assoc;
       insert into users (id, email, email_verified_at, display_name, language, created_at)
         select pg_temp.bench_uuid('staff-' || code), 'staff.' || code || '@bench.example', ${nowLit}, code || ' 地域振興課', 'ja'::language, ${nowLit}
         from bench_muni where live
         union all
         select pg_temp.bench_uuid('foundation-' || i), 'foundation' || i || '@bench.example', ${nowLit}, '財団 職員' || i, 'ja'::language, ${nowLit}
         from generate_series(1, 3) i;
       insert into role_assignments (user_id, role, municipality_code, created_at)
         select pg_temp.bench_uuid('staff-' || code), 'municipal_staff'::role, code, ${nowLit} from bench_muni where live
         union all
         select pg_temp.bench_uuid('foundation-' || i), 'foundation_staff'::role, null::text, ${nowLit} from generate_series(1, 3) i;`,
    );

    // ---- templates: texts and their search tokens, computed once with the app's own code ----
    const templates = requestTemplates().map((t, index) => ({ ...t, index }));
    const t0 = Date.now();
    await c.unsafe(
      `create temp table bench_templates (t int primary key, category category, title text, body text, skills text[], tokens text[])`,
    );
    await c.unsafe(
      `insert into bench_templates
         select (e->>'index')::int, (e->>'category')::category, e->>'title', e->>'body',
                array(select x from jsonb_array_elements_text(e->'skills') with ordinality s(x, o) order by o),
                array(select x from jsonb_array_elements_text(e->'searchTokens') with ordinality s(x, o) order by o)
         from jsonb_array_elements($1::jsonb) e`,
      [JSON.stringify(templates)],
    );
    steps.push({ step: `templates (${templates.length})`, seconds: (Date.now() - t0) / 1000 });

    // ---- help requests: a plan per request (state, times, slots) in a temp table first ----
    // i orders requests by creation time, so the heap is in time order as it would be in life.
    // Recent (last 45 days): mostly published; older: completed, expired, closed, withdrawn…
    const recentDays = 45;
    await run(
      'request plan',
      `create temp table bench_req as
       with picked as (
         select i, random() u1, random() u2, random() u3, random() u4, random() u5, random() u6, random() u7, random() u8,
                1 + floor(power(random(), 1.3) * (select count(*) from bench_live))::int as k, random() u9, random() u10,
                floor(random() * ${templates.length})::int as t,
                ${nowLit} - interval '${threeYears} days' + ((i - random()) / ${n.requests}) * interval '${threeYears} days' as created_at
         from generate_series(1, ${n.requests}) i
       ), base as (
         select p.*, l.j, l.muni, l.area, l.muni = any(${arrayLiteral(benchPausedCodes)}) as paused
         from picked p join bench_live l using (k)
       ), stated as (
         select b.*, case
           when created_at > ${nowLit} - interval '${recentDays} days' and not paused then case
             when u1 < 0.55 then 'published' when u1 < 0.63 then 'filled' when u1 < 0.71 then 'pending_review'
             when u1 < 0.77 then 'draft' when u1 < 0.80 then 'changes_requested' when u1 < 0.88 then 'completed'
             when u1 < 0.93 then 'withdrawn' when u1 < 0.95 then 'rejected' when u1 < 0.97 then 'closed' else 'expired' end
           else case
             when u1 < 0.55 then 'completed' when u1 < 0.77 then 'expired' when u1 < 0.81 then 'closed'
             when u1 < 0.89 then 'withdrawn' when u1 < 0.92 then 'rejected' when u1 < 0.96 then 'draft'
             when u1 < 0.975 then 'changes_requested' else 'filled' end
           end::request_status as status,
           case when u4 < 0.5 then 1 when u4 < 0.75 then 2 when u4 < 0.9 then 3 when u4 < 0.96 then 4 else 5 end as slots
         from base b
       ), timed as (
         select s.*,
           case when status in ('published', 'filled', 'completed', 'expired', 'closed') or (status = 'withdrawn' and u2 < 0.5)
                then least(created_at + (0.2 + 3 * u2) * interval '1 day', ${nowLit} - interval '10 minutes') end as published_at
         from stated s
       )
       select i, pg_temp.bench_uuid('req-' || i) as id, j, muni, area, t, status, slots, created_at, published_at,
         u1, u2, u3, u4, u5, u6, u7, u8, u9, u10,
         case
           when u3 < 0.05 and status not in ('published', 'expired') then null
           when status = 'published' then ${nowLit} + (1 + 44 * u3) * interval '1 day'
           when status = 'expired' then least(published_at + (7 + 38 * u3) * interval '1 day', ${nowLit} - interval '1 hour')
           when published_at is not null then published_at + (7 + 38 * u3) * interval '1 day'
           else created_at + (14 + 31 * u3) * interval '1 day'
         end as deadline,
         case
           when status in ('completed', 'filled') then slots
           when status in ('published', 'expired') then floor(u5 * slots)::int
           when status = 'closed' then floor(u5 * (slots + 1))::int
           when status = 'withdrawn' and published_at is not null then floor(u5 * slots)::int
           else 0
         end as matched,
         -- weight of extra (pending / declined / withdrawn) applications
         case status when 'published' then 2.0 when 'filled' then 2.5 when 'completed' then 2.5 when 'expired' then 1.5
           when 'closed' then 2.0 when 'withdrawn' then (case when published_at is null then 0 else 1.0 end) else 0 end * u6 as w
       from timed;
       alter table bench_req add primary key (i);
       analyze bench_req;`,
    );
    const [plan] = (await c.unsafe<{ matched: number; w: number }>(
      'select sum(matched)::float8 as matched, sum(w)::float8 as w from bench_req',
    )) as [{ matched: number; w: number }];
    const extraFactor = Math.max(0, (n.applications - plan.matched) / plan.w);

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
      await run(
        'help requests',
        `insert into help_requests (id, municipality_code, association_id, created_by, title, body, category, skills, slots,
         when_kind, starts_at, ends_at, area, exact_place, online, estimated_hours, expenses_covered, application_deadline,
         languages, matched_count, search_tokens, copied_from, hidden_at, status, status_reason, published_at, created_at, updated_at)
       select r.id, r.muni, pg_temp.bench_uuid('assoc-' || r.j), pg_temp.bench_uuid('off-' || r.j), tp.title, tp.body, tp.category, tp.skills, r.slots,
         wk.when_kind, wk.starts_at, case when wk.when_kind = 'range' then wk.starts_at + (1 + floor(r.u8 * 30)) * interval '1 day' end,
         r.area, r.area || (case when r.i % 4 = 0 then ' 町会会館' when r.i % 4 = 1 then ' 〇〇公園' when r.i % 4 = 2 then ' 集会所' else ' 会長宅' end),
         tp.category in ('it_digital', 'design_flyers', 'translation', 'pr_social') and r.u7 < 0.3,
         round((1 + 7 * r.u2)::numeric, 1), r.u5 < 0.4, r.deadline,
         case when tp.category = 'translation' then (case when r.u8 < 0.5 then '{ja,en}' else '{ja,ja-easy}' end)::text[]
              when r.u8 < 0.9 then '{ja}'::text[] when r.u8 < 0.95 then '{ja,en}'::text[] else '{ja,ja-easy}'::text[] end,
         r.matched, tp.tokens,
         case when r.u7 > 0.97 and r.i > 100 then pg_temp.bench_uuid('req-' || (r.i - 1 - floor(r.u8 * r.i * 0.5))::int) end,
         case when r.status in ('published', 'filled') and r.u8 < 0.001 then r.published_at + interval '1 day' end,
         r.status,
         case r.status when 'rejected' then '営利目的の依頼は掲載できません。'
           when 'changes_requested' then '日時と集合場所をもう少し具体的に書いてください。'
           when 'closed' then '町会からの連絡により募集を終了しました。' end,
         r.published_at, r.created_at,
         least(${nowLit}, greatest(r.created_at, coalesce(r.deadline, r.published_at, r.created_at) + interval '2 days'))
       from bench_req r
       join bench_templates tp on tp.t = r.t
       cross join lateral (select
         (case when r.u9 < 0.5 then 'at' when r.u9 < 0.7 then 'range' else 'flexible' end)::when_kind as when_kind,
         case when r.u9 < 0.7 then coalesce(r.deadline, r.created_at + interval '30 days') + (1 + floor(r.u10 * 14)) * interval '1 day' end as starts_at
       ) wk`,
      );

      // ---- applications: `matched` accepted ones, plus extras (pending / declined / withdrawn) ----
      // volunteer numbers step by a stride coprime with their count: distinct within a request, so
      // the one-live-application-per-volunteer index holds.
      const stride = coprimeStride(n.volunteers);
      await run(
        'applications',
        `insert into applications (request_id, volunteer_id, municipality_code, association_id, message, status,
         decision_note, decided_at, withdrawn_at, completed_at, confirmed_at, created_at)
       select r.id, pg_temp.bench_uuid('vol-' || (1 + (floor(r.u2 * ${n.volunteers})::bigint + a.k * ${stride}) % ${n.volunteers})),
         r.muni, pg_temp.bench_uuid('assoc-' || r.j),
         (${arrayLiteral(applicationMessages)})[1 + (r.i + a.k) % ${applicationMessages.length}],
         a.status,
         case when a.status = 'declined' then (case when r.status = 'published' then 'ほかの方に決まりました。' else '今回は見送らせてください。' end) end,
         case when a.status in ('accepted', 'declined') then least(a.created_at + interval '1 day', ${nowLit}) end,
         case when a.status = 'withdrawn' then least(a.created_at + interval '2 days', ${nowLit}) end,
         case when a.status = 'accepted' and r.status = 'completed' then least(a.done_at, ${nowLit}) end,
         case when a.status = 'accepted' and r.status = 'completed' then least(a.done_at + interval '1 day', ${nowLit}) end,
         a.created_at
       from bench_req r
       cross join lateral (
         select k,
           case when k < r.matched then 'accepted'
                when r.status = 'published' then (case when random() < 0.75 then 'pending' else 'withdrawn' end)
                else (case when random() < 0.6 then 'declined' else 'withdrawn' end)
           end::application_status as status,
           r.published_at + ((k + 0.5) / (r.matched + 4.0)) * least(coalesce(r.deadline, r.published_at + interval '14 days') - r.published_at, ${nowLit} - r.published_at) as created_at,
           coalesce(r.deadline, r.published_at) + interval '7 days' as done_at
         from generate_series(0, r.matched + floor(r.w * ${extraFactor} + r.u7)::int - 1) k
       ) a
       where r.published_at is not null`,
      );

      if (superuser) await c.unsafe(`set session_replication_role = origin`);

      // Rebuild the dropped indexes (the unique one re-checks one live application per volunteer)
      // and vacuum (hint bits, visibility map: the state a live database is in), on two connections
      // at once: the GIN index on search tokens alone takes about as long as all the others.
      const onConnection = async (work: (run2: (step: string, query: string) => Promise<void>) => Promise<void>) => {
        const p = await sql.reserve();
        try {
          await p.unsafe(`set maintenance_work_mem = '1GB'; set max_parallel_maintenance_workers = 1`);
          await work(async (step, query) => {
            const t = Date.now();
            await p.unsafe(query);
            const seconds = (Date.now() - t) / 1000;
            steps.push({ step, seconds });
            log(`  ${step}: ${seconds.toFixed(1)} s`);
          });
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
