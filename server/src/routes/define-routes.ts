import type { FastifyContextConfig, FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { serviceContext, signedInContext, type ServiceContext, type SignedInContext } from '../services/context.ts';
import { errorResponses, type ClientErrorStatus } from './error-responses.ts';

type Schema = z.ZodType;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** How a route is reached, e.g. `'POST /api/requests/:id/submit'`. */
export type Endpoint = `${Method} /${string}`;

/** An answer that is not JSON (e.g. an Atom feed): its OpenAPI description and content types. */
export interface RawResponse {
  description: string;
  content: Record<string, { schema: Schema }>;
}

/** The body of a 204. */
export const NoContent = z.null().describe('No content');

type SignIn = 'required' | 'optional';
interface Input {
  params?: Schema;
  query?: Schema;
  body?: Schema;
}
type Parsed<I, K extends keyof Input> = I extends { [key in K]: infer S extends Schema } ? z.output<S> : undefined;
type Responses = Record<number, Schema | RawResponse>;
type Output<R extends Responses> = { [S in keyof R]: R[S] extends Schema ? z.output<R[S]> : never }[keyof R];

/** What a handler gets besides its context and input: for the few that set cookies or headers. */
export interface Http {
  app: FastifyInstance;
  request: FastifyRequest;
  reply: FastifyReply;
}

/**
 * One API route as data; the module names it by its operationId and gives the OpenAPI tag. The
 * handler gets the service context, the parsed input and, as an escape hatch, the app, request
 * and reply (return the reply after sending something other than the answer, e.g. a feed).
 */
export interface RouteSpec<I extends Input, R extends Responses, S extends SignIn> {
  /** Fastify route config, e.g. a per-address rate limit */
  config?: FastifyContextConfig;
  /** the largest request body in bytes, where a route takes more than Fastify's 1 MiB (a photo) */
  bodyLimit?: number;
  summary: string;
  description?: string;
  /** 'required' (unless said): 401 before the handler runs; 'optional': a visitor has a null actor */
  signIn?: S;
  input?: I;
  /** the answers by status: its one 2xx is the success, e.g. `{ 201: Thing }`; others (503) beside it */
  response: R;
  /**
   * The 4xx answers besides those every such route has: 400 where there is input to validate,
   * 401 where sign-in is required, 404 where the path names something (all three added here),
   * 500 always (errorResponses).
   */
  errors?: ClientErrorStatus[];
  handler: (
    context: S extends 'optional' ? ServiceContext : SignedInContext,
    input: { params: Parsed<I, 'params'>; query: Parsed<I, 'query'>; body: Parsed<I, 'body'> },
    http: Http,
  ) => Promise<Output<R> | FastifyReply>;
}

/** A route with its types checked and then forgotten, so a module can list routes of every shape. */
export interface Route extends RouteSpec<Input, Responses, SignIn> {
  endpoint: Endpoint;
}

/** One route: its handler is checked against its schemas (params, query and body typed from zod). */
export function route<
  I extends Input = Record<never, never>,
  R extends Responses = Responses,
  S extends SignIn = 'required',
>(endpoint: Endpoint, spec: RouteSpec<I, R, S>): Route {
  return { endpoint, ...(spec as unknown as RouteSpec<Input, Responses, SignIn>) };
}

/** The 4xx answers of a route: the ones it declares and the ones its input and sign-in imply. */
function clientErrors({ input = {}, signIn = 'required', errors = [] }: Route): ClientErrorStatus[] {
  const implied: ClientErrorStatus[] = [];
  if (input.params || input.query || input.body) implied.push(400);
  if (signIn === 'required') implied.push(401);
  // a path that names something (`/api/requests/:id`) answers 404 when there is no such thing
  if (input.params) implied.push(404);
  return [...implied, ...errors];
}

function register(app: FastifyInstance, tag: string, operationId: string, spec: Route) {
  const { endpoint, summary, description, input = {}, signIn = 'required' } = spec;
  const [method, url] = endpoint.split(' ') as [Method, string];
  const status = Number(Object.keys(spec.response).find((code) => code.startsWith('2')));
  if (!status) throw new Error(`${operationId}: no 2xx answer in its response`);
  app.route({
    method,
    url,
    ...(spec.config && { config: spec.config }),
    ...(spec.bodyLimit && { bodyLimit: spec.bodyLimit }),
    schema: {
      operationId,
      tags: [tag],
      summary,
      ...(description && { description }),
      ...(input.query && { querystring: input.query }),
      ...(input.params && { params: input.params }),
      ...(input.body && { body: input.body }),
      response: { ...spec.response, ...errorResponses(...clientErrors(spec)) },
    },
    handler: async (request: FastifyRequest, reply: FastifyReply) => {
      const context = signIn === 'optional' ? serviceContext(request) : signedInContext(request);
      const parsed = { params: request.params, query: request.query, body: request.body } as never;
      const result = await spec.handler(context, parsed, { app, request, reply });
      if (!reply.sent) reply.code(status);
      return result;
    },
  });
}

export type Routes = Record<string, Route>;

/**
 * A module's routes, named by operationId, under one OpenAPI tag, as a Fastify plugin for
 * `api-routes.ts`. Give them, or a function of the app for routes that need something built once.
 */
export function defineRoutes(tag: string, routes: Routes | ((app: FastifyInstance) => Routes)): FastifyPluginAsync {
  return async (app) => {
    const list = typeof routes === 'function' ? routes(app) : routes;
    for (const [operationId, spec] of Object.entries(list)) register(app, tag, operationId, spec);
  };
}

/**
 * The usual handlers: hand the service the context and one part of the input, e.g.
 * `handler: byId(submitRequest)` for `(context, { params }) => submitRequest(context, params.id)`.
 */
export const byId =
  <C, R>(service: (context: C, id: string) => Promise<R>) =>
  (context: C, { params }: { params: { id: string } }) =>
    service(context, params.id);

export const byIdAndBody =
  <C, B, R>(service: (context: C, id: string, body: B) => Promise<R>) =>
  (context: C, { params, body }: { params: { id: string }; body: B }) =>
    service(context, params.id, body);

export const byBody =
  <C, B, R>(service: (context: C, body: B) => Promise<R>) =>
  (context: C, { body }: { body: B }) =>
    service(context, body);

export const byQuery =
  <C, Q, R>(service: (context: C, query: Q) => Promise<R>) =>
  (context: C, { query }: { query: Q }) =>
    service(context, query);
