import { schema } from '@board/db';
import type { Actor, RoleGrant } from '@board/shared';
import type { TestApp } from '@board/tests/harness/test-app';
import { accessTokenFor, testSessionIds } from '@board/tests/harness/sessions';
import { count, eq, notInArray } from 'drizzle-orm';
import { hashPassword, newToken } from '../../src/modules/accounts/secrets.ts';

/** Helpers for the people tests (accounts, invitations, audit). Sign-in is simulated with a signed access token. */

export const demoEmails = {
  foundation: 'foundation@demo.example',
  staffAdachi: 'staff.adachi@demo.example',
  staffShinjuku: 'staff.shinjuku@demo.example',
  officerSenju: 'officer.senju@demo.example',
  officerUmeda: 'officer.umeda@demo.example',
  officerOkubo: 'officer.okubo@demo.example',
  volunteer1: 'volunteer1@demo.example',
  volunteer2: 'volunteer2@demo.example',
} as const;

export async function userIdOf(t: TestApp, email: string): Promise<string> {
  const [row] = await t.database.handle.db
    .select({ id: schema.users.id })
    .from(schema.users)
    .where(eq(schema.users.email, email));
  if (!row) throw new Error(`no user ${email}`);
  return row.id;
}

/** Authorization header of a new live session of this person */
export async function bearer(t: TestApp, userId: string): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await accessTokenFor(t, userId)}` };
}

/** Authorization header of a demo account */
export async function as(t: TestApp, email: string): Promise<Record<string, string>> {
  return bearer(t, await userIdOf(t, email));
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

export async function associationIdOf(t: TestApp, name: string): Promise<string> {
  const [row] = await t.database.handle.db
    .select({ id: schema.associations.id })
    .from(schema.associations)
    .where(eq(schema.associations.name, name));
  if (!row) throw new Error(`no association ${name}`);
  return row.id;
}

/**
 * Rows in every table the people routes write, to prove a refused request wrote nothing. The
 * sessions the test itself made for its headers (`bearer`, `as`) are left out.
 */
export async function rowCounts(t: TestApp) {
  const db = t.database.handle.db;
  const tables = {
    users: schema.users,
    roleAssignments: schema.roleAssignments,
    associations: schema.associations,
    invitations: schema.invitations,
    auditLog: schema.auditLog,
    volunteerProfiles: schema.volunteerProfiles,
    refreshTokens: schema.refreshTokens,
  };
  const out: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) {
    const [row] = await db.select({ n: count() }).from(table);
    out[name] = row!.n;
  }
  const madeByTest = testSessionIds(t);
  if (madeByTest.length > 0) {
    const [row] = await db
      .select({ n: count() })
      .from(schema.refreshTokens)
      .where(notInArray(schema.refreshTokens.familyId, madeByTest));
    out.refreshTokens = row!.n;
  }
  return out;
}

let unique = 0;
export function freshEmail(prefix = 'person'): string {
  unique += 1;
  return `${prefix}.${Date.now().toString(36)}.${unique}@example.jp`;
}

/** An account made directly in the database, with the given hats (and a password if given). */
export async function createPerson(
  t: TestApp,
  options: { email?: string; password?: string | null; roles?: Omit<RoleGrant, never>[]; displayName?: string } = {},
): Promise<{ id: string; email: string }> {
  const db = t.database.handle.db;
  const email = options.email ?? freshEmail();
  const [row] = await db
    .insert(schema.users)
    .values({
      email,
      emailVerifiedAt: new Date(),
      passwordHash: options.password ? await hashPassword(options.password) : null,
      displayName: options.displayName ?? 'テスト 太郎',
    })
    .returning({ id: schema.users.id });
  for (const grant of options.roles ?? []) {
    await db.insert(schema.roleAssignments).values({ userId: row!.id, ...grant });
  }
  return { id: row!.id, email };
}

/** An invitation made directly in the database; returns its id and the link token. */
export async function createInvitation(
  t: TestApp,
  values: {
    role: 'municipal_staff' | 'officer';
    municipalityCode: string;
    associationId?: string | null;
    email?: string;
    invitedBy?: string | null;
    expiresAt?: Date;
    acceptedAt?: Date | null;
    revokedAt?: Date | null;
    language?: 'ja' | 'en' | 'ja-easy';
  },
): Promise<{ id: string; token: string; email: string }> {
  const { token, hash } = newToken();
  const email = values.email ?? freshEmail('invitee');
  const [row] = await t.database.handle.db
    .insert(schema.invitations)
    .values({
      role: values.role,
      email,
      language: values.language ?? 'ja',
      municipalityCode: values.municipalityCode,
      associationId: values.associationId ?? null,
      invitedBy: values.invitedBy ?? null,
      tokenHash: hash,
      expiresAt: values.expiresAt ?? new Date(Date.now() + 7 * 86_400_000),
      acceptedAt: values.acceptedAt ?? null,
      revokedAt: values.revokedAt ?? null,
    })
    .returning({ id: schema.invitations.id });
  return { id: row!.id, token, email };
}

/** The newest captured mail to this address */
export function lastMailTo(t: TestApp, email: string) {
  const mail = t.app.mailer.captured.find((m) => m.to === email);
  if (!mail) throw new Error(`no mail to ${email}`);
  return mail;
}

/** The token in the accept link of a mail */
export function inviteTokenIn(text: string): string {
  const match = /\/invitations\/accept\?token=([A-Za-z0-9_%-]+)/.exec(text);
  if (!match) throw new Error('no invitation link in the mail');
  return decodeURIComponent(match[1]!);
}

export async function auditEntries(t: TestApp, action: string) {
  return t.database.handle.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, action));
}
