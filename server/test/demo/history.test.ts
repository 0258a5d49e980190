import { rowsOf, type Database } from '@board/db';
import { demoActiveCodes } from '@board/db/seed/municipalities';
import { seedDemo, seedMunicipalities } from '@board/db/seed/seed';
import { requestStatuses } from '@board/shared';
import { createTestDatabase, type TestDatabase } from '@board/tests/harness/test-database';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { seedDemoHistory } from '../../src/demo/history.ts';
import { planStories, storyEndings, type StoryEnding } from '../../src/demo/stories.ts';

/**
 * The demo history (`scripts/start`): about sixty requests in every state over a year, played
 * through the services on real PostgreSQL and moved into the past, with every moment in order.
 */
let db: TestDatabase;
let owner: Database;
let seededAt: Date;
const rows = async <T>(query: ReturnType<typeof sql>) => rowsOf<T>(await owner.execute(query));
const day = 86_400_000;

beforeAll(async () => {
  db = await createTestDatabase();
  owner = db.handle.db;
  await seedMunicipalities(owner);
  await seedDemo(owner);
  seededAt = new Date();
  await seedDemoHistory(owner, loadConfig({ NODE_ENV: 'test' }), Fastify({ logger: false }).log);
}, 600_000);
afterAll(async () => db?.drop());

/** the request status each story ends in */
const statusOf: Record<StoryEnding, string> = {
  draft: 'draft',
  pending_review: 'pending_review',
  changes_requested: 'changes_requested',
  rejected: 'rejected',
  withdrawn: 'withdrawn',
  published: 'published',
  published_with_match: 'published',
  filled: 'filled',
  done: 'filled',
  completed: 'completed',
  closed: 'closed',
  expired: 'expired',
};

describe('demo history', () => {
  it('has about sixty requests in every state, in all fourteen demo wards, as planned', async () => {
    const plan = planStories();
    expect(plan.length).toBeGreaterThanOrEqual(55);
    expect(new Set(plan.map((s) => s.ending))).toEqual(new Set(storyEndings));
    const expected = new Map<string, number>();
    for (const s of plan) expected.set(statusOf[s.ending], (expected.get(statusOf[s.ending]) ?? 0) + 1);

    const all = await rows<{ status: string; count: number }>(
      sql`select status, count(*)::int as count from help_requests group by status`,
    );
    expect(new Set(all.map((r) => r.status))).toEqual(new Set(requestStatuses));
    // the base demo's seven requests stay; the history adds exactly its plan
    const total = all.reduce((n, r) => n + r.count, 0);
    expect(total).toBe(plan.length + 7);
    for (const [status, n] of expected) {
      expect(all.find((r) => r.status === status)?.count, status).toBeGreaterThanOrEqual(n);
    }

    const wards = await rows<{ code: string }>(sql`select distinct municipality_code as code from help_requests`);
    expect(new Set(wards.map((w) => w.code))).toEqual(new Set(demoActiveCodes));
  });

  it('has matches at every stage, with messages, thanks both ways, ratings and invitations', async () => {
    const [stages] = await rows<Record<string, number>>(sql`
      select count(*) filter (where status = 'pending')::int as pending,
             count(*) filter (where status = 'declined')::int as declined,
             count(*) filter (where status = 'accepted' and completed_at is null)::int as matched,
             count(*) filter (where completed_at is not null and confirmed_at is null)::int as done,
             count(*) filter (where confirmed_at is not null)::int as confirmed,
             count(*) filter (where origin = 'invitation')::int as invited
      from applications`);
    expect(stages).toMatchObject({
      pending: expect.any(Number),
      declined: expect.any(Number),
      matched: expect.any(Number),
    });
    for (const [stage, n] of Object.entries(stages!)) expect(n, stage).toBeGreaterThan(0);
    expect(stages!.confirmed).toBeGreaterThanOrEqual(18);

    const [other] = await rows<Record<string, number>>(sql`
      select (select count(*) from messages)::int as messages,
             (select count(*) from thanks where to_volunteer)::int as "toVolunteer",
             (select count(*) from thanks where not to_volunteer)::int as "toAssociation",
             (select count(*) from ratings)::int as ratings,
             (select count(*) from help_invitations where status = 'open')::int as "openInvitations",
             -- still open after the first start's sweep: sent within the 14 days, on a request taking hands
             (select count(*) from help_invitations i join help_requests r on r.id = i.request_id
              where i.status = 'open' and i.created_at > now() - interval '13 days' and r.status = 'published'
                and r.matched_count < r.slots)::int as "liveInvitations"`);
    for (const [kind, n] of Object.entries(other!)) expect(n, kind).toBeGreaterThan(0);
    expect(other!.ratings).toBe(stages!.confirmed);
    expect(other!.liveInvitations).toBeGreaterThanOrEqual(3);
  });

  it('spreads over a year and keeps every moment in order: posted ≤ submitted ≤ published ≤ hand ≤ accepted ≤ done ≤ confirmed ≤ thanks ≤ now', async () => {
    const [span] = await rows<{ oldest: string; months: number }>(sql`
      select min(created_at)::text as oldest, count(distinct date_trunc('month', created_at))::int as months
      from help_requests`);
    expect(seededAt.getTime() - Date.parse(span!.oldest)).toBeGreaterThan(300 * day);
    expect(span!.months).toBeGreaterThanOrEqual(10);

    const disorder = await rows<{ what: string; id: string }>(sql`
      select 'published before posted' as what, id::text from help_requests where published_at < created_at
      union all
      select 'changed before posted', id::text from help_requests where updated_at < created_at
      union all
      select 'submitted before posted', r.id::text from help_requests r
        join audit_log a on a.subject_id = r.id::text and a.action = 'request.submit' where a.at < r.created_at
      union all
      select 'published before submitted', r.id::text from help_requests r
        join audit_log a on a.subject_id = r.id::text and a.action = 'request.submit' where r.published_at < a.at
      union all
      select 'hand before published', p.id::text from applications p join help_requests r on r.id = p.request_id
        where r.published_at is null or p.created_at < r.published_at
      union all
      select 'hand after deadline', p.id::text from applications p join help_requests r on r.id = p.request_id
        where p.created_at > r.application_deadline
      union all
      select 'accepted before hand', id::text from applications where decided_at < created_at
      union all
      select 'done before accepted', id::text from applications where completed_at < decided_at
      union all
      select 'confirmed before done', id::text from applications where confirmed_at < completed_at
      union all
      select 'message before match', m.id::text from messages m join applications p on p.id = m.application_id
        where m.created_at < p.decided_at
      union all
      select 'thanks before done', t.id::text from thanks t join applications p on p.id = t.application_id
        where t.created_at < p.completed_at
      union all
      select 'completed before its last confirmation', r.id::text from help_requests r
        join applications p on p.request_id = r.id where r.status = 'completed' and r.updated_at < p.confirmed_at
      union all
      select 'expired before its deadline', id::text from help_requests
        where status = 'expired' and updated_at < application_deadline
      union all
      select 'open with its deadline passed', id::text from help_requests
        where status = 'published' and application_deadline <= now()
      union all
      select 'in the future', id::text from audit_log where at > now()
      union all
      select 'in the future', id::text from applications
        where greatest(created_at, decided_at, completed_at, confirmed_at) > now()`);
    expect(disorder).toEqual([]);
  });

  it('tells each step of a finished match in the audit log, in order', async () => {
    const steps = await rows<{ request: string; actions: string[] }>(sql`
      select r.id::text as request, array_agg(a.action order by a.at) as actions
      from help_requests r join audit_log a
        on a.subject_id = r.id::text or a.subject_id in (select id::text from applications where request_id = r.id)
      where r.status = 'completed' and r.created_at < now() - interval '20 days'
        and a.action in ('request.submit', 'request.approve', 'match.accept', 'match.complete', 'match.confirm')
      group by r.id`);
    expect(steps.length).toBeGreaterThanOrEqual(18);
    for (const { actions } of steps) {
      expect(actions.slice(0, 3)).toEqual(['request.submit', 'request.approve', 'match.accept']);
      expect(actions.at(-1)).toBe('match.confirm');
    }
  });

  it('has a few case stories, public, one featured, each written after its match was confirmed', async () => {
    const stories = await rows<{ public: boolean; featured: boolean; in_order: boolean; consent: string }>(sql`
      select s.status = 'approved' and s.volunteer_consent <> 'pending' as public,
        s.featured_at is not null as featured, s.volunteer_consent::text as consent,
        a.confirmed_at < s.created_at and s.created_at < s.approved_at and s.approved_at < now() as in_order
      from stories s join applications a on a.id = s.application_id`);
    expect(stories.length).toBeGreaterThanOrEqual(3);
    expect(stories.every((s) => s.public && s.in_order)).toBe(true);
    expect(stories.filter((s) => s.featured)).toHaveLength(1);
    expect(new Set(stories.map((s) => s.consent))).toEqual(new Set(['named', 'anonymous']));
  });
});
