import { arrayLiteral, benchPausedCodes } from './generate-words.ts';
import type { Load } from './generate-load.ts';
import { requestTemplates } from './templates.ts';

/** The request texts and their search tokens, computed once with the app's own code (temp table bench_templates). */
export async function fillTemplates({ c, steps }: Load): Promise<number> {
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
  return templates.length;
}

/**
 * A plan per help request (state, times, slots, matches; temp table bench_req), made before any
 * request is written. Answers how many extra (not accepted) applications to make per unit of
 * a plan's weight `w`, so that all applications together come to about `n.applications`.
 */
export async function planRequests({ c, n, nowLit, threeYears, run }: Load, templateCount: number): Promise<number> {
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
              floor(random() * ${templateCount})::int as t,
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
  return extraFactor;
}

/**
 * The help requests of the plan, with their templates' texts. The load skips triggers, so it adds
 * the municipality's and the category's search tokens itself, as the trigger would (migration 0043).
 */
export async function fillRequests({ nowLit, run }: Load): Promise<void> {
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
     r.matched, search_tokens_placed(tp.tokens, r.muni, tp.category::text),
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
}
