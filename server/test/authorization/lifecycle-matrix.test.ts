import { actions, can, canAtAll, HelpRequestDetail } from '@board/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { answer, get, stateSnapshot, useApiApp } from '../kit/index.ts';
import { lifecycleRoutes, type RouteCase } from './lifecycle-routes.ts';
import {
  lifecycleFixtures,
  loadPeople,
  personas,
  targets,
  type People,
  type Persona,
  type Scene,
  type Target,
} from './lifecycle-fixtures.ts';

/**
 * The authorization matrix for the request lifecycle, matching, completion and flags, driven by
 * the permissions table (shared/src/permissions.ts): every route × every demo role × a target in
 * the actor's own and in another municipality. A route answers 2xx exactly when `can()` says yes;
 * otherwise 401 (anonymous), 403 or 404, with only an error in the body and nothing changed.
 * The people routes have their own matrix (./people-matrix.test.ts).
 */

const t = useApiApp();
let people: People;
let make: ReturnType<typeof lifecycleFixtures>;
const routes = lifecycleRoutes(() => make);

/** Permissions proven by a test of their own, with where. */
const coveredElsewhere: Record<string, string> = {
  'devMail.read': 'server/test/auth/dev-mail.test.ts (the demo mail sink beyond this machine)',
  'match.review': 'server/test/oversight/authorization.test.ts (every oversight route × role × municipality)',
  'request.listMunicipality':
    'server/test/oversight/authorization.test.ts (every oversight route × role × municipality)',
  'municipality.updateStatus': 'server/test/towns/municipality-status.test.ts (every role × own/other municipality)',
  'request.createOnBehalf':
    'server/test/towns/on-behalf.test.ts (every role × an association of own/other municipality)',
  'delivery.listFailed':
    'server/test/jobs/outbox.test.ts (staff: their municipality only, 403 for another; foundation: all; 403 volunteers, 401 visitors)',
  'suggestion.listRequests': 'server/test/matching/suggestions.test.ts (volunteers only)',
  'suggestion.listVolunteers': 'server/test/matching/suggestions.test.ts (own officers, own staff; 403/404 else)',
  'skillTag.list': 'server/test/skills/free-skill-tags.test.ts (each role, each tenant)',
  'helpInvitation.create':
    'server/test/help-invitations/invite.test.ts (own request only; other ward, staff, volunteer refused)',
  'helpInvitation.decline': 'server/test/help-invitations/invite.test.ts (the invited volunteer only)',
  'helpInvitation.list':
    "server/test/help-invitations/sent-list.test.ts (own officers, own staff; other associations, other ward's staff, volunteers refused)",
  'figures.read': 'server/test/figures/authorization.test.ts (every figures route × role × own/other municipality)',
  'story.create': 'server/test/stories/authorization.test.ts (every story route × role × own/other municipality)',
  'story.consent': 'server/test/stories/authorization.test.ts (every story route × role × own/other municipality)',
  'story.approve': 'server/test/stories/authorization.test.ts (every story route × role × own/other municipality)',
  'story.review': 'server/test/stories/authorization.test.ts (every story route × role × own/other municipality)',
  'story.feature': 'server/test/stories/authorization.test.ts (every story route × role × own/other municipality)',
};

/** Lifecycle routes whose who-may-see is proven per role and tenant by a test of their own, with where. */
const routesProvenElsewhere: Record<string, string> = {
  getApplication: 'server/test/reads/get-application.test.ts (each side, staff, foundation; 404 elsewhere)',
  showMatchContact: 'server/test/reads/get-application.test.ts (the two sides; 403 staff, 404 elsewhere)',
  updateMunicipalityStatus:
    'server/test/towns/municipality-status.test.ts (foundation only; nothing written otherwise)',
  createRequestOnBehalf:
    "server/test/towns/on-behalf.test.ts (the municipality's staff only; nothing written otherwise)",
};

/** Lifecycle routes whose answer is the same for everyone, or which act only on the caller's own rows. */
const openToAll: Record<string, string> = {
  listRequests: 'the public board',
  getRequest: 'published requests are public; its private states are a row of the matrix',
  getMunicipalitySettings: 'public: the categories a request may use',
  getMunicipalityFeed: 'the public Atom feed',
  listMunicipalities: 'public',
  getVolunteerProfile: 'public profile, what the volunteer chose to show',
  listMyApplications: "the caller's own hands only (row-level security on applications)",
};

beforeAll(async () => {
  people = await loadPeople(t);
  make = lifecycleFixtures(t, people);
});

const rows = routes.flatMap((route) =>
  personas.flatMap((persona) =>
    targets.map((target) => ({
      name: `${route.operationId}${route.variant ? ` (${route.variant})` : ''} as ${persona} → ${target}`,
      route,
      persona,
      target,
    })),
  ),
);

function expectedFor(route: RouteCase, persona: Persona, target: Target, scene: Scene): boolean {
  const actor = people.actor(persona);
  return route.unfiltered
    ? canAtAll(actor, route.action)
    : can(actor, route.action, route.resource(target, scene, people));
}

describe('lifecycle authorization matrix (from shared/src/permissions.ts)', () => {
  it('covers every action of the permissions table and every documented route', async () => {
    const peopleActions = actions.filter((a) => /^(me|association|officer|invitation|municipalStaff|audit)\./.test(a));
    const ours = new Set([...routes.map((r) => r.action), 'request.readContact']);
    expect(new Set([...ours, ...peopleActions, ...Object.keys(coveredElsewhere)])).toEqual(new Set(actions));

    const doc = (await get(t, {}, '/api/openapi.json')).json();
    const lifecycleTags = [
      'requests',
      'moderation',
      'applications',
      'messages',
      'completion',
      'flags',
      'municipalities',
    ];
    const documented = new Set<string>();
    for (const item of Object.values<Record<string, { operationId: string; tags?: string[] }>>(doc.paths)) {
      for (const op of Object.values(item))
        if (op.tags?.some((tag) => lifecycleTags.includes(tag))) documented.add(op.operationId);
    }
    const covered = new Set([
      ...routes.map((r) => r.operationId),
      ...Object.keys(openToAll),
      ...Object.keys(routesProvenElsewhere),
    ]);
    expect([...documented].filter((id) => !covered.has(id))).toEqual([]);
  });

  it.each(rows)('$name', async ({ route, persona, target }) => {
    const scene = route.scene ? await route.scene(target) : { requestId: '', associationId: '' };
    const expected = expectedFor(route, persona, target, scene);
    const before = await stateSnapshot(t);
    const body = route.body?.(target, scene);
    const res = await t.app.inject({
      method: route.method,
      url: route.url(target, scene),
      headers: people.headers(persona),
      ...(body === undefined ? {} : { payload: body }),
    });

    if (expected) {
      expect(res.statusCode, `${res.statusCode} ${res.body}`).toBeGreaterThanOrEqual(200);
      expect(res.statusCode, `${res.statusCode} ${res.body}`).toBeLessThan(300);
      return;
    }
    const refusals = persona === 'anonymous' ? [401, 404] : [403, 404];
    expect(refusals, `${res.statusCode} ${res.body}`).toContain(res.statusCode);
    expect(Object.keys(res.json())).toEqual(['error']);
    expect(await stateSnapshot(t)).toEqual(before);
  });
});

describe('who sees the posting officer’s contact on a request (request.readContact)', () => {
  it.each(personas.flatMap((persona) => targets.map((target) => ({ persona, target }))))(
    '$persona → $target',
    async ({ persona, target }) => {
      const scene = await make.request(target, 'published');
      const res = await get(t, people.headers(persona), `/api/requests/${scene.requestId}`);
      const detail = answer(res, 200, HelpRequestDetail);
      const sees = can(people.actor(persona), 'request.readContact', {
        municipalityCode: target,
        associationId: scene.associationId,
      });
      expect(detail.officerContact !== null, JSON.stringify(detail.officerContact)).toBe(sees);
    },
  );
});
