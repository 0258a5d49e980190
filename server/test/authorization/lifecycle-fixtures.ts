import type { Actor, RequestStatus } from '@board/shared';
import { type TestApp } from '../kit/app.ts';
import { actorsOf, type AssociationKey, bearer, demoEmails, officers, userIdOf } from '../kit/people.ts';
import { insertRequest } from '../kit/requests.ts';

/**
 * Who acts and what they act on, for the lifecycle authorization matrix: demo people in two
 * municipalities, and fresh requests, hands, matches and flags made for each call.
 */

export const personas = [
  'anonymous',
  'volunteer',
  'officer13121',
  'officer13104',
  'staff13121',
  'staff13104',
  'foundation',
] as const;
export type Persona = (typeof personas)[number];

/** officers who are not also volunteers, so "may raise a hand" is decided by the hat alone */
const personaEmail: Record<Persona, string | null> = {
  anonymous: null,
  volunteer: demoEmails.volunteer1,
  officer13121: officers.senju,
  officer13104: officers.yotsuya,
  staff13121: demoEmails.staffAdachi,
  staff13104: demoEmails.staffShinjuku,
  foundation: demoEmails.foundation,
};

export const targets = ['13121', '13104'] as const;
export type Target = (typeof targets)[number];
export const associationKeyIn: Record<Target, AssociationKey> = { '13121': 'senju', '13104': 'yotsuya' };

export interface People {
  actor(persona: Persona): Actor | null;
  headers(persona: Persona): Record<string, string>;
  /** the volunteer whose hands and matches the calls act on */
  volunteerId: string;
  volunteerHeaders: Record<string, string>;
  officerHeaders(target: Target): Record<string, string>;
}

export async function loadPeople(t: TestApp): Promise<People> {
  const actors = await actorsOf(t, personaEmail);
  const volunteerId = actors.get('volunteer')!.userId;
  const officerIds = {
    '13121': await userIdOf(t, officers.senju),
    '13104': await userIdOf(t, officers.yotsuya),
  };
  // one live session per person for the whole file (access tokens name their session)
  const headersOf = new Map<Persona, Record<string, string>>([['anonymous', {}]]);
  for (const [persona, actor] of actors) if (actor) headersOf.set(persona, await bearer(t, actor.userId));
  const officerHeaders = {
    '13121': await bearer(t, officerIds['13121']),
    '13104': await bearer(t, officerIds['13104']),
  };
  return {
    actor: (persona) => actors.get(persona)!,
    headers: (persona) => headersOf.get(persona)!,
    volunteerId,
    volunteerHeaders: headersOf.get('volunteer')!,
    officerHeaders: (target) => officerHeaders[target],
  };
}

export interface Scene {
  requestId: string;
  applicationId?: string;
  flagId?: string;
  associationId: string;
}

export function lifecycleFixtures(t: TestApp, people: People) {
  async function request(target: Target, status: RequestStatus, slots = 2): Promise<Scene> {
    const made = await insertRequest(t, { association: associationKeyIn[target], status, slots });
    return { requestId: made.id, associationId: made.associationId };
  }

  async function inject(method: 'POST', url: string, headers: Record<string, string>, payload: object = {}) {
    const res = await t.app.inject({ method, url, headers, payload });
    if (res.statusCode >= 300) throw new Error(`fixture ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  }

  /** a pending hand of the matrix's volunteer on a fresh published request */
  async function hand(target: Target): Promise<Scene> {
    const scene = await request(target, 'published');
    const created = await inject('POST', `/api/requests/${scene.requestId}/applications`, people.volunteerHeaders, {
      message: 'お手伝いします',
    });
    return { ...scene, applicationId: created.id };
  }

  /** an accepted hand (a match) */
  async function match(target: Target): Promise<Scene> {
    const scene = await hand(target);
    await inject('POST', `/api/applications/${scene.applicationId}/accept`, people.officerHeaders(target));
    return scene;
  }

  /** a match the officer marked done */
  async function done(target: Target): Promise<Scene> {
    const scene = await match(target);
    await inject('POST', `/api/applications/${scene.applicationId}/complete`, people.officerHeaders(target));
    return scene;
  }

  /** an open flag on a published request */
  async function flag(target: Target): Promise<Scene> {
    const scene = await request(target, 'published');
    const created = await inject('POST', '/api/flags', people.volunteerHeaders, {
      targetType: 'request',
      targetId: scene.requestId,
      reason: '不適切な内容です',
    });
    return { ...scene, flagId: created.id };
  }

  return { request, hand, match, done, flag };
}
