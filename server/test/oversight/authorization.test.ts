import { can, canAtAll, type Action, type Actor } from '@board/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedInActorsOf, get, post, rowCounts, useApiApp, tenantPersonas, tenantTargets } from '../kit/index.ts';
import { in2021, insertMatch, type InsertedMatch } from './scene.ts';

/**
 * Who may review matches and list a municipality's requests: every oversight route × every role
 * × a target in the actor's own and in another municipality. 2xx exactly when the permissions
 * table (`match.review`, `request.listMunicipality`) says so; otherwise 401/403/404, with nothing
 * of the other municipality in the answer and nothing written (the audited CSV aside).
 */

const t = useApiApp();
const personas = tenantPersonas;
type Persona = keyof typeof personas;
const targets = tenantTargets;
type Target = (typeof targets)[number];

let actors: Map<Persona, { actor: Actor | null; headers: Record<string, string> }>;
const matchIn = {} as Record<Target, InsertedMatch>;

beforeAll(async () => {
  actors = await signedInActorsOf(t, personas);
  for (const code of targets) {
    matchIn[code] = await insertMatch(t, {
      request: { municipalityCode: code, title: `審査の秘密 ${code}` },
      matchedAt: in2021(3, 1),
    });
  }
});

interface RouteCase {
  name: string;
  action: Action;
  /** no municipality named: allowed wherever the actor may do it at all */
  unfiltered?: boolean;
  method: 'GET' | 'POST';
  url: (target: Target) => string;
  body?: (target: Target) => object;
  /** the status a refusal has for someone who may do the action elsewhere (404: "no such thing here") */
  elsewhere: 403 | 404;
}

const routes: RouteCase[] = [
  {
    name: 'listMatches',
    action: 'match.review',
    unfiltered: true,
    method: 'GET',
    url: () => '/api/matches?from=2021-01-01&to=2021-12-31',
    elsewhere: 403,
  },
  {
    name: 'listMatches (one municipality)',
    action: 'match.review',
    method: 'GET',
    url: (c) => `/api/matches?municipalityCode=${c}`,
    elsewhere: 403,
  },
  {
    name: 'getMatch',
    action: 'match.review',
    method: 'GET',
    url: (c) => `/api/matches/${matchIn[c].id}`,
    elsewhere: 404,
  },
  {
    name: 'exportMatches',
    action: 'match.review',
    unfiltered: true,
    method: 'POST',
    url: () => '/api/matches/export',
    body: () => ({ from: '2021-01-01', to: '2021-12-31' }),
    elsewhere: 403,
  },
  {
    name: 'exportMatches (one municipality)',
    action: 'match.review',
    method: 'POST',
    url: () => '/api/matches/export',
    body: (c) => ({ municipalityCode: c }),
    elsewhere: 403,
  },
  {
    name: 'listMunicipalityRequests',
    action: 'request.listMunicipality',
    unfiltered: true,
    method: 'GET',
    url: () => '/api/staff/requests?limit=200&from=2000-01-01',
    elsewhere: 403,
  },
  {
    name: 'listMunicipalityRequests (one municipality)',
    action: 'request.listMunicipality',
    method: 'GET',
    url: (c) => `/api/staff/requests?municipalityCode=${c}&limit=200`,
    elsewhere: 403,
  },
  {
    name: 'exportMunicipalityRequests (one municipality)',
    action: 'request.listMunicipality',
    method: 'POST',
    url: () => '/api/staff/requests/export',
    body: (c) => ({ municipalityCode: c }),
    elsewhere: 403,
  },
];

const rows = routes.flatMap((route) =>
  (Object.keys(personas) as Persona[]).flatMap((persona) =>
    (route.unfiltered ? (['13121'] as const) : targets).map((target) => ({
      label: `${route.name} as ${persona}${route.unfiltered ? '' : ` → ${target}`}`,
      route,
      persona,
      target,
    })),
  ),
);

/** The municipalities whose matches an actor may see at all. */
const seen = (actor: Actor | null, action: Action) =>
  targets.filter((c) => can(actor, action, { municipalityCode: c }));

describe('oversight authorization (from shared/src/permissions.ts)', () => {
  it.each(rows)('$label', async ({ route, persona, target }) => {
    const { actor, headers } = actors.get(persona)!;
    const allowed = route.unfiltered
      ? canAtAll(actor, route.action)
      : can(actor, route.action, { municipalityCode: target });
    const before = await rowCounts(t);
    const res =
      route.method === 'GET'
        ? await get(t, headers, route.url(target))
        : await post(t, headers, route.url(target), route.body?.(target));
    const after = await rowCounts(t);
    if (!allowed) {
      const expected = actor === null ? 401 : canAtAll(actor, route.action) ? route.elsewhere : 403;
      expect(res.statusCode).toBe(expected);
      for (const code of targets) expect(res.body).not.toContain(matchIn[code].title);
      expect(after).toEqual(before);
      return;
    }
    expect(res.statusCode).toBe(200);
    // what may be seen is in, what may not is out
    const visible = route.unfiltered ? seen(actor, route.action) : [target];
    for (const code of targets) {
      if (visible.includes(code)) expect(res.body).toContain(matchIn[code].title);
      else expect(res.body).not.toContain(matchIn[code].title);
    }
    if (route.method === 'POST') expect(after.auditLog).toBe((before.auditLog ?? 0) + 1);
    else expect(after).toEqual(before);
  });

  it('staff naming no municipality see only their own; the foundation every one', async () => {
    const body = (await get(t, actors.get('staff13104')!.headers, '/api/matches?from=2021-01-01&to=2021-12-31')).json();
    expect(new Set(body.items.map((m: { municipalityCode: string }) => m.municipalityCode))).toEqual(
      new Set(['13104']),
    );
    const all = (await get(t, actors.get('foundation')!.headers, '/api/matches?from=2021-01-01&to=2021-12-31')).json();
    expect(new Set(all.items.map((m: { municipalityCode: string }) => m.municipalityCode))).toEqual(new Set(targets));
  });

  it('a match that does not exist is 404 for the foundation too; a malformed id 400', async () => {
    const { headers } = actors.get('foundation')!;
    expect((await get(t, headers, '/api/matches/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await get(t, headers, '/api/matches/not-a-uuid')).statusCode).toBe(400);
  });
});
