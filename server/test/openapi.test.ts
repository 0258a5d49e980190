import { validate } from '@readme/openapi-parser';
import { describe, expect, it } from 'vitest';
import { get, useApiApp } from './kit/index.ts';

const t = useApiApp({ demo: false });

describe('OpenAPI document', () => {
  it('is a valid OpenAPI 3 document', async () => {
    const res = await get(t, {}, '/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    const result = await validate(structuredClone(doc));
    expect(result.valid ? [] : result.errors).toEqual([]);
  });

  it('gives every route an operationId, and ids are unique', async () => {
    const doc = (await get(t, {}, '/api/openapi.json')).json();
    const ids: string[] = [];
    for (const [path, item] of Object.entries<Record<string, { operationId?: string }>>(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        expect(op.operationId, `${method.toUpperCase()} ${path}`).toMatch(/^[a-z][A-Za-z]+$/);
        ids.push(op.operationId!);
      }
    }
    expect(ids).toEqual(expect.arrayContaining(['getHealth', 'getReadiness', 'listMunicipalities']));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('serves a browsable docs page', async () => {
    const res = await get(t, {}, '/api/docs/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('swagger');
  });
});
