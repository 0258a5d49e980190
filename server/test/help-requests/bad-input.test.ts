import { ErrorBody } from '@board/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  answer,
  as,
  demoEmails,
  get,
  inDays,
  insertRequest,
  requestRow,
  rowCounts,
  useApiApp,
  validInput,
} from '../kit/index.ts';

/** Every write route of requests, moderation and settings: bad input is 400 naming each field, and nothing is written or mailed. */

const t = useApiApp();
let draft: string;
let pending: string;
let published: string;
beforeAll(async () => {
  draft = (await insertRequest(t, { status: 'draft' })).id;
  pending = (await insertRequest(t, { status: 'pending_review' })).id;
  published = (await insertRequest(t, { status: 'published' })).id;
});

interface BadCase {
  name: string;
  method: 'POST' | 'PUT' | 'PATCH';
  url: () => string;
  as: string;
  payload?: unknown;
  /** field → code expected among the answer's fields (code `*`: any) */
  fields: Record<string, string>;
}

const create = (name: string, overrides: Record<string, unknown>, fields: Record<string, string>): BadCase => ({
  name: `createRequest: ${name}`,
  method: 'POST',
  url: () => '/api/requests',
  as: demoEmails.officerSenju,
  payload: validInput(overrides),
  fields,
});

const cases: BadCase[] = [
  create('empty title', { title: '   ' }, { title: 'TITLE_REQUIRED' }),
  create('title too long', { title: 'あ'.repeat(81) }, { title: 'TOO_LONG' }),
  create('blank body', { body: ' \n ' }, { body: 'BODY_REQUIRED' }),
  create('body too long', { body: 'あ'.repeat(4001) }, { body: 'TOO_LONG' }),
  create(
    'control characters',
    { body: 'ok\u0000no', title: 'a\u0007b' },
    { body: 'INVALID_CHARACTERS', title: 'INVALID_CHARACTERS' },
  ),
  create('unknown category', { category: 'cooking' }, { category: '*' }),
  create('too many skills', { skills: Array.from({ length: 11 }, (_, i) => `skill${i}`) }, { skills: 'TOO_MANY' }),
  create('skill too long', { skills: ['あ'.repeat(31)] }, { 'skills.0': 'TOO_LONG' }),
  create('no slots', { slots: 0 }, { slots: 'too_small' }),
  create('too many slots', { slots: 21 }, { slots: 'too_big' }),
  create('fractional slots', { slots: 1.5 }, { slots: '*' }),
  create('unknown kind of when', { when: { kind: 'sometime' } }, { 'when.kind': '*' }),
  create('a moment without its time', { when: { kind: 'at' } }, { 'when.startsAt': '*' }),
  create(
    'not a date',
    { when: { kind: 'at', startsAt: '来週の土曜' }, applicationDeadline: null },
    { 'when.startsAt': 'DATE_TIME_INVALID' },
  ),
  create(
    'a range ending before it starts',
    { when: { kind: 'range', startsAt: inDays(20), endsAt: inDays(19) } },
    { 'when.endsAt': 'ENDS_BEFORE_START' },
  ),
  create('area too long', { area: 'あ'.repeat(101) }, { area: 'TOO_LONG' }),
  create('exact place too long', { exactPlace: 'あ'.repeat(201) }, { exactPlace: 'TOO_LONG' }),
  create('hours too few', { estimatedHours: 0.25 }, { estimatedHours: '*' }),
  create('hours too many', { estimatedHours: 101 }, { estimatedHours: 'too_big' }),
  create('hours not in half hours', { estimatedHours: 1.3 }, { estimatedHours: '*' }),
  create('deadline in the past', { applicationDeadline: inDays(-1) }, { applicationDeadline: 'DEADLINE_IN_PAST' }),
  create(
    'deadline after the start',
    { applicationDeadline: inDays(25) },
    { applicationDeadline: 'DEADLINE_AFTER_START' },
  ),
  create('no language', { languages: [] }, { languages: 'LANGUAGE_REQUIRED' }),
  create('a language that is not a tag', { languages: ['日本語'] }, { 'languages.0': 'LANGUAGE_INVALID' }),
  create('online not a boolean', { online: 'yes' }, { online: '*' }),
  create('association not an id', { associationId: 'senju' }, { associationId: '*' }),
  create(
    'several at once',
    { title: '', slots: 0, category: 'x' },
    { title: 'TITLE_REQUIRED', slots: '*', category: '*' },
  ),
  {
    name: 'createRequest: no body at all',
    method: 'POST',
    url: () => '/api/requests',
    as: demoEmails.officerSenju,
    payload: {},
    fields: { title: '*', body: '*', category: '*', slots: '*', when: '*' },
  },
  {
    name: 'updateRequest: empty title, deadline after start',
    method: 'PUT',
    url: () => `/api/requests/${draft}`,
    as: demoEmails.officerSenju,
    payload: validInput({ title: '', applicationDeadline: inDays(30) }),
    fields: { title: 'TITLE_REQUIRED', applicationDeadline: 'DEADLINE_AFTER_START' },
  },
  {
    name: 'updateRequest: not an id',
    method: 'PUT',
    url: () => '/api/requests/not-an-id',
    as: demoEmails.officerSenju,
    payload: validInput(),
    fields: { id: '*' },
  },
  ...(['submit', 'withdraw', 'copy', 'approve'] as const).map((verb): BadCase => ({
    name: `${verb}: not an id`,
    method: 'POST',
    url: () => `/api/requests/123/${verb}`,
    as: verb === 'approve' ? demoEmails.staffAdachi : demoEmails.officerSenju,
    fields: { id: '*' },
  })),
  ...(['request-changes', 'reject', 'close'] as const).flatMap((verb): BadCase[] => [
    {
      name: `${verb}: no reason`,
      method: 'POST',
      url: () => `/api/requests/${verb === 'close' ? published : pending}/${verb}`,
      as: demoEmails.staffAdachi,
      payload: {},
      fields: { reason: '*' },
    },
    {
      name: `${verb}: blank reason`,
      method: 'POST',
      url: () => `/api/requests/${verb === 'close' ? published : pending}/${verb}`,
      as: demoEmails.staffAdachi,
      payload: { reason: '  \n ' },
      fields: { reason: 'REASON_REQUIRED' },
    },
    {
      name: `${verb}: reason too long`,
      method: 'POST',
      url: () => `/api/requests/${verb === 'close' ? published : pending}/${verb}`,
      as: demoEmails.staffAdachi,
      payload: { reason: 'あ'.repeat(1001) },
      fields: { reason: 'TOO_LONG' },
    },
  ]),
  ...(
    [
      ['no category left', { enabledCategories: [] }, { enabledCategories: 'CATEGORY_REQUIRED' }],
      ['a category twice', { enabledCategories: ['other', 'other'] }, { enabledCategories: 'DUPLICATE' }],
      ['an unknown category', { enabledCategories: ['cooking'] }, { 'enabledCategories.0': '*' }],
      ['moderation not a boolean', { moderationRequired: 'no' }, { moderationRequired: '*' }],
      ['contact desk too long', { contactDesk: 'あ'.repeat(301) }, { contactDesk: 'TOO_LONG' }],
    ] as const
  ).map(([name, payload, fields]): BadCase => ({
    name: `updateMunicipalitySettings: ${name}`,
    method: 'PATCH',
    url: () => '/api/municipalities/13121/settings',
    as: demoEmails.staffAdachi,
    payload,
    fields,
  })),
  {
    name: 'updateMunicipalitySettings: not a municipality code',
    method: 'PATCH',
    url: () => '/api/municipalities/99/settings',
    as: demoEmails.staffAdachi,
    payload: {},
    fields: { code: 'MUNICIPALITY_CODE_INVALID' },
  },
];

describe('bad input on every write route', () => {
  it.each(cases)('$name → 400 with fields, nothing written', async (c) => {
    const before = await rowCounts(t, { mail: true });
    const rows = await Promise.all([draft, pending, published].map((id) => requestRow(t, id)));
    const settings = (await get(t, {}, '/api/municipalities/13121/settings')).json();
    const res = await t.app.inject({
      method: c.method,
      url: c.url(),
      headers: await as(t, c.as),
      ...(c.payload === undefined ? {} : { payload: c.payload as object }),
    });
    const error = answer(res, 400, ErrorBody).error;
    expect(error.code).toBe('VALIDATION_FAILED');
    for (const [field, code] of Object.entries(c.fields)) {
      const found = error.fields?.filter((f) => f.field === field) ?? [];
      expect(found.length, `${field} in ${JSON.stringify(error.fields)}`).toBeGreaterThan(0);
      if (code !== '*')
        expect(
          found.map((f) => f.code),
          field,
        ).toContain(code);
    }
    expect(await rowCounts(t, { mail: true })).toEqual(before);
    expect(await Promise.all([draft, pending, published].map((id) => requestRow(t, id)))).toEqual(rows);
    expect((await get(t, {}, '/api/municipalities/13121/settings')).json()).toEqual(settings);
  });
});
