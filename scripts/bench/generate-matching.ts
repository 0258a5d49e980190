import { availabilitySlots, categoryKeys, skills } from '@board/shared';
import { arrayLiteral } from './generate-words.ts';
import type { Load } from './generate-load.ts';

/**
 * Structured volunteer profiles and request skills for the suggestions (issue 10), set-based:
 *   every volunteer 1–4 skills of the vocabulary (one in five can teach the first), mostly in two
 *   categories of their own; 3–9 free slots a week; 2 in 5 agree to be suggested; a quarter help
 *   online; the areas the people step gave them (one live municipality) plus a neighbour for some.
 *   every request 1–2 skills of its category.
 * Skill keys are picked by index into arrays per category (`bench_cat_skills`), so a request and
 * a volunteer meet exactly as often as their categories do.
 */
export async function fillMatching({ n, run }: Load): Promise<void> {
  const perCategory = categoryKeys.map((category) => skills.filter((s) => s.category === category).map((s) => s.key));
  await run(
    'skills vocabulary by category (temp)',
    `create temp table bench_cat_skills (c int primary key, category text, keys text[], n int);
     insert into bench_cat_skills values ${categoryKeys
       .map((category, i) => {
         const keys = perCategory[i]!.length > 0 ? perCategory[i]! : ['other'];
         return `(${i + 1}, '${category}', ${arrayLiteral(keys)}, ${keys.length})`;
       })
       .join(',')};`,
  );
  await run(
    'volunteer skills',
    `insert into volunteer_skills (user_id, skill_key, level)
     select distinct on (v.id, s.key) v.id, s.key, (case when k = 0 and i % 5 = 0 then 'teach' else 'can' end)::skill_level
     from generate_series(1, ${n.volunteers}) i
     cross join lateral (select pg_temp.bench_uuid('vol-' || i) as id) v
     cross join lateral generate_series(0, i % 4) k
     cross join lateral (
       select c.keys[1 + ((i * 7 + k * 13) % c.n)] as key
       from bench_cat_skills c
       -- two home categories per volunteer (as the people step gave them), the odd skill elsewhere
       where c.c = 1 + (case when k = 3 then (i * 5) % 12 when k % 2 = 0 then i % 12 else (i / 12) % 12 end)
     ) s
     order by v.id, s.key`,
  );
  await run(
    'volunteer profiles: slots, consent, online, hours',
    `update volunteer_profiles p set
       availability_slots = array(
         select (${arrayLiteral(availabilitySlots)})[1 + ((x.i * 11 + s * 5) % ${availabilitySlots.length})]
         from generate_series(0, 2 + x.i % 7) s group by 1 order by 1),
       suggestable = x.i % 5 < 2,
       online_ok = x.i % 4 = 0,
       hours_per_month = 2 + (x.i % 5) * 2
     from (select i, pg_temp.bench_uuid('vol-' || i) as id from generate_series(1, ${n.volunteers}) i) x
     where p.user_id = x.id`,
  );
  await run(
    'request skill keys',
    `update help_requests h set skill_keys = array(
       select distinct c.keys[1 + ((abs(hashtext(h.id::text)) + k * 3) % c.n)]
       from bench_cat_skills c, generate_series(0, abs(hashtext(h.id::text)) % 2) k
       where c.category = h.category::text)`,
  );
  await run('drop bench_cat_skills', 'drop table bench_cat_skills');
}

/**
 * The copies of skills and record each profile keeps (migration 0037), which the triggers do not
 * write while loading: by the same functions the triggers call. Run once the indexes are back
 * (each call reads a volunteer's applications by index; without it, 100,000 scans of them).
 */
export async function fillProfileCopies({ run }: Load): Promise<void> {
  await run(
    'volunteer profiles: copies of skills and record',
    `update volunteer_profiles p set
       skill_keys = s.keys,
       skills = s.levels,
       completed_helps = r.completed,
       helps_by_category = r.by_category,
       thanks_received = r.thanks,
       open_matches = r.open
     from volunteer_profiles x
     cross join lateral volunteer_skills_of(x.user_id) s
     cross join lateral volunteer_record_of(x.user_id) r
     where p.user_id = x.user_id`,
  );
}
