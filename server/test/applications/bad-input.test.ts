import { ErrorBody } from '@board/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { useApiApp } from '../kit/app.ts';
import { applied, matched } from '../kit/applications.ts';
import { post } from '../kit/http.ts';
import { as, createVolunteer, demoEmails, officers } from '../kit/people.ts';
import { insertRequest } from '../kit/requests.ts';
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
  const flag = await post(t, volunteer.headers, '/api/flags', {
    targetType: 'request',
    targetId: request.id,
    reason: '確認',
  });
  ids.flag = flag.json().id;
});

interface BadCase {
  name: string;
  url: () => string;
  as: keyof typeof headers;
  payload?: unknown;
  fields: string[];
}

const long = (n: number) => 'あ'.repeat(n);

const cases: BadCase[] = [
  // applyToRequest
  {
    name: 'apply: no message',
    url: () => `/api/requests/${ids.request}/applications`,
    as: 'volunteer',
    payload: {},
    fields: ['message'],
  },
  {
    name: 'apply: blank message',
    url: () => `/api/requests/${ids.request}/applications`,
    as: 'volunteer',
    payload: { message: '  \n ' },
    fields: ['message'],
  },
  {
    name: 'apply: message over 1000',
    url: () => `/api/requests/${ids.request}/applications`,
    as: 'volunteer',
    payload: { message: long(1001) },
    fields: ['message'],
  },
  {
    name: 'apply: control characters',
    url: () => `/api/requests/${ids.request}/applications`,
    as: 'volunteer',
    payload: { message: 'こんにちは\u0000' },
    fields: ['message'],
  },
  {
    name: 'apply: request id not a uuid',
    url: () => '/api/requests/not-a-uuid/applications',
    as: 'volunteer',
    payload: { message: 'はい' },
    fields: ['id'],
  },
  // withdrawApplication
  { name: 'withdraw: id not a uuid', url: () => '/api/applications/123/withdraw', as: 'volunteer', fields: ['id'] },
  // acceptApplication / declineApplication
  {
    name: 'accept: note over 500',
    url: () => `/api/applications/${ids.pending}/accept`,
    as: 'officer',
    payload: { note: long(501) },
    fields: ['note'],
  },
  {
    name: 'accept: note not text',
    url: () => `/api/applications/${ids.pending}/accept`,
    as: 'officer',
    payload: { note: 42 },
    fields: ['note'],
  },
  {
    name: 'decline: note over 500',
    url: () => `/api/applications/${ids.pending}/decline`,
    as: 'officer',
    payload: { note: long(501) },
    fields: ['note'],
  },
  {
    name: 'decline: id not a uuid',
    url: () => '/api/applications/xyz/decline',
    as: 'officer',
    payload: {},
    fields: ['id'],
  },
  // sendMessage
  {
    name: 'message: empty',
    url: () => `/api/applications/${ids.match}/messages`,
    as: 'volunteer',
    payload: { body: '' },
    fields: ['body'],
  },
  {
    name: 'message: over 2000',
    url: () => `/api/applications/${ids.match}/messages`,
    as: 'officer',
    payload: { body: long(2001) },
    fields: ['body'],
  },
  {
    name: 'message: control characters',
    url: () => `/api/applications/${ids.match}/messages`,
    as: 'volunteer',
    payload: { body: 'ベル\u0007' },
    fields: ['body'],
  },
  // completeMatch / confirmCompletion
  { name: 'complete: id not a uuid', url: () => '/api/applications/1/complete', as: 'officer', fields: ['id'] },
  { name: 'confirm: id not a uuid', url: () => '/api/applications/1/confirm', as: 'volunteer', fields: ['id'] },
  // sendThanks
  {
    name: 'thanks: no note',
    url: () => `/api/applications/${ids.match}/thanks`,
    as: 'officer',
    payload: {},
    fields: ['note'],
  },
  {
    name: 'thanks: note over 1000',
    url: () => `/api/applications/${ids.match}/thanks`,
    as: 'officer',
    payload: { note: long(1001) },
    fields: ['note'],
  },
  {
    name: 'thanks: rating out of range and comment too long',
    url: () => `/api/applications/${ids.match}/thanks`,
    as: 'volunteer',
    payload: { note: 'ありがとう', rating: { score: 6, comment: long(1001) } },
    fields: ['rating.comment', 'rating.score'],
  },
  {
    name: 'thanks: rating not a whole number',
    url: () => `/api/applications/${ids.match}/thanks`,
    as: 'volunteer',
    payload: { note: 'ありがとう', rating: { score: 2.5 } },
    fields: ['rating.score'],
  },
  {
    name: 'thanks: rating zero',
    url: () => `/api/applications/${ids.match}/thanks`,
    as: 'officer',
    payload: { note: 'ありがとう', rating: { score: 0 } },
    fields: ['rating.score'],
  },
  // flagContent
  {
    name: 'flag: unknown target type, target id not a uuid, no reason',
    url: () => '/api/flags',
    as: 'volunteer',
    payload: { targetType: 'user', targetId: 'abc', reason: '' },
    fields: ['reason', 'targetId', 'targetType'],
  },
  {
    name: 'flag: reason over 500',
    url: () => '/api/flags',
    as: 'volunteer',
    payload: { targetType: 'request', targetId: '00000000-0000-4000-8000-000000000000', reason: long(501) },
    fields: ['reason'],
  },
  // resolveFlag
  {
    name: 'resolve: unknown decision',
    url: () => `/api/flags/${ids.flag}/resolve`,
    as: 'staff',
    payload: { decision: 'delete' },
    fields: ['decision'],
  },
  {
    name: 'resolve: note over 500',
    url: () => `/api/flags/${ids.flag}/resolve`,
    as: 'staff',
    payload: { decision: 'hide', note: long(501) },
    fields: ['note'],
  },
];

describe('bad input on every matching write', () => {
  it.each(cases)('$name → 400 with the fields, nothing written', async (c) => {
    const before = await stateSnapshot(t);
    const mailsBefore = t.app.mailer.captured.length;
    const res = await t.app.inject({
      method: 'POST',
      url: c.url(),
      headers: headers[c.as],
      ...(c.payload === undefined ? {} : { payload: c.payload as object }),
    });
    expect(res.statusCode, res.body).toBe(400);
    const body = ErrorBody.parse(res.json());
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect([...new Set(body.error.fields!.map((f) => f.field))].sort()).toEqual(c.fields);
    expect(await stateSnapshot(t)).toEqual(before);
    expect(t.app.mailer.captured.length).toBe(mailsBefore);
  });

  it('names domain codes for the fields a person fills in', async () => {
    const res = await post(t, headers.volunteer, `/api/requests/${ids.request}/applications`, { message: '' });
    expect(res.json().error.fields).toEqual([{ field: 'message', code: 'MESSAGE_REQUIRED' }]);
    const longOne = await post(t, headers.officer, `/api/applications/${ids.match}/messages`, { body: long(2001) });
    expect(longOne.json().error.fields).toEqual([{ field: 'body', code: 'TOO_LONG' }]);
  });
});
