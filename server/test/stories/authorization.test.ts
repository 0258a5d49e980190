import { schema } from '@board/db';
import { can, type Action, type Actor } from '@board/shared';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  actorOf,
  actorsOf,
  bearer,
  demoEmails,
  get,
  officers,
  post,
  rowCounts,
  tenantPersonas,
  tenantTargets,
  useApiApp,
  userIdOf,
} from '../kit/index.ts';
import { storyBody, storyMatch } from './scene.ts';

/**
 * Who may do what with stories: every story route × every role × a story in the actor's own and
 * in another municipality. 2xx exactly when the permissions table says so (or, for reading, when
 * the person is one of the story's sides or its overseers); otherwise 401/403/404 with nothing
 * written and nothing of the story in the answer.
 */
const t = useApiApp();
const personas = { ...tenantPersonas, theVolunteer: 'the match’s volunteer' } as const;
type Persona = keyof typeof personas;
const targets = tenantTargets;
type Target = (typeof targets)[number];
const writers: Record<Target, string> = { '13121': officers.senju, '13104': demoEmails.officerOkubo };

/** every persona's actor but the match's volunteer's, who is made per scene */
let actors: Map<Persona, Actor | null>;
beforeAll(async () => {
  actors = (await actorsOf(t, tenantPersonas)) as Map<Persona, Actor | null>;
});

interface Scene {
  matchId: string;
  storyId: string | null;
  municipalityCode: Target;
  associationId: string;
  volunteer: Record<string, string>;
  volunteerActor: Actor;
}

/** A confirmed match in `target`, with a story in `stage` (none: no story yet). */
async function scene(target: Target, stage: 'none' | 'review' | 'public'): Promise<Scene> {
  const match = await storyMatch(t, { municipalityCode: target });
  const volunteerActor = (await actorOf(t, match.volunteerId))!;
  const base = { matchId: match.id, municipalityCode: target, volunteer: match.volunteer, volunteerActor };
  const [application] = await t.database.handle.db
    .select({ associationId: schema.applications.associationId })
    .from(schema.applications)
    .where(eq(schema.applications.id, match.id));
  if (stage === 'none') return { ...base, storyId: null, associationId: application!.associationId };
  const writer = await bearer(t, await userIdOf(t, writers[target]));
  const res = await post(t, writer, `/api/applications/${match.id}/story`, storyBody());
  const storyId = res.json().id as string;
  if (stage === 'public') {
    const staff = await bearer(
      t,
      await userIdOf(t, target === '13121' ? demoEmails.staffAdachi : demoEmails.staffShinjuku),
    );
    await post(t, staff, `/api/stories/${storyId}/approve`, { decision: 'approve' });
    await post(t, match.volunteer, `/api/stories/${storyId}/consent`, { consent: 'anonymous' });
  }
  return { ...base, storyId, associationId: application!.associationId };
}

/** The story's row as stored, to prove a refused call changed nothing. */
async function storyRow(id: string | null) {
  if (!id) return null;
  const [row] = await t.database.handle.db.select().from(schema.stories).where(eq(schema.stories.id, id));
  return row;
}

interface RouteCase {
  name: string;
  stage: 'none' | 'review' | 'public';
  method: 'GET' | 'POST';
  url: (s: Scene) => string;
  body?: object;
  /** whether this actor may, by the permissions table (or as one of the story's readers) */
  allowed: (actor: Actor | null, s: Scene) => boolean;
}

const reader = (actor: Actor | null, s: Scene) =>
  actor !== null &&
  (actor.userId === s.volunteerActor.userId ||
    can(actor, 'story.create', { associationId: s.associationId }) ||
    can(actor, 'story.review', { municipalityCode: s.municipalityCode }));
const may = (action: Action) => (actor: Actor | null, s: Scene) =>
  can(actor, action, {
    municipalityCode: s.municipalityCode,
    associationId: s.associationId,
    ownerId: s.volunteerActor.userId,
  });

const routes: RouteCase[] = [
  {
    name: 'createStory',
    stage: 'none',
    method: 'POST',
    url: (s) => `/api/applications/${s.matchId}/story`,
    body: storyBody(),
    allowed: may('story.create'),
  },
  {
    name: 'getMatchStory',
    stage: 'review',
    method: 'GET',
    url: (s) => `/api/applications/${s.matchId}/story`,
    allowed: reader,
  },
  {
    name: 'getStory (in review)',
    stage: 'review',
    method: 'GET',
    url: (s) => `/api/stories/${s.storyId}`,
    allowed: reader,
  },
  {
    name: 'setStoryConsent',
    stage: 'review',
    method: 'POST',
    url: (s) => `/api/stories/${s.storyId}/consent`,
    body: { consent: 'named' },
    allowed: may('story.consent'),
  },
  {
    name: 'approveStory',
    stage: 'review',
    method: 'POST',
    url: (s) => `/api/stories/${s.storyId}/approve`,
    body: { decision: 'approve' },
    allowed: may('story.approve'),
  },
  {
    name: 'featureStory',
    stage: 'public',
    method: 'POST',
    url: (s) => `/api/stories/${s.storyId}/feature`,
    body: { featured: true },
    allowed: may('story.feature'),
  },
];

const rows = routes.flatMap((route) =>
  (Object.keys(personas) as Persona[]).flatMap((persona) =>
    targets.map((target) => ({ label: `${route.name} as ${persona} → ${target}`, route, persona, target })),
  ),
);

describe('story authorization (from shared/src/permissions.ts)', () => {
  it.each(rows)('$label', async ({ route, persona, target }) => {
    const s = await scene(target, route.stage);
    const actor = persona === 'theVolunteer' ? s.volunteerActor : actors.get(persona)!;
    const headers = persona === 'theVolunteer' ? s.volunteer : actor ? await bearer(t, actor.userId) : {};
    const before = { counts: await rowCounts(t), story: await storyRow(s.storyId) };
    const url = route.url(s);
    const res = route.method === 'GET' ? await get(t, headers, url) : await post(t, headers, url, route.body);
    if (route.allowed(actor, s)) {
      expect(res.statusCode, res.body).toBeLessThan(300);
      return;
    }
    expect([401, 403, 404], res.body).toContain(res.statusCode);
    expect(res.body).not.toContain('ホームページ');
    expect({ counts: await rowCounts(t), story: await storyRow(s.storyId) }).toEqual(before);
  });

  it.each(['staff13121', 'staff13104', 'foundation', 'volunteer', 'anonymous'] as const)(
    'listStoriesForReview as %s lists only its municipality’s stories',
    async (persona) => {
      const mine = { '13121': await scene('13121', 'review'), '13104': await scene('13104', 'review') };
      const actor = actors.get(persona)!;
      const res = await get(t, actor ? await bearer(t, actor.userId) : {}, '/api/staff/stories');
      if (
        !actor ||
        (!can(actor, 'story.review', { municipalityCode: '13121' }) &&
          !can(actor, 'story.review', { municipalityCode: '13104' }))
      ) {
        expect([401, 403]).toContain(res.statusCode);
        return;
      }
      const ids = (res.json().items as { id: string }[]).map((i) => i.id);
      for (const code of targets) {
        expect(ids.includes(mine[code].storyId!)).toBe(can(actor, 'story.review', { municipalityCode: code }));
      }
    },
  );
});
