import { schema } from '@board/db';
import { Session, type Actor, type RoleGrant } from '@board/shared';
import {
  associationIdOf,
  createPerson,
  demoAssociations as associations,
  demoEmails,
  demoPassword,
  freshEmail,
  nextUnique,
  userIdOf,
  type AssociationKey,
  type PersonOptions,
} from '@board/tests/harness/scene';
import { accessTokenFor } from '@board/tests/harness/sessions';
import type { LightMyRequestResponse } from 'fastify';
import { eq } from 'drizzle-orm';
import { beforeAll } from 'vitest';
import type { TestApp } from './app.ts';
import { cookieValue, csrf, freshIp, visitorPost } from './http.ts';

export {
  associationIdOf,
  createPerson,
  demoEmails,
  demoPassword,
  freshEmail,
  userIdOf,
  demoAssociations as associations,
  type AssociationKey,
  type PersonOptions,
} from '@board/tests/harness/scene';

/** The officer of each demo association, by association */
export const officers = {
  senju: associations.senju.officer,
  umeda: associations.umeda.officer,
  okubo: associations.okubo.officer,
  yotsuya: associations.yotsuya.officer,
} as const;

/** The actor as the server sees it: the person's role assignments from the database. */
export async function actorOf(t: TestApp, userId: string): Promise<Actor> {
  const roles = await t.database.handle.db
    .select({
      role: schema.roleAssignments.role,
      municipalityCode: schema.roleAssignments.municipalityCode,
      associationId: schema.roleAssignments.associationId,
    })
    .from(schema.roleAssignments)
    .where(eq(schema.roleAssignments.userId, userId));
  return { userId, roles: roles as RoleGrant[] };
}

/** Authorization header of a new live session of this person (no sign-in form, no rate limits) */
export async function bearer(t: TestApp, userId: string): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await accessTokenFor(t, userId)}` };
}

/** Authorization header of a new live session of the person with this email (e.g. a demo account) */
export async function as(t: TestApp, email: string): Promise<Record<string, string>> {
  return bearer(t, await userIdOf(t, email));
}

/** Each persona's actor as the server sees it; null where the email is null (a visitor). */
export async function actorsOf<P extends string>(
  t: TestApp,
  emails: Readonly<Record<P, string | null>>,
): Promise<Map<P, Actor | null>> {
  const actors = new Map<P, Actor | null>();
  for (const [persona, email] of Object.entries(emails) as [P, string | null][])
    actors.set(persona, email ? await actorOf(t, await userIdOf(t, email)) : null);
  return actors;
}

/** `actorsOf`, each with the header of one live session for the whole file (none for a visitor). */
export async function signedInActorsOf<P extends string>(
  t: TestApp,
  emails: Readonly<Record<P, string | null>>,
): Promise<Map<P, { actor: Actor | null; headers: Record<string, string> }>> {
  const signedIn = new Map<P, { actor: Actor | null; headers: Record<string, string> }>();
  for (const [persona, actor] of await actorsOf(t, emails))
    signedIn.set(persona, { actor, headers: actor ? await bearer(t, actor.userId) : {} });
  return signedIn;
}

/** A demo account by its key in `demoEmails`, or a demo association's officer by the association (`senju`). */
export type DemoPerson = keyof typeof demoEmails | keyof typeof officers;
const demoPeople: Record<DemoPerson, string> = { ...demoEmails, ...officers };

/**
 * Demo people signed in for the whole file (a live session's header each), made before its first
 * test. Destructure the ones the file uses at its top; only those are signed in:
 * `const { foundation, senju, volunteer1: volunteer } = useDemoPeople(t)`.
 */
export function useDemoPeople(t: TestApp): Readonly<Record<DemoPerson, Record<string, string>>> {
  const wanted = new Map<DemoPerson, Record<string, string>>();
  let started = false;
  beforeAll(async () => {
    started = true;
    for (const [name, headers] of wanted) Object.assign(headers, await as(t, demoPeople[name]));
  });
  return new Proxy({} as Record<DemoPerson, Record<string, string>>, {
    get(_, name) {
      if (typeof name !== 'string' || !(name in demoPeople)) throw new Error(`no demo person ${String(name)}`);
      if (started) throw new Error(`useDemoPeople: take ${name} at the top of the file, before the tests start`);
      const headers = wanted.get(name as DemoPerson) ?? {};
      wanted.set(name as DemoPerson, headers);
      return headers;
    },
  });
}

/** The ids of the demo associations by key, looked up before the file's first test. */
export function useAssociationIds(t: TestApp): Record<AssociationKey, string> {
  const ids = {} as Record<AssociationKey, string>;
  beforeAll(async () => {
    for (const [key, association] of Object.entries(associations) as [AssociationKey, { name: string }][]) {
      ids[key] = await associationIdOf(t, association.name);
    }
  });
  return ids;
}

/** A volunteer made directly in the database, signed in (`headers`). */
export async function createVolunteer(
  t: TestApp,
  options: Omit<PersonOptions, 'roles' | 'email'> = {},
): Promise<{ id: string; email: string; headers: Record<string, string> }> {
  const person = await createPerson(t, {
    displayName: `腕きき ${nextUnique()}`,
    ...options,
    email: freshEmail('volunteer'),
    roles: [{ role: 'volunteer' }],
  });
  return { ...person, headers: await bearer(t, person.id) };
}

/** Many signed-in volunteers at once (the races). */
export async function createVolunteers(t: TestApp, n: number) {
  return Promise.all(Array.from({ length: n }, (_, i) => createVolunteer(t, { displayName: `走者 ${i}` })));
}

export interface SignedIn {
  res: LightMyRequestResponse;
  session: Session;
  accessToken: string;
  refreshToken: string;
  /** `Cookie` header carrying both session cookies, as a browser would send them */
  cookie: string;
}

/** Signs in through the API (the real form's route) and returns the session and its cookies. */
export async function signIn(t: TestApp, email: string, password = demoPassword): Promise<SignedIn> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email, password },
    remoteAddress: freshIp(),
  });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
  return sessionOf(res);
}

/** The session a sign-in (or refresh) answer set, with a ready `Cookie` header. */
export function sessionOf(res: LightMyRequestResponse): SignedIn {
  const session = Session.parse(res.json());
  const accessToken = cookieValue(res, 'board_access')!;
  const refreshToken = cookieValue(res, 'board_refresh')!;
  return {
    res,
    session,
    accessToken,
    refreshToken,
    cookie: `board_access=${accessToken}; board_refresh=${refreshToken}`,
  };
}

/** A sign-in attempt through the API, answered as it is (for tests of refused sign-ins). */
export function signInAttempt(t: TestApp, email: string, password: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email, password },
    remoteAddress: freshIp(),
  });
}

/** A signed-in person asks to move the account to `newEmail`, confirming with `password` (the form on /me). */
export function askEmailChange(t: TestApp, session: SignedIn, newEmail: string, password = demoPassword) {
  return visitorPost(t, '/api/me/email', { newEmail, password }, { authorization: `Bearer ${session.accessToken}` });
}

/** Renews a session with its refresh cookie, as the browser does. */
export function refresh(t: TestApp, cookie: string) {
  return t.app.inject({ method: 'POST', url: '/api/auth/refresh', headers: { cookie, ...csrf } });
}

/** A complete, valid volunteer profile for `PATCH /api/me` (`volunteerProfile`), with overrides. */
export function volunteerProfileInput(overrides: Record<string, unknown> = {}) {
  return {
    interestCategories: ['it_digital'],
    municipalityCodes: ['13121'],
    availability: '',
    languages: ['ja'],
    onlineOk: false,
    bio: '',
    showThanks: true,
    ...overrides,
  };
}

/**
 * One person of each kind for the authorization tests that cross roles with tenants: a visitor, a
 * volunteer, an officer and staff of 足立区 (13121), staff of 新宿区 (13104), the foundation.
 */
export const tenantPersonas = {
  anonymous: null,
  volunteer: demoEmails.volunteer1,
  officer13121: officers.senju,
  staff13121: demoEmails.staffAdachi,
  staff13104: demoEmails.staffShinjuku,
  foundation: demoEmails.foundation,
} as const;

/** The two municipalities those tests act on: the personas' own and another. */
export const tenantTargets = ['13121', '13104'] as const;
