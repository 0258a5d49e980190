import { get } from './kit/http.ts';
import { startTestApp, type TestApp } from '@board/tests/harness/test-app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface Operation {
  operationId?: string;
  parameters?: { in: string; name: string }[];
  requestBody?: unknown;
  responses: Record<string, { content?: { 'application/json'?: { schema?: JsonSchema } } }>;
}
interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
}

let t: TestApp;
let operations: { method: string; path: string; op: Operation }[];
beforeAll(async () => {
  t = await startTestApp({ demo: false });
  const doc = (await get(t, {}, '/api/openapi.json')).json();
  operations = Object.entries<Record<string, Operation>>(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ method, path, op })),
  );
});
afterAll(() => t.close());

const where = (o: { method: string; path: string; op: Operation }) =>
  `${o.op.operationId ?? '?'} (${o.method.toUpperCase()} ${o.path})`;

/** `{ error: { code, message, … } }`, the one error body (shared/src/errors.ts) */
function isErrorBody(schema: JsonSchema | undefined): boolean {
  const error = schema?.properties?.error;
  return Boolean(error?.properties?.code && error.properties.message && error.required?.includes('code'));
}

describe('every operation declares its error answers in OpenAPI', () => {
  it('has an operationId and declares 500 and each 4xx with the shared error body', () => {
    expect(operations.length).toBeGreaterThan(60);
    const wrong: string[] = [];
    for (const o of operations) {
      if (!o.op.operationId) wrong.push(`${where(o)}: no operationId`);
      const errors = Object.keys(o.op.responses).filter((s) => /^4\d\d$|^500$/.test(s));
      if (!errors.includes('500')) wrong.push(`${where(o)}: no 500`);
      for (const status of errors) {
        if (!isErrorBody(o.op.responses[status]!.content?.['application/json']?.schema))
          wrong.push(`${where(o)}: ${status} is not the shared error body`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('declares 400 where it takes input and 404 where its path names something', () => {
    const wrong: string[] = [];
    for (const o of operations) {
      const statuses = Object.keys(o.op.responses);
      const params = o.op.parameters ?? [];
      if ((params.length > 0 || o.op.requestBody) && !statuses.includes('400')) wrong.push(`${where(o)}: no 400`);
      if (params.some((p) => p.in === 'path') && !statuses.includes('404')) wrong.push(`${where(o)}: no 404`);
    }
    expect(wrong).toEqual([]);
  });

  it('answers a stranger only with statuses it declares (401 where signing in is needed)', async () => {
    const undeclared: string[] = [];
    const answered = new Set<number>();
    for (const o of operations) {
      const url = o.path.replace(/\{(\w+)\}/g, (_, name: string) =>
        name === 'code' ? '13121' : '00000000-0000-4000-8000-000000000000',
      );
      const res = await t.app.inject({
        method: o.method.toUpperCase() as 'GET',
        url,
        ...(o.op.requestBody ? { payload: {} } : {}),
      });
      answered.add(res.statusCode);
      if (res.statusCode >= 400 && !(String(res.statusCode) in o.op.responses))
        undeclared.push(`${where(o)} answered ${res.statusCode} ${res.body.slice(0, 120)}`);
    }
    expect(undeclared).toEqual([]);
    // the probe reached past validation to the sign-in check and to missing things
    expect([...answered]).toEqual(expect.arrayContaining([400, 401, 404]));
  });
});
