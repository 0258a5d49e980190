import { schema } from '@board/db';
import { Session, type Actor, type Language, type RoleGrant } from '@board/shared';
import { accessTokenFor } from '@board/tests/harness/sessions';
import type { LightMyRequestResponse } from 'fastify';
import { eq } from 'drizzle-orm';
import { hashPassword } from '../../src/modules/accounts/secrets.ts';
import type { TestApp } from './app.ts';
import { cookieValue, csrf, freshIp } from './http.ts';

/** Every demo account signs in with this password. */
export const demoPassword = 'udekiki-demo-2026';

export const demoEmails = {
  foundation: 'foundation@demo.example',
  staffAdachi: 'staff.adachi@demo.example',
  staffShinjuku: 'staff.shinjuku@demo.example',
  officerSenju: 'officer.senju@demo.example',
  officerUmeda: 'officer.umeda@demo.example',
  officerOkubo: 'officer.okubo@demo.example',
  officerYotsuya: 'officer.yotsuya@demo.example',
  volunteer1: 'volunteer1@demo.example',
  volunteer2: 'volunteer2@demo.example',
} as const;

/** The demo associations, their municipality and their officer (okubo's officer is also a volunteer). */
export const associations = {
  senju: { name: '千住一丁目町会', code: '13121', officer: demoEmails.officerSenju },
  umeda: { name: '梅田四丁目自治会', code: '13121', officer: demoEmails.officerUmeda },
  okubo: { name: '大久保二丁目町会', code: '13104', officer: demoEmails.officerOkubo },
  yotsuya: { name: '四谷三丁目町会', code: '13104', officer: demoEmails.officerYotsuya },
} as const;
export type AssociationKey = keyof typeof associations;

/** The officer of each demo association, by association */
export const officers = {
  senju: associations.senju.officer,
  umeda: associations.umeda.officer,
  okubo: associations.okubo.officer,
  yotsuya: associations.yotsuya.officer,
} as const;

export async function userIdOf(t: TestApp, email: string): Promise<string> {
  const [row] = await t.database.handle.db
    .select({ id: schema.users.id })
    .from(schema.users)
    .where(eq(schema.users.email, email));
  if (!row) throw new Error(`no user ${email}`);
  return row.id;
}

export async function associationIdOf(t: TestApp, name: string): Promise<string> {
  const [row] = await t.database.handle.db
    .select({ id: schema.associations.id })
    .from(schema.associations)
    .where(eq(schema.associations.name, name));
  if (!row) throw new Error(`no association ${name}`);
  return row.id;
}

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

let unique = 0;
export function freshEmail(prefix = 'person'): string {
  unique += 1;
  return `${prefix}.${Date.now().toString(36)}.${unique}@example.jp`;
}

export interface PersonOptions {
  email?: string;
  /** a password to sign in with (none by default: sign-in by link only) */
  password?: string | null;
  /** hats: a volunteer needs only `{ role: 'volunteer' }` */
  roles?: (Pick<RoleGrant, 'role'> & Partial<RoleGrant>)[];
  displayName?: string;
  /** email verified (default true) */
  verified?: boolean;
  language?: Language;
  phone?: string | null;
  /** a volunteer profile */
  profile?: { skills?: string[]; languages?: string[]; showThanks?: boolean };
}

/** An account made directly in the database, with the given hats (and a password if given). */
export async function createPerson(t: TestApp, options: PersonOptions = {}): Promise<{ id: string; email: string }> {
  const db = t.database.handle.db;
  const email = options.email ?? freshEmail();
  const [row] = await db
    .insert(schema.users)
    .values({
      email,
      emailVerifiedAt: options.verified === false ? null : new Date(),
      passwordHash: options.password ? await hashPassword(options.password) : null,
      displayName: options.displayName ?? 'テスト 太郎',
      language: options.language ?? 'ja',
      phone: options.phone ?? null,
    })
    .returning({ id: schema.users.id });
  for (const grant of options.roles ?? []) {
    await db.insert(schema.roleAssignments).values({ userId: row!.id, ...grant });
  }
  if (options.profile) {
    await db.insert(schema.volunteerProfiles).values({
      userId: row!.id,
      skills: options.profile.skills ?? [],
      languages: options.profile.languages ?? ['ja'],
      showThanks: options.profile.showThanks ?? true,
    });
  }
  return { id: row!.id, email };
}

/** A volunteer made directly in the database, signed in (`headers`). */
export async function createVolunteer(
  t: TestApp,
  options: Omit<PersonOptions, 'roles' | 'email'> = {},
): Promise<{ id: string; email: string; headers: Record<string, string> }> {
  const person = await createPerson(t, {
    displayName: `腕きき ${++unique}`,
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

/** Renews a session with its refresh cookie, as the browser does. */
export function refresh(t: TestApp, cookie: string) {
  return t.app.inject({ method: 'POST', url: '/api/auth/refresh', headers: { cookie, ...csrf } });
}
