import { ErrorBody } from '@board/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { useApiApp } from '../kit/app.ts';
import { applied, matched } from '../kit/applications.ts';
import { answer, post } from '../kit/http.ts';
import { as, createVolunteer, demoEmails, officers } from '../kit/people.ts';
import { flagRequest, insertRequest } from '../kit/requests.ts';
import { stateSnapshot } from '../kit/rows.ts';

/** Every write route of the matching modules: bad input is 400 naming the fields, and nothing is written or mailed. */

const t = useApiApp();
const ids = { request: '', pending: '', match: '', flag: '' };
const headers: Record<'volunteer' | 'officer' | 'staff', Record<string, string>> = {
  volunteer: {},
  officer: {},
  staff: {},
};

beforeAll(async () => {
  headers.officer = await as(t, officers.senju);
  headers.staff = await as(t, demoEmails.staffAdachi);
  const request = await insertRequest(t, { slots: 3 });
  ids.request = request.id;
  const volunteer = await createVolunteer(t);
  headers.volunteer = volunteer.headers;
  ids.match = await matched(t, volunteer, request.id, officers.senju);
  await post(t, headers.officer, `/api/applications/${ids.match}/complete`);
  ids.pending = await applied(t, (await createVolunteer(t)).headers, request.id);
  ids.flag = await flagRequest(t, volunteer.headers, request.id, '確認');
});

interface BadCase {
  name: string;
  url: () => string;
  as: keyof typeof headers;
  payload?: unknown;
  fields: string[];
}

const long = (n: number) => 'あ'.repeat(n);

/** The bad-input cases of one route: [what is wrong, who sends it, payload, the fields the answer names]. */
function routeCases(
  name: string,
  url: () => string,
  cases: [what: string, as: BadCase['as'], payload: unknown, fields: string[]][],
): BadCase[] {
  return cases.map(([what, as, payload, fields]) => ({ name: `${name}: ${what}`, url, as, payload, fields }));
}

const cases: BadCase[] = [
  // applyToRequest
  ...routeCases('apply', () => `/api/requests/${ids.request}/applications`, [
    ['no message', 'volunteer', {}, ['message']],
    ['blank message', 'volunteer', { message: '  \n ' }, ['message']],
    ['message over 1000', 'volunteer', { message: long(1001) }, ['message']],
    ['control characters', 'volunteer', { message: 'こんにちは\u0000' }, ['message']],
  ]),
  ...routeCases('apply', () => '/api/requests/not-a-uuid/applications', [
    ['request id not a uuid', 'volunteer', { message: 'はい' }, ['id']],
  ]),
  // withdrawApplication
  ...routeCases('withdraw', () => '/api/applications/123/withdraw', [
    ['id not a uuid', 'volunteer', undefined, ['id']],
  ]),
  // acceptApplication / declineApplication
  ...routeCases('accept', () => `/api/applications/${ids.pending}/accept`, [
    ['note over 500', 'officer', { note: long(501) }, ['note']],
    ['note not text', 'officer', { note: 42 }, ['note']],
  ]),
  ...routeCases('decline', () => `/api/applications/${ids.pending}/decline`, [
    ['note over 500', 'officer', { note: long(501) }, ['note']],
  ]),
  ...routeCases('decline', () => '/api/applications/xyz/decline', [['id not a uuid', 'officer', {}, ['id']]]),
  // sendMessage
  ...routeCases('message', () => `/api/applications/${ids.match}/messages`, [
    ['empty', 'volunteer', { body: '' }, ['body']],
    ['over 2000', 'officer', { body: long(2001) }, ['body']],
    ['control characters', 'volunteer', { body: 'ベル\u0007' }, ['body']],
  ]),
  // completeMatch / confirmCompletion
  ...routeCases('complete', () => '/api/applications/1/complete', [['id not a uuid', 'officer', undefined, ['id']]]),
  ...routeCases('confirm', () => '/api/applications/1/confirm', [['id not a uuid', 'volunteer', undefined, ['id']]]),
  // sendThanks
  ...routeCases('thanks', () => `/api/applications/${ids.match}/thanks`, [
    ['no note', 'officer', {}, ['note']],
    ['note over 1000', 'officer', { note: long(1001) }, ['note']],
    [
      'rating out of range and comment too long',
      'volunteer',
      { note: 'ありがとう', rating: { score: 6, comment: long(1001) } },
      ['rating.comment', 'rating.score'],
    ],
    ['rating not a whole number', 'volunteer', { note: 'ありがとう', rating: { score: 2.5 } }, ['rating.score']],
    ['rating zero', 'officer', { note: 'ありがとう', rating: { score: 0 } }, ['rating.score']],
  ]),
  // flagContent
  ...routeCases('flag', () => '/api/flags', [
    [
      'unknown target type, target id not a uuid, no reason',
      'volunteer',
      { targetType: 'user', targetId: 'abc', reason: '' },
      ['reason', 'targetId', 'targetType'],
    ],
    [
      'reason over 500',
      'volunteer',
      { targetType: 'request', targetId: '00000000-0000-4000-8000-000000000000', reason: long(501) },
      ['reason'],
    ],
  ]),
  // resolveFlag
  ...routeCases('resolve', () => `/api/flags/${ids.flag}/resolve`, [
    ['unknown decision', 'staff', { decision: 'delete' }, ['decision']],
    ['note over 500', 'staff', { decision: 'hide', note: long(501) }, ['note']],
  ]),
];

describe('bad input on every matching write', () => {
  it.each(cases)('$name → 400 with the fields, nothing written', async (c) => {
    const before = await stateSnapshot(t);
    const mailsBefore = t.mail.length;
    const res = await t.app.inject({
      method: 'POST',
      url: c.url(),
      headers: headers[c.as],
      ...(c.payload === undefined ? {} : { payload: c.payload as object }),
    });
    const body = answer(res, 400, ErrorBody);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect([...new Set(body.error.fields!.map((f) => f.field))].sort()).toEqual(c.fields);
    expect(await stateSnapshot(t)).toEqual(before);
    expect(t.mail.length).toBe(mailsBefore);
  });

  it('names domain codes for the fields a person fills in', async () => {
    const res = await post(t, headers.volunteer, `/api/requests/${ids.request}/applications`, { message: '' });
    expect(res.json().error.fields).toEqual([{ field: 'message', code: 'MESSAGE_REQUIRED' }]);
    const longOne = await post(t, headers.officer, `/api/applications/${ids.match}/messages`, { body: long(2001) });
    expect(longOne.json().error.fields).toEqual([{ field: 'body', code: 'TOO_LONG' }]);
  });
});
