import { get } from '../kit/http.ts';
import type { TestApp } from '../kit/index.ts';

/** A JSON schema as @fastify/swagger writes it from our zod schemas (only the parts the fuzzer reads). */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
  nullable?: boolean;
  $ref?: string;
}

/** One operation of the API as the OpenAPI document describes it. */
export interface Operation {
  id: string;
  method: string;
  /** OpenAPI path, e.g. `/api/requests/{id}` */
  path: string;
  pathParams: Record<string, JsonSchema>;
  query: Record<string, { schema: JsonSchema; required: boolean }>;
  /** the JSON body's schema, or null when the operation takes none */
  body: JsonSchema | null;
  bodyRequired: boolean;
}

interface OpenApiParameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: JsonSchema;
}

interface OpenApiOperation {
  operationId?: string;
  parameters?: OpenApiParameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
}

/** Every operation in `/api/openapi.json`, fetched from the running app. */
export async function operationsOf(t: TestApp): Promise<Operation[]> {
  const res = await get(t, {}, '/api/openapi.json');
  if (res.statusCode !== 200) throw new Error(`GET /api/openapi.json answered ${res.statusCode}`);
  const doc = res.json<{ paths: Record<string, Record<string, OpenApiOperation>> }>();
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const parameters = op.parameters ?? [];
      const pathParams: Operation['pathParams'] = {};
      const query: Operation['query'] = {};
      for (const p of parameters) {
        if (p.in === 'path') pathParams[p.name] = p.schema ?? {};
        if (p.in === 'query') query[p.name] = { schema: p.schema ?? {}, required: p.required ?? false };
      }
      operations.push({
        id: op.operationId ?? `${method} ${path}`,
        method: method.toUpperCase(),
        path,
        pathParams,
        query,
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
        bodyRequired: op.requestBody?.required ?? false,
      });
    }
  }
  return operations;
}
