/**
 * Setting a scene without the browser: requests and volunteers written straight into the
 * database (as the seed does), API calls as a demo account, and the dates and words they need.
 */
import {
  createPerson,
  demoEmails,
  freshEmail,
  insertRequest as insertRequestRow,
  nextUnique,
  userIdOf,
  type AssociationKey,
  type DirectRequest,
} from '../../src/harness/scene.ts';
import { accessTokenFor } from '../../src/harness/sessions.ts';
import type { TestApp } from '../../src/harness/test-app.ts';

/** Titles of demo requests (from the seed). */
export const demoTitles = {
  flyer: '夏祭りのチラシを作ってください',
  photo: '防災訓練の写真撮影',
  garbage: 'ごみ出しルールをやさしい日本語と英語に',
  smartphone: '高齢者向けスマホ教室の講師',
} as const;

export type { AssociationKey };

const day = 86_400_000;

/**
 * A help request written straight into the database, as the seed does (published by default,
 * open for applications for 30 days, in 一丁目, no exact place); answers its id.
 */
export async function insertRequest(
  app: TestApp,
  values: Omit<DirectRequest, 'title' | 'applicationDeadline'> & { title: string; deadline?: Date | null },
): Promise<string> {
  const { deadline, ...rest } = values;
  const status = values.status ?? 'published';
  const request = await insertRequestRow(app, {
    area: '一丁目',
    exactPlace: '',
    ...rest,
    applicationDeadline: deadline === undefined ? new Date(Date.now() + 30 * day) : deadline,
    ...(['published', 'filled', 'completed'].includes(status) ? {} : { publishedAt: null }),
  });
  return request.id;
}

/** A volunteer account made directly in the database; email not confirmed unless told. */
export async function createVolunteer(
  app: TestApp,
  options: { verified?: boolean; displayName?: string; phone?: string } = {},
): Promise<{ id: string; email: string }> {
  return createPerson(app, {
    email: freshEmail('board.volunteer'),
    verified: options.verified ?? false,
    displayName: options.displayName ?? `テスト 腕きき ${nextUnique()}`,
    phone: options.phone ?? null,
    roles: [{ role: 'volunteer' }],
  });
}

/** Calls the API as a demo (or any) account, as a phone app would: a bearer token, JSON. */
export async function apiAs(
  app: TestApp,
  email: string,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  url: string,
  payload?: unknown,
): Promise<{ status: number; body: unknown }> {
  const token = await accessTokenFor(app, await userIdOf(app, email));
  const response = await app.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}` },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
  return { status: response.statusCode, body: response.body ? response.json() : null };
}

/** `email` raises a hand for the request through the API (201, or the test fails); answers the application's id. */
export async function applyAs(app: TestApp, email: string, requestId: string, message: string): Promise<string> {
  const { status, body } = await apiAs(app, email, 'POST', `/api/requests/${requestId}/applications`, { message });
  if (status !== 201) throw new Error(`raising a hand on ${requestId}: ${status} ${JSON.stringify(body)}`);
  return (body as { id: string }).id;
}

/**
 * `volunteer` raises a hand for a request of 千住一丁目町会 through the API, taken as far as
 * `stage`: accepted by its officer (a match), also marked done by them, or also confirmed by the
 * volunteer. Answers the application's id.
 */
export async function matchThroughApi(
  app: TestApp,
  stage: 'accepted' | 'done' | 'confirmed',
  requestId: string,
  volunteer: string,
  message = 'お手伝いします',
): Promise<string> {
  const id = await applyAs(app, volunteer, requestId, message);
  await api(app, demoEmails.officerSenju, 'POST', `/api/applications/${id}/accept`);
  if (stage !== 'accepted') await api(app, demoEmails.officerSenju, 'POST', `/api/applications/${id}/complete`);
  if (stage === 'confirmed') await api(app, volunteer, 'POST', `/api/applications/${id}/confirm`);
  return id;
}

/** `email` reports the request through the API (`flagContent`); answers the flag's id. */
export async function flagAs(app: TestApp, email: string, requestId: string, reason: string): Promise<string> {
  const body = { targetType: 'request', targetId: requestId, reason };
  return (await api<{ id: string }>(app, email, 'POST', '/api/flags', body)).id;
}

/** Calls the API as a demo account and answers the body; throws unless the call succeeded. */
export async function api<T = unknown>(
  app: TestApp,
  email: string,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  url: string,
  payload?: unknown,
): Promise<T> {
  const { status, body } = await apiAs(app, email, method, url, payload);
  if (status >= 300) throw new Error(`${method} ${url}: ${status} ${JSON.stringify(body)}`);
  return body as T;
}

/** A calendar day `days` from now, as a date box takes it (Tokyo time). */
export function dayFromNow(days: number): string {
  return new Date(Date.now() + 9 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** An instant `days` from now at 10:00 Tokyo time. */
export function instantFromNow(days: number, time = '10:00'): string {
  return `${dayFromNow(days)}T${time}:00+09:00`;
}

let serial = 0;
/** A word no other request contains, for finding one request by search. */
export function uniqueWord(): string {
  serial += 1;
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  let n = Date.now() * 10 + serial;
  let word = '';
  while (n > 0) {
    word += letters[n % letters.length];
    n = Math.floor(n / letters.length);
  }
  return `Q${word}`;
}

/** A valid request body for the API (a draft of 千住一丁目町会 by default). */
export function requestBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '防災訓練の受付',
    body: '11月の防災訓練で、受付を手伝ってくださる方を探しています。',
    category: 'disaster_prevention',
    skills: ['受付'],
    slots: 1,
    when: { kind: 'at', startsAt: instantFromNow(30) },
    area: '千住一丁目',
    exactPlace: '千住一丁目会館',
    online: false,
    estimatedHours: 2,
    expensesCovered: false,
    applicationDeadline: instantFromNow(20),
    languages: ['ja'],
    ...overrides,
  };
}

/**
 * A request posted through the API by an officer (千住一丁目町会's unless another is named), taken
 * as far as `stage`: a draft, sent for review, or also approved by 足立区's staff (published where
 * the ward reviews). `overrides` go into its `requestBody`. Answers its id.
 */
export async function requestThroughApi(
  app: TestApp,
  stage: 'draft' | 'sent' | 'approved',
  overrides: Record<string, unknown> = {},
  officer: string = demoEmails.officerSenju,
): Promise<string> {
  const { id } = await api<{ id: string }>(app, officer, 'POST', '/api/requests', requestBody(overrides));
  if (stage !== 'draft') await api(app, officer, 'POST', `/api/requests/${id}/submit`);
  if (stage === 'approved') await api(app, demoEmails.staffAdachi, 'POST', `/api/requests/${id}/approve`);
  return id;
}
