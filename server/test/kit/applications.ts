import { schema } from '@board/db';
import { MessageList } from '@board/shared';
import { eq } from 'drizzle-orm';
import type { TestApp } from './app.ts';
import { answer, get, post } from './http.ts';
import { as, createVolunteer, officers } from './people.ts';
import { insertRequest, type DirectRequest } from './requests.ts';

/** Raises a hand on a request through the API and returns the answer. */
export async function apply(
  t: TestApp,
  headers: Record<string, string>,
  requestId: string,
  message = 'お手伝いします',
) {
  return post(t, headers, `/api/requests/${requestId}/applications`, { message });
}

/** Applies through the API and returns the new application's id (fails the test otherwise). */
export async function applied(t: TestApp, headers: Record<string, string>, requestId: string, message?: string) {
  const res = await apply(t, headers, requestId, message);
  if (res.statusCode !== 201) throw new Error(`apply failed: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

/** A match: applied through the API and accepted by the association's officer. */
export async function matched(
  t: TestApp,
  volunteer: { headers: Record<string, string> },
  requestId: string,
  officerEmail: string,
): Promise<string> {
  const id = await applied(t, volunteer.headers, requestId);
  const res = await post(t, await as(t, officerEmail), `/api/applications/${id}/accept`, {});
  if (res.statusCode !== 200) throw new Error(`accept failed: ${res.statusCode} ${res.body}`);
  return id;
}

/**
 * The scene many tests start from: a request of 千住一丁目町会 written straight into the database
 * (`request` as for `insertRequest`), a new signed-in volunteer (`volunteer` as for
 * `createVolunteer`), and that volunteer's hand on it, raised through the API.
 */
export async function newHand(
  t: TestApp,
  request: DirectRequest = {},
  volunteer: Parameters<typeof createVolunteer>[1] = {},
) {
  const scene = { request: await insertRequest(t, request), volunteer: await createVolunteer(t, volunteer) };
  return { ...scene, id: await applied(t, scene.volunteer.headers, scene.request.id) };
}

/** `newHand`, the hand accepted by the association's officer through the API: a match. */
export async function newMatch(
  t: TestApp,
  request: DirectRequest = {},
  volunteer: Parameters<typeof createVolunteer>[1] = {},
) {
  const scene = { request: await insertRequest(t, request), volunteer: await createVolunteer(t, volunteer) };
  return { ...scene, id: await matched(t, scene.volunteer, scene.request.id, officers.senju) };
}

type VolunteerOptions = Parameters<typeof createVolunteer>[1];

/**
 * A request of 千住一丁目町会 (`request` as for `insertRequest`) with a place for each of
 * `volunteers`, every place taken: a new volunteer for each (options as for `createVolunteer`),
 * matched through the API in that order. Answers the request and its matches, each with its
 * volunteer and the application's id.
 */
export async function filledRequest<const V extends readonly VolunteerOptions[]>(
  t: TestApp,
  volunteers: V,
  request: DirectRequest = {},
) {
  const row = await insertRequest(t, { slots: volunteers.length, ...request });
  const matches: { volunteer: Awaited<ReturnType<typeof createVolunteer>>; id: string }[] = [];
  for (const options of volunteers) {
    const volunteer = await createVolunteer(t, options);
    matches.push({ volunteer, id: await matched(t, volunteer, row.id, officers.senju) });
  }
  return { request: row, matches: matches as { [K in keyof V]: (typeof matches)[number] } };
}

export async function applicationRow(t: TestApp, id: string) {
  const [row] = await t.database.handle.db.select().from(schema.applications).where(eq(schema.applications.id, id));
  if (!row) throw new Error(`no application ${id}`);
  return row;
}

/** A match's thread as this side reads it (fails the test unless the answer is 200). */
export async function readThread(t: TestApp, headers: Record<string, string>, applicationId: string) {
  return answer(await get(t, headers, `/api/applications/${applicationId}/messages`), 200, MessageList);
}
