import { DomainError, type ErrorBody, type FieldIssue } from '@board/shared';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

const domainCode = /^[A-Z][A-Z0-9_]+$/;

function fieldIssues(error: FastifyError): FieldIssue[] {
  return (error.validation ?? []).map((v) => {
    const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
    // zod messages set to a domain code (e.g. MUNICIPALITY_CODE_INVALID) win over the generic keyword
    const code = v.message && domainCode.test(v.message) ? v.message : v.keyword;
    return { field: path || (error.validationContext ?? 'body'), code };
  });
}

function send(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  error: Omit<ErrorBody['error'], 'requestId'>,
) {
  const body: ErrorBody = { error: { ...error, requestId: String(request.id) } };
  return reply.code(status).type('application/json').send(body);
}

/**
 * Fastify's router refuses some URLs before any route runs (a path segment that is not valid
 * percent-encoding, a parameter over `maxParamLength`); `frameworkErrors` in buildApp sends them
 * here so they carry our error shape and a code like every other 4xx.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  request.log.info({ err: error }, 'client error before routing');
  return send(reply, request, error.statusCode ?? 400, { code: 'BAD_REQUEST', message: error.message });
}

/**
 * The one place errors become responses: validation → 400 with per-field codes, domain errors →
 * their status and stable code, anything else → 500 with no internals (logged in full).
 */
export default fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (hasZodFastifySchemaValidationErrors(error) || error.validation) {
        return send(reply, request, 400, {
          code: 'VALIDATION_FAILED',
          message: 'The request has invalid fields.',
          fields: fieldIssues(error),
        });
      }
      if (error instanceof DomainError) {
        return send(reply, request, error.status, {
          code: error.code,
          message: error.message,
          ...(error.fields ? { fields: error.fields } : {}),
        });
      }
      const status = error.statusCode ?? 500;
      if (status < 500) {
        // Fastify's own client errors: bad JSON, body too large, unsupported media type…
        request.log.info({ err: error }, 'client error');
        const code = status === 404 ? 'NOT_FOUND' : status === 429 ? 'RATE_LIMITED' : 'BAD_REQUEST';
        return send(reply, request, status, { code, message: error.message });
      }
      request.log.error({ err: error }, 'unhandled error');
      return send(reply, request, 500, { code: 'INTERNAL', message: 'Something went wrong on our side.' });
    });

    app.setNotFoundHandler((request, reply) =>
      send(reply, request, 404, {
        code: 'NOT_FOUND',
        message: `No route for ${request.method} ${request.url.split('?')[0]}`,
      }),
    );
  },
  { name: 'error-handler' },
);
