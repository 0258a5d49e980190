import { applicationMessages, arrayLiteral } from './generate-words.ts';
import type { Load } from './generate-load.ts';

function coprimeStride(n: number): number {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  let stride = 7919;
  while (gcd(stride, n) !== 1) stride += 2;
  return stride % n || 1;
}

/** Applications: `matched` accepted ones per request, plus extras (pending / declined / withdrawn). */
export async function fillApplications({ n, nowLit, run }: Load, extraFactor: number): Promise<void> {
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
}
