import { schema } from '@board/db';
import { type HelpRequestDetail, type RequestStatus } from '@board/shared';
import { eq } from 'drizzle-orm';
import type { TestApp } from './app.ts';
import { post } from './http.ts';
import { as, demoEmails } from './people.ts';

export { insertRequest, requestRow, type DirectRequest, type InsertedRequest } from '@board/tests/harness/scene';

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

/** Reports a request through the API (`flagContent`) and returns the flag's id (fails the test unless 201). */
export async function flagRequest(t: TestApp, headers: Record<string, string>, requestId: string, reason: string) {
  const res = await post(t, headers, '/api/flags', { targetType: 'request', targetId: requestId, reason });
  if (res.statusCode !== 201) throw new Error(`flag failed: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}
