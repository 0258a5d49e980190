import { ErrorBody } from '@board/shared';

/** The 4xx answers a route may give; every one has the body of `ErrorBody` with a code from shared/src/errors.ts. */
export type ClientErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 429;

const meaning: Record<ClientErrorStatus | 500, string> = {
  400: 'The input is not valid (VALIDATION_FAILED with the fields at fault) or a link is not valid (TOKEN_INVALID)',
  401: 'Not signed in, or the session has ended (UNAUTHENTICATED, INVALID_CREDENTIALS)',
  403: 'Signed in, but not allowed to do this (FORBIDDEN, EMAIL_NOT_VERIFIED, CSRF_REJECTED, …)',
  404: 'Not found, or not visible to this person (NOT_FOUND)',
  409: 'Not possible in the current state (CONFLICT, REQUEST_FILLED, APPLICATION_NOT_PENDING, …)',
  410: 'The link was revoked or has expired (INVITATION_INVALID)',
  429: 'Too many tries; wait the seconds in Retry-After (RATE_LIMITED)',
  500: 'Something went wrong on the server (INTERNAL)',
};

type ErrorResponses<S extends ClientErrorStatus> = { [K in S | 500]: typeof ErrorBody };

/**
 * The error answers of one route for its OpenAPI `response`, e.g.
 * `response: { 200: Thing, ...errorResponses(400, 401, 404) }`. 500 is always there: any route
 * can fail. A test over the generated document holds every route to this (openapi-errors.test.ts).
 */
export function errorResponses<S extends ClientErrorStatus>(...statuses: S[]): ErrorResponses<S> {
  const all: (ClientErrorStatus | 500)[] = [...statuses, 500];
  return Object.fromEntries(all.map((status) => [status, ErrorBody.describe(meaning[status])])) as ErrorResponses<S>;
}
