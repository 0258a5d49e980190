import { DomainError, ErrorBody } from '@board/shared';
import { describe, expect, it } from 'vitest';
import { get, post, useApiApp } from './kit/index.ts';
import { answer } from './kit/http.ts';

const t = useApiApp({
  demo: false,
  // routes that exist only in this test, to reach the error handler's other branches
  routes: (app) => {
    app.get('/api/__test/domain', async () => {
      throw new DomainError('CONFLICT', 'Already taken');
    });
    app.post('/api/__test/echo', async (request: { body: unknown }) => ({ got: request.body }));
    app.get('/api/__test/crash', async () => {
      throw new Error('secret connection string postgres://user:pw@host/db');
    });
  },
});

describe('error shapes', () => {
  it('400 names each invalid field with a code', async () => {
    const res = await get(t, {}, '/api/municipalities?status=closed');
    const body = answer(res, 400, ErrorBody);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.fields).toEqual([{ field: 'status', code: 'invalid_value' }]);
    expect(body.error.requestId).toBe(res.headers['x-request-id']);
  });

  it('404 for an unknown API route, as JSON with a code', async () => {
    const res = await get(t, {}, '/api/no-such-thing');
    expect(answer(res, 404, ErrorBody).error.code).toBe('NOT_FOUND');
  });

  it('a domain error keeps its status and stable code', async () => {
    const res = await get(t, {}, '/api/__test/domain');
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'CONFLICT', message: 'Already taken' });
  });

  it('an unexpected error is 500 and leaks nothing', async () => {
    const res = await get(t, {}, '/api/__test/crash');
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('INTERNAL');
    expect(res.body).not.toContain('postgres://');
    expect(res.body).not.toContain('stack');
  });

  it('malformed JSON is a 400 with a code, not a crash', async () => {
    const res = await post(t, { 'content-type': 'application/json' }, '/api/__test/echo', '{"broken"');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('BAD_REQUEST');
  });
});
