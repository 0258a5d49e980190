import { tokyoMunicipalities } from '@board/db/seed/municipalities';
import {
  arrayLiteral,
  benchActiveCodes,
  benchPausedCodes,
  chome,
  givenNames,
  lit,
  noModerationCodes,
  surnames,
  towns,
} from './generate-words.ts';
import type { Load } from './generate-load.ts';

/**
 * The municipalities' statuses and the associations, spread over them by weight in contiguous
 * ranges of association numbers (temp tables bench_muni, bench_assoc, bench_live).
 */
export async function fillAssociations({ n, nowLit, threeYears, run }: Load): Promise<void> {
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
}

/** People: volunteers, one officer per association, staff of the live municipalities, foundation. */
export async function fillPeople({ n, nowLit, threeYears, run }: Load): Promise<void> {
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
     insert into volunteer_profiles (user_id, interest_categories, municipality_codes, languages, online_ok, availability, updated_at)
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
}
