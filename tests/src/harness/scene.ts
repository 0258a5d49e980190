/**
 * Scene builders both test kits share (server/test/kit and tests/e2e/kit): the demo accounts and
 * associations of the seed, and people and requests written straight into the test database, as
 * the seed does. The kits re-export these; tests import them from their own kit.
 */
import { schema } from '@board/db';
import { hashPassword } from '@board/server/modules/accounts/secrets';
import { textColumns } from '@board/server/modules/help-requests/content';
import { documentTokens, type Language, type RequestStatus, type RoleGrant } from '@board/shared';
import { eq } from 'drizzle-orm';
import type { TestApp } from './test-app.ts';

/** Every demo account signs in with this password. */
export const demoPassword = 'udekiki-demo-2026';

/** The demo accounts of the seed, by who they are. */
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
  volunteer3: 'volunteer3@demo.example',
  volunteer4: 'volunteer4@demo.example',
  volunteer5: 'volunteer5@demo.example',
} as const;

/** The demo associations, their municipality and their officer (okubo's officer is also a volunteer). */
export const demoAssociations = {
  senju: { name: '千住一丁目町会', code: '13121', officer: demoEmails.officerSenju },
  umeda: { name: '梅田四丁目自治会', code: '13121', officer: demoEmails.officerUmeda },
  okubo: { name: '大久保二丁目町会', code: '13104', officer: demoEmails.officerOkubo },
  yotsuya: { name: '四谷三丁目町会', code: '13104', officer: demoEmails.officerYotsuya },
} as const;
export type AssociationKey = keyof typeof demoAssociations;

/** The id of a row found by one unique column (fails the test when there is none). */
async function idWhere(
  t: TestApp,
  table: typeof schema.users | typeof schema.associations,
  column: typeof schema.users.email | typeof schema.associations.name,
  value: string,
): Promise<string> {
  const [row] = await t.database.handle.db.select({ id: table.id }).from(table).where(eq(column, value));
  if (!row) throw new Error(`no ${table === schema.users ? 'user' : 'association'} ${value}`);
  return row.id;
}

export const userIdOf = (t: TestApp, email: string) => idWhere(t, schema.users, schema.users.email, email);

export const associationIdOf = (t: TestApp, name: string) =>
  idWhere(t, schema.associations, schema.associations.name, name);

let unique = 0;
/** A fresh address no account or invitation uses yet. */
export function freshEmail(prefix = 'person'): string {
  unique += 1;
  return `${prefix}.${Date.now().toString(36)}.${unique}@example.jp`;
}

/** The next number of a counter shared by everything here that needs a unique name. */
export const nextUnique = () => ++unique;

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
  profile?: {
    interestCategories?: string[];
    /** skills of the vocabulary (shared/src/skills), each with a level */
    skills?: { key: string; level: 'can' | 'teach' }[];
    municipalityCodes?: string[];
    availabilitySlots?: string[];
    onlineOk?: boolean;
    suggestable?: boolean;
    languages?: string[];
    showThanks?: boolean;
  };
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
      interestCategories: options.profile.interestCategories ?? [],
      municipalityCodes: options.profile.municipalityCodes ?? [],
      availabilitySlots: options.profile.availabilitySlots ?? [],
      onlineOk: options.profile.onlineOk ?? false,
      suggestable: options.profile.suggestable ?? false,
      languages: options.profile.languages ?? ['ja'],
      showThanks: options.profile.showThanks ?? true,
    });
    const skills = options.profile.skills ?? [];
    if (skills.length > 0) {
      await db
        .insert(schema.volunteerSkills)
        .values(skills.map((s) => ({ userId: row!.id, skillKey: s.key, level: s.level })));
    }
  }
  return { id: row!.id, email };
}

export interface DirectRequest {
  /** whose request (default: 千住一丁目町会, or the first demo association of `municipalityCode`) */
  association?: AssociationKey;
  municipalityCode?: string;
  /** another association than the demo ones (then give `municipalityCode` too) */
  associationId?: string;
  createdByEmail?: string;
  /** a unique title by default */
  title?: string;
  body?: string;
  status?: RequestStatus;
  category?: (typeof schema.helpRequests.$inferInsert)['category'];
  skills?: string[];
  skillKeys?: string[];
  slots?: number;
  matchedCount?: number;
  startsAt?: Date | null;
  applicationDeadline?: Date | null;
  online?: boolean;
  whenKind?: 'at' | 'range' | 'day' | 'flexible';
  endsAt?: Date | null;
  publishedAt?: Date | null;
  hiddenAt?: Date | null;
  area?: string;
  exactPlace?: string;
  /** false: stored as before furigana existed (no readings; search tokens of the text alone) */
  readings?: boolean;
}

export interface InsertedRequest {
  id: string;
  title: string;
  municipalityCode: string;
  associationId: string;
}

const firstAssociationIn: Record<string, AssociationKey> = { '13121': 'senju', '13104': 'okubo' };

/**
 * A help request written straight into the database, as the seed does (published by default), with
 * the readings over its kanji (furigana) and the search tokens the API would make.
 */
export async function insertRequest(t: TestApp, values: DirectRequest = {}): Promise<InsertedRequest> {
  const key = values.association ?? firstAssociationIn[values.municipalityCode ?? '13121'];
  const demo = key ? demoAssociations[key] : undefined;
  const code = values.municipalityCode ?? demo!.code;
  const title = values.title ?? `テストの依頼 ${nextUnique()}`;
  const body = values.body ?? 'テストの本文です。';
  const status = values.status ?? 'published';
  const associationId = values.associationId ?? (await associationIdOf(t, demo!.name));
  const createdByEmail = values.createdByEmail ?? demo?.officer;
  const [row] = await t.database.handle.db
    .insert(schema.helpRequests)
    .values({
      municipalityCode: code,
      associationId,
      createdBy: createdByEmail ? await userIdOf(t, createdByEmail) : null,
      title,
      body,
      category: values.category ?? 'other',
      skills: values.skills ?? [],
      skillKeys: values.skillKeys ?? [],
      slots: values.slots ?? 1,
      matchedCount: values.matchedCount ?? 0,
      whenKind: values.whenKind ?? (values.startsAt ? 'at' : 'flexible'),
      startsAt: values.startsAt ?? null,
      endsAt: values.endsAt ?? null,
      applicationDeadline: values.applicationDeadline ?? null,
      online: values.online ?? false,
      area: values.area,
      exactPlace: values.exactPlace ?? '秘密の集合場所',
      status,
      // readings and search tokens as the API makes them, so tests see what users see
      ...(values.readings === false ? { searchTokens: documentTokens(title, body) } : await textColumns(title, body)),
      ...publishedNow(values.publishedAt, status),
      hiddenAt: values.hiddenAt ?? null,
    })
    .returning({ id: schema.helpRequests.id });
  return { id: row!.id, title, municipalityCode: code, associationId };
}

/**
 * When the request was published: as told, or (for a published status) this moment, and then it
 * was posted at the same moment, as the seed does. Left to the column default, `created_at` would
 * come after `published_at` (the readings take a moment), and a timeline would show it published
 * before it was posted.
 */
function publishedNow(publishedAt: Date | null | undefined, status: string) {
  if (publishedAt !== undefined) return { publishedAt };
  if (!['published', 'filled', 'completed'].includes(status)) return { publishedAt: null };
  const now = new Date();
  return { publishedAt: now, createdAt: now };
}

/** A request's row as it stands in the database (fails when there is none). */
export async function requestRow(t: TestApp, id: string) {
  const [row] = await t.database.handle.db.select().from(schema.helpRequests).where(eq(schema.helpRequests.id, id));
  if (!row) throw new Error(`no request ${id}`);
  return row;
}
