import { schema } from '@board/db';
import { ErrorBody, type Language, type RequestStatus } from '@board/shared';
import type { TestApp } from '@board/tests/harness/test-app';
import { count, eq } from 'drizzle-orm';
import { associationIdOf, bearer, freshEmail, userIdOf } from '../people/helpers.ts';

/** Helpers for the matching tests (raise a hand, match, messages, finish, thanks, flags). */

export { as, associationIdOf, auditEntries, bearer, demoEmails, userIdOf } from '../people/helpers.ts';

export const officers = {
  senju: 'officer.senju@demo.example',
  umeda: 'officer.umeda@demo.example',
  okubo: 'officer.okubo@demo.example',
  yotsuya: 'officer.yotsuya@demo.example',
} as const;

const associationOf = {
  senju: { name: '千住一丁目町会', code: '13121' },
  umeda: { name: '梅田四丁目自治会', code: '13121' },
  okubo: { name: '大久保二丁目町会', code: '13104' },
  yotsuya: { name: '四谷三丁目町会', code: '13104' },
} as const;
export type AssociationKey = keyof typeof associationOf;

let unique = 0;

/** A help request made directly in the database (published by default). */
export async function createRequest(
  t: TestApp,
  options: {
    association?: AssociationKey;
    slots?: number;
    status?: RequestStatus;
    title?: string;
    deadline?: Date | null;
    matchedCount?: number;
    exactPlace?: string;
  } = {},
): Promise<{ id: string; title: string; municipalityCode: string; associationId: string }> {
  const key = options.association ?? 'senju';
  const association = associationOf[key];
  const associationId = await associationIdOf(t, association.name);
  unique += 1;
  const title = options.title ?? `テスト依頼 ${unique} ${Date.now().toString(36)}`;
  const status = options.status ?? 'published';
  const [row] = await t.database.handle.db
    .insert(schema.helpRequests)
    .values({
      municipalityCode: association.code,
      associationId,
      createdBy: await userIdOf(t, officers[key]),
      title,
      body: 'テストの依頼です。',
      category: 'photo_video',
      slots: options.slots ?? 1,
      status,
      matchedCount: options.matchedCount ?? 0,
      exactPlace: options.exactPlace ?? '集会所（千住一丁目3-5）',
      area: '一丁目',
      applicationDeadline: options.deadline === undefined ? new Date(Date.now() + 7 * 86_400_000) : options.deadline,
      publishedAt: ['published', 'filled', 'completed'].includes(status) ? new Date() : null,
    })
    .returning({ id: schema.helpRequests.id });
  return { id: row!.id, title, municipalityCode: association.code, associationId };
}

/** A volunteer account made directly in the database (email verified unless told otherwise). */
export async function createVolunteer(
  t: TestApp,
  options: {
    verified?: boolean;
    language?: Language;
    displayName?: string;
    phone?: string | null;
    profile?: { skills?: string[]; languages?: string[]; showThanks?: boolean };
  } = {},
): Promise<{ id: string; email: string; headers: Record<string, string> }> {
  const db = t.database.handle.db;
  const email = freshEmail('volunteer');
  const [row] = await db
    .insert(schema.users)
    .values({
      email,
      emailVerifiedAt: options.verified === false ? null : new Date(),
      displayName: options.displayName ?? `腕きき ${++unique}`,
      language: options.language ?? 'ja',
      phone: options.phone ?? null,
    })
    .returning({ id: schema.users.id });
  await db.insert(schema.roleAssignments).values({ userId: row!.id, role: 'volunteer' });
  if (options.profile) {
    await db.insert(schema.volunteerProfiles).values({
      userId: row!.id,
      skills: options.profile.skills ?? [],
      languages: options.profile.languages ?? ['ja'],
      showThanks: options.profile.showThanks ?? true,
    });
  }
  return { id: row!.id, email, headers: await bearer(t, row!.id) };
}

/** Many verified volunteers at once (the races). */
export async function createVolunteers(t: TestApp, n: number) {
  const db = t.database.handle.db;
  const rows = await db
    .insert(schema.users)
    .values(
      Array.from({ length: n }, (_, i) => ({
        email: freshEmail(`racer${i}`),
        emailVerifiedAt: new Date(),
        displayName: `走者 ${i}`,
      })),
    )
    .returning({ id: schema.users.id, email: schema.users.email });
  await db.insert(schema.roleAssignments).values(rows.map((r) => ({ userId: r.id, role: 'volunteer' as const })));
  return Promise.all(rows.map(async (r) => ({ id: r.id, email: r.email!, headers: await bearer(t, r.id) })));
}

export async function apply(
  t: TestApp,
  headers: Record<string, string>,
  requestId: string,
  message = 'お手伝いします',
) {
  return t.app.inject({
    method: 'POST',
    url: `/api/requests/${requestId}/applications`,
    headers,
    payload: { message },
  });
}

/** Applies through the API and returns the new application's id (fails the test otherwise). */
export async function applied(t: TestApp, headers: Record<string, string>, requestId: string, message?: string) {
  const res = await apply(t, headers, requestId, message);
  if (res.statusCode !== 201) throw new Error(`apply failed: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

export async function post(t: TestApp, headers: Record<string, string>, url: string, payload?: object) {
  return t.app.inject(
    payload === undefined ? { method: 'POST', url, headers } : { method: 'POST', url, headers, payload },
  );
}

export async function get(t: TestApp, headers: Record<string, string>, url: string) {
  return t.app.inject({ method: 'GET', url, headers });
}

/** A match: applied through the API and accepted by the association's officer. */
export async function matched(
  t: TestApp,
  volunteer: { headers: Record<string, string> },
  requestId: string,
  officerEmail: string,
): Promise<string> {
  const id = await applied(t, volunteer.headers, requestId);
  const res = await post(t, await bearer(t, await userIdOf(t, officerEmail)), `/api/applications/${id}/accept`, {});
  if (res.statusCode !== 200) throw new Error(`accept failed: ${res.statusCode} ${res.body}`);
  return id;
}

export function errorCode(res: { json(): unknown }): string {
  return ErrorBody.parse(res.json()).error.code;
}

export async function requestRow(t: TestApp, id: string) {
  const [row] = await t.database.handle.db.select().from(schema.helpRequests).where(eq(schema.helpRequests.id, id));
  return row!;
}

export async function applicationRow(t: TestApp, id: string) {
  const [row] = await t.database.handle.db.select().from(schema.applications).where(eq(schema.applications.id, id));
  return row!;
}

/** Rows in every table the matching routes write, to prove a refused request wrote nothing. */
export async function matchingRowCounts(t: TestApp) {
  const db = t.database.handle.db;
  const tables = {
    applications: schema.applications,
    messages: schema.messages,
    thanks: schema.thanks,
    ratings: schema.ratings,
    flags: schema.flags,
    auditLog: schema.auditLog,
  };
  const out: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) {
    const [row] = await db.select({ n: count() }).from(table);
    out[name] = row!.n;
  }
  return out;
}

/** A snapshot of the mutable columns of applications and requests, to prove nothing changed. */
export async function stateSnapshot(t: TestApp) {
  const db = t.database.handle.db;
  const apps = await db
    .select({
      id: schema.applications.id,
      status: schema.applications.status,
      completedAt: schema.applications.completedAt,
      confirmedAt: schema.applications.confirmedAt,
    })
    .from(schema.applications)
    .orderBy(schema.applications.id);
  const requests = await db
    .select({
      id: schema.helpRequests.id,
      status: schema.helpRequests.status,
      matchedCount: schema.helpRequests.matchedCount,
      hiddenAt: schema.helpRequests.hiddenAt,
    })
    .from(schema.helpRequests)
    .orderBy(schema.helpRequests.id);
  const flags = await db
    .select({ id: schema.flags.id, status: schema.flags.status })
    .from(schema.flags)
    .orderBy(schema.flags.id);
  return { apps, requests, flags, counts: await matchingRowCounts(t) };
}

/** Captured mails to one address, newest first */
export function mailsTo(t: TestApp, email: string) {
  return t.app.mailer.captured.filter((m) => m.to === email);
}
