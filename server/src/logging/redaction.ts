import type { FastifyRequest } from 'fastify';

/**
 * What the logs may say. One-time tokens (reset, sign-in link, verification, invitation) travel
 * in page URLs and request bodies, and a failed SQL statement carries its parameters (password
 * hashes, emails): none of that may reach a log line. Requests and errors are therefore logged
 * through the serializers below, which keep an allowlist of fields and blank secret values.
 */

const redacted = '[redacted]';

/** Query parameters and JSON keys whose values are secrets, whatever their case. */
const secretName = /^(?:token|refresh_?token|password|new_?password|current_?password|secret)$/i;

/** The URL with the value of every secret query parameter blanked (`/reset-password?token=[redacted]`). */
export function redactUrl(url: string): string {
  const start = url.indexOf('?');
  if (start === -1) return url;
  const query = url
    .slice(start + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq === -1 ? pair : pair.slice(0, eq);
      return eq !== -1 && secretName.test(decodeName(name)) ? `${name}=${redacted}` : pair;
    })
    .join('&');
  return `${url.slice(0, start)}?${query}`;
}

function decodeName(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

const urlSecret = /([?&](?:token|refresh_?token|password|secret)=)[^&\s"'#]*/gi;
const jsonSecret = /("(?:token|refreshToken|password|newPassword|currentPassword|secret)"\s*:\s*")[^"]*/gi;

/** Free text (an error message, a stack) with secrets in URLs or JSON fragments blanked. */
export function redactText(text: string): string {
  return text.replace(urlSecret, `$1${redacted}`).replace(jsonSecret, `$1${redacted}`);
}

/** drizzle's DrizzleQueryError says `Failed query: <sql>\nparams: <values>`: keep the SQL, never the values. */
const statementParameters = /\nparams: [\s\S]*$/;

function messageOf(error: Error): string {
  return redactText(String(error.message ?? '').replace(statementParameters, `\nparams: ${redacted}`));
}

/** Fields of an error (ours, Fastify's, PostgreSQL's) that help and never carry a value someone sent. */
const keptFields = [
  'code',
  'statusCode',
  'severity',
  'routine',
  'schema_name',
  'table_name',
  'column_name',
  'constraint_name',
  'hint',
  'query',
] as const;

export interface LoggedError {
  type: string;
  message: string;
  stack: string;
  cause?: LoggedError | unknown;
  [field: string]: unknown;
}

/**
 * An error as a log line shows it: type, message, stack, a few diagnostic fields and its cause,
 * never the statement's `parameters`/`params`, a PostgreSQL `detail` (it quotes the row) or any
 * other property copied wholesale.
 */
export function serializeError(error: Error, depth = 0): LoggedError {
  const message = messageOf(error);
  const logged: LoggedError = {
    type: error.constructor?.name ?? 'Error',
    message,
    stack: redactText((error.stack ?? '').replace(String(error.message), message)),
  };
  for (const field of keptFields) {
    const value = (error as unknown as Record<string, unknown>)[field];
    if (value !== undefined && value !== null) logged[field] = typeof value === 'string' ? redactText(value) : value;
  }
  const cause = error.cause;
  if (cause instanceof Error && depth < 5) logged.cause = serializeError(cause, depth + 1);
  else if (cause !== undefined) logged.cause = typeof cause === 'string' ? redactText(cause) : '[not an error]';
  return logged;
}

/** Fastify's own request fields, with the URL's secrets blanked. */
export function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

/** Where log lines go: stdout by default, a test's in-memory stream when given. */
export interface LogDestination {
  write(line: string): void;
}

/** Fastify's logger options: the serializers above, and the secret headers removed as before. */
export function loggerOptions(level: string, stream?: LogDestination) {
  return {
    level,
    redact: ['req.headers.authorization', 'req.headers.cookie'],
    serializers: { req: serializeRequest, err: serializeError },
    ...(stream ? { stream } : {}),
  };
}
