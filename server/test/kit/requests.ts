import { schema } from '@board/db';
import { documentTokens, type HelpRequestDetail, type RequestStatus } from '@board/shared';
import { eq } from 'drizzle-orm';
import type { TestApp } from './app.ts';
import { as, associationIdOf, associations, demoEmails, userIdOf, type AssociationKey } from './people.ts';

const day = 86_400_000;
export const inDays = (n: number) => new Date(Date.now() + n * day).toISOString();

/** A complete, valid request body (HelpRequestInput) with overrides. */
export function validInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '町会だよりのレイアウト',
    body: '年4回発行の町会だよりを、読みやすいレイアウトにしてくれる方を探しています。\nWordで作っています。',
    category: 'design_flyers',
    skills: ['Word', 'レイアウト'],
    slots: 2,
    when: { kind: 'range', startsAt: inDays(20), endsAt: inDays(21) },
    area: '千住一丁目',
    exactPlace: '千住一丁目会館 2階和室',
    online: false,
    estimatedHours: 3.5,
    expensesCovered: true,
    applicationDeadline: inDays(10),
    languages: ['ja'],
    ...overrides,
  };
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
  slots?: number;
  matchedCount?: number;
  startsAt?: Date | null;
  applicationDeadline?: Date | null;
  online?: boolean;
  whenKind?: 'at' | 'range' | 'flexible';
  endsAt?: Date | null;
  publishedAt?: Date | null;
  hiddenAt?: Date | null;
  area?: string;
  exactPlace?: string;
}

export interface InsertedRequest {
  id: string;
  title: string;
  municipalityCode: string;
  associationId: string;
}

const firstAssociationIn: Record<string, AssociationKey> = { '13121': 'senju', '13104': 'okubo' };
let unique = 0;

/** A help request written straight into the database, as the seed does (published by default). */
export async function insertRequest(t: TestApp, values: DirectRequest = {}): Promise<InsertedRequest> {
  const key = values.association ?? firstAssociationIn[values.municipalityCode ?? '13121'];
  const demo = key ? associations[key] : undefined;
  const code = values.municipalityCode ?? demo!.code;
  unique += 1;
  const title = values.title ?? `テストの依頼 ${unique}`;
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
      searchTokens: documentTokens(title, body),
      publishedAt:
        values.publishedAt !== undefined
          ? values.publishedAt
          : ['published', 'filled', 'completed'].includes(status)
            ? new Date()
            : null,
      hiddenAt: values.hiddenAt ?? null,
    })
    .returning({ id: schema.helpRequests.id });
  return { id: row!.id, title, municipalityCode: code, associationId };
}

export async function requestRow(t: TestApp, id: string) {
  const [row] = await t.database.handle.db.select().from(schema.helpRequests).where(eq(schema.helpRequests.id, id));
  if (!row) throw new Error(`no request ${id}`);
  return row;
}

export async function setStatus(t: TestApp, id: string, status: RequestStatus, extra: Record<string, unknown> = {}) {
  await t.database.handle.db
    .update(schema.helpRequests)
    .set({ status, ...extra })
    .where(eq(schema.helpRequests.id, id));
}

export async function setModeration(t: TestApp, code: string, required: boolean) {
  await t.database.handle.db
    .update(schema.municipalities)
    .set({ moderationRequired: required })
    .where(eq(schema.municipalities.code, code));
}

/** Creates a draft through the API as the 千住一丁目町会 officer. */
export async function createDraft(t: TestApp, overrides: Record<string, unknown> = {}): Promise<HelpRequestDetail> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/requests',
    headers: await as(t, demoEmails.officerSenju),
    payload: validInput(overrides),
  });
  if (res.statusCode !== 201) throw new Error(`createDraft: ${res.statusCode} ${res.body}`);
  return res.json();
}
