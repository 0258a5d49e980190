import { beforeAll, describe, expect, it } from 'vitest';
import { changedTables, fingerprinter, type Fingerprint } from '../fuzz/fingerprint.ts';
import { encodeCursor } from '../../src/modules/help-requests/views.ts';
import { as, associationIdOf, demoEmails, get, inDays, post, useApiApp, validInput } from '../kit/index.ts';

/**
 * Input that used to reach PostgreSQL and answer 500 (NUL and other control characters, lone
 * surrogates, line breaks in one-line fields, years PostgreSQL cannot store, impossible moments in
 * well-shaped cursors, numbers past bigint): 400 with a field code, and nothing written.
 */

const t = useApiApp();
let fingerprint: () => Promise<Fingerprint>;
beforeAll(async () => {
  fingerprint = await fingerprinter(t);
});

interface Refusal {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  url: string | (() => string);
  as?: string;
  /** the body, or a function making it (it may look ids up) */
  payload?: unknown;
  /** field → expected code */
  fields: Record<string, string>;
}

const senju = () => associationIdOf(t, '千住一丁目町会');
const cursorAt = (sortKey: string, id = '00000000-0000-4000-8000-000000000000') =>
  encodeCursor('board:newest', { sortKey, id });

const refusals: Refusal[] = [
  {
    name: 'NUL in a display name',
    method: 'PATCH',
    url: '/api/me',
    as: demoEmails.volunteer1,
    payload: { displayName: 'a\u0000b' },
    fields: { displayName: 'INVALID_CHARACTERS' },
  },
  {
    name: 'NUL in the profile',
    method: 'PATCH',
    url: '/api/me',
    as: demoEmails.volunteer1,
    payload: {
      volunteerProfile: {
        skills: [],
        municipalityCodes: [],
        availability: '土日\u0000',
        languages: ['ja'],
        onlineOk: true,
        bio: 'ok\u0000',
        showThanks: true,
      },
    },
    fields: { 'volunteerProfile.availability': 'INVALID_CHARACTERS', 'volunteerProfile.bio': 'INVALID_CHARACTERS' },
  },
  {
    name: 'a lone surrogate in a display name',
    method: 'PATCH',
    url: '/api/me',
    as: demoEmails.volunteer1,
    payload: { displayName: 'name\ud800' },
    fields: { displayName: 'INVALID_CHARACTERS' },
  },
  {
    name: 'NUL in an association name and area',
    method: 'POST',
    url: '/api/associations',
    as: demoEmails.staffAdachi,
    payload: { municipalityCode: '13121', name: '町会\u0000', area: '千住\u0000' },
    fields: { name: 'INVALID_CHARACTERS', area: 'INVALID_CHARACTERS' },
  },
  {
    name: 'a line break in a title (titles are one line)',
    method: 'POST',
    url: '/api/requests',
    as: demoEmails.officerSenju,
    payload: async () => validInput({ title: '一行目\n二行目', associationId: await senju() }),
    fields: { title: 'INVALID_CHARACTERS' },
  },
  {
    name: 'a C1 control character in a title',
    method: 'POST',
    url: '/api/requests',
    as: demoEmails.officerSenju,
    payload: async () => validInput({ title: 'next\u0085line', associationId: await senju() }),
    fields: { title: 'INVALID_CHARACTERS' },
  },
  {
    name: 'year 0 as the start',
    method: 'POST',
    url: '/api/requests',
    as: demoEmails.officerSenju,
    payload: async () =>
      validInput({
        when: { kind: 'at', startsAt: '0000-01-01T00:00:00Z' },
        applicationDeadline: null,
        associationId: await senju(),
      }),
    fields: { 'when.startsAt': 'DATE_OUT_OF_RANGE' },
  },
  {
    name: 'year 9999 as the deadline',
    method: 'POST',
    url: '/api/requests',
    as: demoEmails.officerSenju,
    payload: async () =>
      validInput({
        when: { kind: 'flexible' },
        applicationDeadline: '9999-12-31T00:00:00Z',
        associationId: await senju(),
      }),
    fields: { applicationDeadline: 'DATE_OUT_OF_RANGE' },
  },
  {
    name: 'board filter from 0000-01-01',
    method: 'GET',
    url: '/api/requests?from=0000-01-01',
    fields: { from: 'DATE_OUT_OF_RANGE' },
  },
  {
    name: 'board filter to 0001-01-01',
    method: 'GET',
    url: '/api/requests?to=0001-01-01',
    fields: { to: 'DATE_OUT_OF_RANGE' },
  },
  { name: 'NUL in the board search', method: 'GET', url: '/api/requests?q=a%00b', fields: { q: 'INVALID_CHARACTERS' } },
  {
    name: 'NUL in a board skill',
    method: 'GET',
    url: '/api/requests?skills=a%00b',
    fields: { 'skills.0': 'INVALID_CHARACTERS' },
  },
  {
    name: 'a well-shaped cursor holding February 30th',
    method: 'GET',
    url: () => `/api/requests?cursor=${cursorAt('2026-02-30 10:00:00+00')}`,
    fields: { cursor: 'CURSOR_INVALID' },
  },
  {
    name: 'a well-shaped cursor holding hour 99',
    method: 'GET',
    url: () => `/api/requests?cursor=${cursorAt('2026-07-18 99:00:00+00')}`,
    fields: { cursor: 'CURSOR_INVALID' },
  },
  {
    name: 'a well-shaped cursor holding year 0',
    method: 'GET',
    url: () => `/api/requests?cursor=${cursorAt('0000-01-01 00:00:00+00')}`,
    fields: { cursor: 'CURSOR_INVALID' },
  },
  {
    name: 'an audit page after an id past bigint',
    method: 'GET',
    url: () =>
      `/api/audit-log?cursor=${encodeCursor('audit::::', { sortKey: '2026-07-18 10:00:00+00', id: '100000000000000000000' })}`,
    as: demoEmails.foundation,
    fields: { cursor: 'CURSOR_INVALID' },
  },
  {
    name: 'a link token with NUL',
    method: 'POST',
    url: '/api/auth/verify-email',
    payload: { token: 'a'.repeat(30) + '\u0000' },
    fields: { token: 'invalid_format' },
  },
];

describe('hostile input is refused with 400 and a field code, writing nothing', () => {
  it.each(refusals)('$name', async (r) => {
    const before = await fingerprint();
    const payload: unknown = typeof r.payload === 'function' ? await r.payload() : r.payload;
    const res = await t.app.inject({
      method: r.method,
      url: typeof r.url === 'function' ? r.url() : r.url,
      headers: r.as ? await as(t, r.as) : {},
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    expect(res.statusCode, res.body).toBe(400);
    const body = res.json<{ error: { code: string; fields?: { field: string; code: string }[] } }>();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    for (const [field, code] of Object.entries(r.fields)) {
      expect(body.error.fields, res.body).toContainEqual({ field, code });
    }
    expect(changedTables(before, await fingerprint())).toEqual([]);
  });
});

describe('what safe text keeps', () => {
  it('stores a body with Windows line endings as \\n, tabs and emoji kept', async () => {
    const res = await post(
      t,
      await as(t, demoEmails.officerSenju),
      '/api/requests',
      validInput({
        body: '一行目\r\n二行目\rタブ\tも 👩‍👩‍👧‍👦',
        associationId: await senju(),
        applicationDeadline: inDays(5),
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<{ body: string }>().body).toBe('一行目\n二行目\nタブ\tも 👩‍👩‍👧‍👦');
  });

  it('a URL path segment that is not valid percent-encoding is 400 with a code', async () => {
    const res = await get(t, {}, '/api/requests/%E0%A4%A');
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('BAD_REQUEST');
  });

  it('an over-long path parameter is refused with a code', async () => {
    const res = await get(t, {}, `/api/requests/${'a'.repeat(500)}`);
    expect(res.statusCode).toBe(414);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('BAD_REQUEST');
  });
});
