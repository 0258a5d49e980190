import { actions, can, canAtAll, HelpRequestDetail, type Action, type Resource } from '@board/shared';
import { startTestApp, type TestApp } from '@board/tests/harness/test-app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validInput } from '../requests/helpers.ts';
import {
  lifecycleFixtures,
  lifecycleState,
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

interface RouteCase {
  operationId: string;
  variant?: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  action: Action;
  /** listing without a municipality filter: allowed when the actor may do it anywhere at all */
  unfiltered?: boolean;
  scene?: (target: Target) => Promise<Scene>;
  url: (target: Target, scene: Scene) => string;
  body?: (target: Target, scene: Scene) => object;
  resource: (target: Target, scene: Scene, people: People) => Resource;
}

let t: TestApp;
let people: People;
let make: ReturnType<typeof lifecycleFixtures>;

const inMunicipality = (target: Target): Resource => ({ municipalityCode: target });
const ofRequest = (target: Target, scene: Scene): Resource => ({
  municipalityCode: target,
  associationId: scene.associationId,
});
/** a hand or match of the matrix's volunteer */
const ofHand = (target: Target, scene: Scene, p: People): Resource => ({
  ...ofRequest(target, scene),
  ownerId: p.volunteerId,
});
const reason = { reason: '内容を確認するため' };

const routes: RouteCase[] = [
  {
    operationId: 'createRequest',
    method: 'POST',
    action: 'request.create',
    scene: (target) => make.request(target, 'draft'),
    url: () => '/api/requests',
    body: (_target, scene) => validInput({ associationId: scene.associationId }),
    resource: ofRequest,
  },
  {
    operationId: 'updateRequest',
    method: 'PUT',
    action: 'request.edit',
    scene: (target) => make.request(target, 'draft'),
    url: (_target, s) => `/api/requests/${s.requestId}`,
    body: () => validInput(),
    resource: ofRequest,
  },
  ...(['submit', 'withdraw', 'copy'] as const).map((verb): RouteCase => ({
    operationId: `${verb}Request`,
    method: 'POST',
    action: `request.${verb}`,
    scene: (target) => make.request(target, verb === 'submit' ? 'draft' : 'published'),
    url: (_target, s) => `/api/requests/${s.requestId}/${verb}`,
    resource: ofRequest,
  })),
  {
    operationId: 'getRequest',
    variant: 'a draft',
    method: 'GET',
    action: 'request.readPrivate',
    scene: (target) => make.request(target, 'draft'),
    url: (_target, s) => `/api/requests/${s.requestId}`,
    resource: ofRequest,
  },
  {
    operationId: 'listMyAssociationRequests',
    method: 'GET',
    action: 'request.edit',
    unfiltered: true,
    url: () => '/api/me/requests',
    resource: ofRequest,
  },
  {
    operationId: 'revealOfficerContact',
    method: 'POST',
    action: 'request.revealContact',
    scene: (target) => make.request(target, 'published'),
    url: (_target, s) => `/api/requests/${s.requestId}/officer-contact`,
    body: () => reason,
    resource: ofRequest,
  },
  ...(
    [
      ['approveRequest', 'approve', 'pending_review', undefined],
      ['requestChangesToRequest', 'request-changes', 'pending_review', reason],
      ['rejectRequest', 'reject', 'pending_review', reason],
      ['closeRequest', 'close', 'published', reason],
    ] as const
  ).map(([operationId, verb, status, body]): RouteCase => ({
    operationId,
    method: 'POST',
    action: 'request.moderate',
    scene: (target) => make.request(target, status),
    url: (_target, s) => `/api/requests/${s.requestId}/${verb}`,
    ...(body ? { body: () => body } : {}),
    resource: ofRequest,
  })),
  {
    operationId: 'listModerationQueue',
    variant: 'one municipality',
    method: 'GET',
    action: 'moderation.list',
    url: (target) => `/api/moderation/queue?municipalityCode=${target}`,
    resource: inMunicipality,
  },
  {
    operationId: 'listModerationQueue',
    variant: 'unfiltered',
    method: 'GET',
    action: 'moderation.list',
    unfiltered: true,
    url: () => '/api/moderation/queue',
    resource: inMunicipality,
  },
  {
    // a published request is public, its moderation history is not
    operationId: 'getReviewHistory',
    method: 'GET',
    action: 'moderation.list',
    scene: (target) => make.request(target, 'published'),
    url: (_target, s) => `/api/moderation/requests/${s.requestId}/history`,
    resource: inMunicipality,
  },
  {
    operationId: 'updateMunicipalitySettings',
    method: 'PATCH',
    action: 'municipality.updateSettings',
    url: (target) => `/api/municipalities/${target}/settings`,
    body: () => ({ contactDesk: '地域のちから推進課 03-0000-0000' }),
    resource: inMunicipality,
  },
  {
    operationId: 'applyToRequest',
    method: 'POST',
    action: 'application.create',
    scene: (target) => make.request(target, 'published'),
    url: (_target, s) => `/api/requests/${s.requestId}/applications`,
    body: () => ({ message: 'お手伝いします' }),
    resource: ofRequest,
  },
  {
    operationId: 'withdrawApplication',
    method: 'POST',
    action: 'application.withdraw',
    scene: (target) => make.hand(target),
    url: (_target, s) => `/api/applications/${s.applicationId}/withdraw`,
    resource: ofHand,
  },
  {
    operationId: 'listApplications',
    method: 'GET',
    action: 'application.list',
    scene: (target) => make.hand(target),
    url: (_target, s) => `/api/requests/${s.requestId}/applications`,
    resource: ofRequest,
  },
  ...(['accept', 'decline'] as const).map((verb): RouteCase => ({
    operationId: `${verb}Application`,
    method: 'POST',
    action: 'application.decide',
    scene: (target) => make.hand(target),
    url: (_target, s) => `/api/applications/${s.applicationId}/${verb}`,
    resource: ofRequest,
  })),
  {
    operationId: 'listMessages',
    method: 'GET',
    action: 'message.read',
    scene: (target) => make.match(target),
    url: (_target, s) => `/api/applications/${s.applicationId}/messages`,
    resource: ofHand,
  },
  {
    operationId: 'sendMessage',
    method: 'POST',
    action: 'message.send',
    scene: (target) => make.match(target),
    url: (_target, s) => `/api/applications/${s.applicationId}/messages`,
    body: () => ({ body: 'よろしくお願いします' }),
    resource: ofHand,
  },
  {
    operationId: 'completeMatch',
    method: 'POST',
    action: 'match.complete',
    scene: (target) => make.match(target),
    url: (_target, s) => `/api/applications/${s.applicationId}/complete`,
    resource: ofRequest,
  },
  {
    operationId: 'confirmCompletion',
    method: 'POST',
    action: 'match.confirm',
    scene: (target) => make.done(target),
    url: (_target, s) => `/api/applications/${s.applicationId}/confirm`,
    resource: (_target, _s, p) => ({ ownerId: p.volunteerId }),
  },
  {
    operationId: 'sendThanks',
    method: 'POST',
    action: 'thanks.send',
    scene: (target) => make.done(target),
    url: (_target, s) => `/api/applications/${s.applicationId}/thanks`,
    body: () => ({ note: 'ありがとうございました' }),
    resource: ofHand,
  },
  {
    operationId: 'flagContent',
    method: 'POST',
    action: 'flag.create',
    scene: (target) => make.request(target, 'published'),
    url: () => '/api/flags',
    body: (_target, s) => ({ targetType: 'request', targetId: s.requestId, reason: '連絡先が書かれています' }),
    resource: ofRequest,
  },
  {
    operationId: 'listFlags',
    variant: 'one municipality',
    method: 'GET',
    action: 'flag.list',
    url: (target) => `/api/flags?municipalityCode=${target}`,
    resource: inMunicipality,
  },
  {
    operationId: 'listFlags',
    variant: 'unfiltered',
    method: 'GET',
    action: 'flag.list',
    unfiltered: true,
    url: () => '/api/flags',
    resource: inMunicipality,
  },
  {
    operationId: 'resolveFlag',
    method: 'POST',
    action: 'flag.resolve',
    scene: (target) => make.flag(target),
    url: (_target, s) => `/api/flags/${s.flagId}/resolve`,
    body: () => ({ decision: 'dismiss' }),
    resource: inMunicipality,
  },
];

/** Permissions proven by a test of their own, with where. */
const coveredElsewhere: Record<string, string> = {
  'devMail.read': 'server/test/auth/dev-mail.test.ts (the demo mail sink beyond this machine)',
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
  t = await startTestApp({ demo: true });
  people = await loadPeople(t);
  make = lifecycleFixtures(t, people);
});
afterAll(() => t.close());

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

    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
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
    const covered = new Set([...routes.map((r) => r.operationId), ...Object.keys(openToAll)]);
    expect([...documented].filter((id) => !covered.has(id))).toEqual([]);
  });

  it.each(rows)('$name', async ({ route, persona, target }) => {
    const scene = route.scene ? await route.scene(target) : { requestId: '', associationId: '' };
    const expected = expectedFor(route, persona, target, scene);
    const before = await lifecycleState(t);
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
    expect(await lifecycleState(t)).toEqual(before);
  });
});

describe('who sees the posting officer’s contact on a request (request.readContact)', () => {
  it.each(personas.flatMap((persona) => targets.map((target) => ({ persona, target }))))(
    '$persona → $target',
    async ({ persona, target }) => {
      const scene = await make.request(target, 'published');
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/requests/${scene.requestId}`,
        headers: people.headers(persona),
      });
      expect(res.statusCode).toBe(200);
      const detail = HelpRequestDetail.parse(res.json());
      const sees = can(people.actor(persona), 'request.readContact', {
        municipalityCode: target,
        associationId: scene.associationId,
      });
      expect(detail.officerContact !== null, JSON.stringify(detail.officerContact)).toBe(sees);
    },
  );
});
