import { ErrorBody } from '@board/shared';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { TestApp } from './app.ts';

/** The header every cookie-authenticated write must carry (the CSRF check). */
export const csrf = { 'x-board-csrf': '1' };

let nextAddress = 1;
/**
 * A fresh client address per call, so per-address limits (e.g. 10 sign-ins a minute) never
 * trip a test that is not about them. Rate-limit tests pass their own fixed address.
 */
export function freshIp(): string {
  const n = nextAddress++;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

type Method = 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const sender =
  (method: Method) => async (t: TestApp, headers: Record<string, string>, url: string, payload?: object | string) =>
    t.app.inject(payload === undefined ? { method, url, headers } : { method, url, headers, payload });

/** A write through the API with these headers (`{}`: no one signed in), as `inject` answers it. */
export const post = sender('POST');
export const put = sender('PUT');
export const patch = sender('PATCH');
export const del = sender('DELETE');

export async function get(t: TestApp, headers: Record<string, string>, url: string) {
  return t.app.inject({ method: 'GET', url, headers });
}

/** An answer's body read by its schema, once its status is this one (else the test fails showing the body). */
export function answer<T>(res: LightMyRequestResponse, status: number, schema: { parse(body: unknown): T }): T {
  expect(res.statusCode, res.body).toBe(status);
  return schema.parse(res.json());
}

/** The `error.code` of an error answer (fails on any other body). */
export function errorCode(res: { json(): unknown }): string {
  return ErrorBody.parse(res.json()).error.code;
}

export function cookieValue(res: LightMyRequestResponse, name: string): string | undefined {
  return (res.cookies as { name: string; value: string }[]).find((c) => c.name === name)?.value;
}

/** A route for tests only (`useApiApp({ routes: whoamiRoute })`): who the access token says you are. */
export function whoamiRoute(app: FastifyInstance) {
  app.get('/api/__test/whoami', async (request) => ({ userId: request.requireActor().userId }));
}

/** A POST as a browser visitor would send it, from a fresh client address (no per-address limit trips). */
export function visitorPost(t: TestApp, url: string, payload?: object, headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'POST', url, payload, headers, remoteAddress: freshIp() });
}
