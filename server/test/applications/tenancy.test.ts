import { beforeAll, describe, expect, it } from 'vitest';
import { useApiApp } from '../kit/app.ts';
import { applied, matched } from '../kit/applications.ts';
import { get, post } from '../kit/http.ts';
import { as, createVolunteer, demoEmails, officers } from '../kit/people.ts';
import { insertRequest } from '../kit/requests.ts';
import { stateSnapshot } from '../kit/rows.ts';

/**
 * Every matching route, called by people of another municipality (its staff and officers) about
 *足立区 (13121) data: refused with 403/404 or answered without any of that data, and nothing written.
 * (Raising a hand is not tenant-bound: volunteers help anywhere, so it is not in this list.)
 */

const t = useApiApp();
const ids = { request: '', pending: '', match: '', message: '', flag: '' };
const secrets = [
  'SECRET-APPLY',
  'SECRET-PENDING',
  'SECRET-MESSAGE',
  'SECRET-FLAG',
  'SECRET-PLACE',
  'SECRET-THANKS',
  'SECRET-RATING',
  '090-7777-0000',
];
let volunteerEmail = '';
let volunteerId = '';

beforeAll(async () => {
  const senju = await as(t, officers.senju);
  const request = await insertRequest(t, { slots: 2, exactPlace: 'SECRET-PLACE' });
  ids.request = request.id;
  // a volunteer who chose to show their thanks on the public profile
  const volunteer = await createVolunteer(t, { phone: '090-7777-0000', profile: { showThanks: true } });
  volunteerEmail = volunteer.email;
  volunteerId = volunteer.id;
  const matchId = await applied(t, volunteer.headers, request.id, 'SECRET-APPLY');
  await post(t, senju, `/api/applications/${matchId}/accept`, {});
  ids.match = matchId;
  ids.pending = await applied(t, (await createVolunteer(t)).headers, request.id, 'SECRET-PENDING');
  ids.message = (
    await post(t, volunteer.headers, `/api/applications/${matchId}/messages`, { body: 'SECRET-MESSAGE' })
  ).json().id;
  await post(t, senju, `/api/applications/${matchId}/complete`);
  await post(t, senju, `/api/applications/${matchId}/thanks`, {
    note: 'SECRET-THANKS',
    rating: { score: 4, comment: 'SECRET-RATING' },
  });
  ids.flag = (
    await post(t, senju, '/api/flags', { targetType: 'message', targetId: ids.message, reason: 'SECRET-FLAG' })
  ).json().id;
  // a second, untouched match so that thanks/confirm have something left to try
  await matched(t, await createVolunteer(t), request.id, officers.senju);
});

interface Call {
  name: string;
  method: 'GET' | 'POST';
  url: () => string;
  payload?: () => unknown;
  /** statuses allowed for this caller; 200 only for lists scoped to the caller's own data */
  allowed: number[];
}

const calls: Call[] = [
  {
    name: 'listApplications',
    method: 'GET',
    url: () => `/api/requests/${ids.request}/applications`,
    allowed: [403, 404],
  },
  { name: 'listMyApplications', method: 'GET', url: () => '/api/me/applications', allowed: [200] },
  {
    name: 'withdrawApplication',
    method: 'POST',
    url: () => `/api/applications/${ids.pending}/withdraw`,
    allowed: [403, 404],
  },
  {
    name: 'acceptApplication',
    method: 'POST',
    url: () => `/api/applications/${ids.pending}/accept`,
    payload: () => ({}),
    allowed: [403, 404],
  },
  {
    name: 'declineApplication',
    method: 'POST',
    url: () => `/api/applications/${ids.pending}/decline`,
    payload: () => ({}),
    allowed: [403, 404],
  },
  { name: 'listMessages', method: 'GET', url: () => `/api/applications/${ids.match}/messages`, allowed: [403, 404] },
  {
    name: 'sendMessage',
    method: 'POST',
    url: () => `/api/applications/${ids.match}/messages`,
    payload: () => ({ body: 'やあ' }),
    allowed: [403, 404],
  },
  {
    name: 'completeMatch',
    method: 'POST',
    url: () => `/api/applications/${ids.pending}/complete`,
    allowed: [403, 404],
  },
  {
    name: 'confirmCompletion',
    method: 'POST',
    url: () => `/api/applications/${ids.match}/confirm`,
    allowed: [403, 404],
  },
  {
    name: 'sendThanks',
    method: 'POST',
    url: () => `/api/applications/${ids.match}/thanks`,
    payload: () => ({ note: 'どうも' }),
    allowed: [403, 404],
  },
  {
    name: 'flagContent (a message)',
    method: 'POST',
    url: () => '/api/flags',
    payload: () => ({ targetType: 'message', targetId: ids.message, reason: 'x' }),
    allowed: [403, 404],
  },
  { name: 'listFlags of 13121', method: 'GET', url: () => '/api/flags?municipalityCode=13121', allowed: [403] },
  { name: 'listFlags (own scope)', method: 'GET', url: () => '/api/flags', allowed: [200, 403] },
  {
    name: 'resolveFlag',
    method: 'POST',
    url: () => `/api/flags/${ids.flag}/resolve`,
    payload: () => ({ decision: 'hide' }),
    allowed: [403, 404],
  },
];

const callers: [string, string][] = [
  ['staff of 新宿区', demoEmails.staffShinjuku],
  ['officer in 新宿区 (also a volunteer)', officers.okubo],
  ['officer in 新宿区', officers.yotsuya],
];

describe("another municipality's people get none of 13121's matching data", () => {
  const rows = calls.flatMap((call) =>
    callers.map(([who, email]) => ({ call, who, email, name: `${call.name} as ${who}` })),
  );
  it.each(rows)('$name', async ({ call, email }) => {
    const before = await stateSnapshot(t);
    const res = await t.app.inject({
      method: call.method,
      url: call.url(),
      headers: await as(t, email),
      ...(call.payload ? { payload: call.payload() as object } : {}),
    });
    expect(call.allowed, res.body).toContain(res.statusCode);
    for (const secret of [...secrets, volunteerEmail]) expect(res.body).not.toContain(secret);
    expect(await stateSnapshot(t)).toEqual(before);
  });
});

describe('the public profile is not tenant data, and carries nothing private', () => {
  it.each(callers)('getVolunteerProfile as %s', async (_who, email) => {
    const res = await get(t, await as(t, email), `/api/volunteers/${volunteerId}`);
    expect(res.statusCode).toBe(200);
    // the thank-you note is public (the volunteer shows thanks); contact details and ratings never are
    expect(res.body).toContain('SECRET-THANKS');
    for (const secret of ['SECRET-RATING', 'SECRET-APPLY', 'SECRET-PLACE', '090-7777-0000', volunteerEmail]) {
      expect(res.body).not.toContain(secret);
    }
  });
});
