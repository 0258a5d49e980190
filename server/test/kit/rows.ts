import { schema } from '@board/db';
import { testSessionIds } from '@board/tests/harness/sessions';
import { and, count, eq, notInArray } from 'drizzle-orm';
import type { TestApp } from './app.ts';

/** Every table a route may write, by name. */
const writtenTables = {
  users: schema.users,
  roleAssignments: schema.roleAssignments,
  volunteerProfiles: schema.volunteerProfiles,
  associations: schema.associations,
  invitations: schema.invitations,
  oneTimeTokens: schema.oneTimeTokens,
  requests: schema.helpRequests,
  applications: schema.applications,
  messages: schema.messages,
  thanks: schema.thanks,
  ratings: schema.ratings,
  flags: schema.flags,
  auditLog: schema.auditLog,
  helpInvitations: schema.helpInvitations,
  notifications: schema.notifications,
  notificationPreferences: schema.notificationPreferences,
  stories: schema.stories,
};

/**
 * Rows in every table a route may write, to prove a refused call wrote nothing. The sessions the
 * test itself made for its headers (`bearer`, `as`) are left out. With `{ mail: true }` the mail
 * captured so far is counted too (only where no earlier test's mail may still be on its way).
 */
export async function rowCounts(t: TestApp, options: { mail?: boolean } = {}) {
  const db = t.database.handle.db;
  const out: Record<string, number> = {};
  for (const [name, table] of Object.entries(writtenTables)) {
    const [row] = await db.select({ n: count() }).from(table);
    out[name] = row!.n;
  }
  const madeByTest = testSessionIds(t);
  const [sessions] = await db
    .select({ n: count() })
    .from(schema.refreshTokens)
    .where(madeByTest.length > 0 ? notInArray(schema.refreshTokens.familyId, madeByTest) : undefined);
  out.refreshTokens = sessions!.n;
  if (options.mail) out.mails = t.mail.length;
  return out;
}

/** Every column a request, hand, flag or settings route may change, to prove a refused call changed nothing. */
export async function stateSnapshot(t: TestApp) {
  const db = t.database.handle.db;
  const [requests, applications, flags, settings] = await Promise.all([
    db.select().from(schema.helpRequests).orderBy(schema.helpRequests.id),
    db.select().from(schema.applications).orderBy(schema.applications.id),
    db.select().from(schema.flags).orderBy(schema.flags.id),
    db
      .select({ code: schema.municipalities.code, settings: schema.municipalities.settings })
      .from(schema.municipalities)
      .orderBy(schema.municipalities.code),
  ]);
  return { requests, applications, flags, settings, counts: await rowCounts(t) };
}

export async function auditEntries(t: TestApp, action: string) {
  return t.database.handle.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, action));
}

/** The one-time tokens (reset, sign-in link, verification…) of the person with this email. */
export async function oneTimeTokensOf(
  t: TestApp,
  email: string,
  purpose: (typeof schema.oneTimeTokenPurposes)[number],
) {
  const [user] = await t.database.handle.db.select().from(schema.users).where(eq(schema.users.email, email));
  return t.database.handle.db
    .select()
    .from(schema.oneTimeTokens)
    .where(and(eq(schema.oneTimeTokens.userId, user!.id), eq(schema.oneTimeTokens.purpose, purpose)));
}
