/** Rows read straight from the test database, to prove what a page wrote (or did not write). */
import { schema } from '@board/db';
import { count, eq } from 'drizzle-orm';
import type { TestApp } from '../../src/harness/test-app.ts';
import { userIdOf } from '../../src/harness/scene.ts';

export { associationIdOf, requestRow } from '../../src/harness/scene.ts';

const tables = {
  users: schema.users,
  roleAssignments: schema.roleAssignments,
  associations: schema.associations,
  invitations: schema.invitations,
  volunteerProfiles: schema.volunteerProfiles,
  helpRequests: schema.helpRequests,
  applications: schema.applications,
  thanks: schema.thanks,
  ratings: schema.ratings,
  flags: schema.flags,
  auditLog: schema.auditLog,
} as const;
type TableName = keyof typeof tables;

/** Rows in every table the pages write, to prove a refused form wrote nothing. */
export async function rowCounts(app: TestApp): Promise<Record<TableName, number>> {
  const out = {} as Record<TableName, number>;
  for (const [name, table] of Object.entries(tables) as [TableName, (typeof tables)[TableName]][]) {
    const [row] = await app.database.handle.db.select({ n: count() }).from(table);
    out[name] = row!.n;
  }
  return out;
}

export async function countUsers(app: TestApp): Promise<number> {
  const [row] = await app.database.handle.db.select({ n: count() }).from(schema.users);
  return row!.n;
}

export async function countTokens(app: TestApp): Promise<number> {
  const [row] = await app.database.handle.db.select({ n: count() }).from(schema.oneTimeTokens);
  return row!.n;
}

/** The id of a request by its title. */
export async function requestIdByTitle(app: TestApp, title: string): Promise<string> {
  const [row] = await app.database.handle.db
    .select({ id: schema.helpRequests.id })
    .from(schema.helpRequests)
    .where(eq(schema.helpRequests.title, title));
  if (!row) throw new Error(`no request ${title}`);
  return row.id;
}

/** Rows of applications of one request. */
export async function applicationsOf(app: TestApp, requestId: string) {
  return app.database.handle.db.select().from(schema.applications).where(eq(schema.applications.requestId, requestId));
}

export async function municipalitySettings(app: TestApp, code: string) {
  const [row] = await app.database.handle.db
    .select({ settings: schema.municipalities.settings })
    .from(schema.municipalities)
    .where(eq(schema.municipalities.code, code));
  return row?.settings;
}

/** The account row of this address. */
export async function accountRow(app: TestApp, email: string) {
  const [row] = await app.database.handle.db
    .select()
    .from(schema.users)
    .where(eq(schema.users.id, await userIdOf(app, email)));
  if (!row) throw new Error(`no account ${email}`);
  return row;
}
