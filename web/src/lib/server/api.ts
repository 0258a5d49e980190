import { error, type Cookies } from '@sveltejs/kit';
import { parse as parseSetCookie } from 'set-cookie-parser';

export interface ApiFieldIssue {
  field: string;
  code: string;
}

export interface ApiError {
  /** stable code from shared/src/errors.ts; the page translates `error.<code>` */
  code: string;
  message: string;
  fields: ApiFieldIssue[];
}

export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; error: ApiError };

/** What of a SvelteKit RequestEvent an API call needs. */
export interface ApiEvent {
  fetch: typeof globalThis.fetch;
  cookies: Cookies;
}

/**
 * Copies the API's Set-Cookie headers (session cookies) onto the page response, so a sign-in
 * done by a form action reaches the browser.
 */
export function forwardCookies(response: Response, cookies: Cookies): void {
  for (const c of parseSetCookie(response.headers.getSetCookie(), { decodeValues: false })) {
    const options = {
      path: c.path ?? '/',
      httpOnly: c.httpOnly ?? false,
      secure: c.secure ?? false,
      sameSite: (c.sameSite?.toLowerCase() ?? 'lax') as 'lax' | 'strict' | 'none',
      encode: (v: string) => v,
    };
    const expired = c.maxAge === 0 || (c.expires !== undefined && c.expires.getTime() <= Date.now());
    if (expired || c.value === '') cookies.delete(c.name, options);
    else cookies.set(c.name, c.value, { ...options, ...(c.maxAge !== undefined ? { maxAge: c.maxAge } : {}) });
  }
}

type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface CallOptions {
  /** give up after this long (an old phone waiting on a stuck API is worse than "try again"); null: never */
  timeoutMs?: number | null;
}

/**
 * The one way server code (load functions, form actions, endpoints) reaches the board's API: goes
 * through `handleFetch`, which targets the API server with the visitor's cookies and our CSRF
 * header, and copies the API's Set-Cookie onto the page response. The raw response, for the rare
 * caller that streams it (the data export); `undefined` when the API did not answer (logged).
 * Everything else uses `callApi`.
 */
export async function apiFetch(
  event: ApiEvent,
  method: Method,
  path: string,
  body?: unknown,
  options: CallOptions = {},
): Promise<Response | undefined> {
  let response: Response;
  try {
    response = await event.fetch(path, {
      method,
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? null : JSON.stringify(body),
      signal: options.timeoutMs === null ? null : AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
  } catch (error) {
    // never the query string: it may hold a one-time token (invitation preview)
    console.error(`api ${method} ${path.split('?')[0]} failed:`, error instanceof Error ? error.message : error);
    return undefined;
  }
  forwardCookies(response, event.cookies);
  return response;
}

/**
 * Calls the board's API and reads its JSON answer. Never throws for HTTP errors: they come back
 * as `{ ok: false, error }` with the API's code (a silent API as `SERVICE_UNAVAILABLE`).
 */
export async function callApi<T>(
  event: ApiEvent,
  method: Method,
  path: string,
  body?: unknown,
  options: CallOptions = {},
): Promise<ApiResult<T>> {
  const response = await apiFetch(event, method, path, body, options);
  if (!response) {
    return {
      ok: false,
      status: 503,
      error: { code: 'SERVICE_UNAVAILABLE', message: 'The server did not answer.', fields: [] },
    };
  }
  const text = await response.text();
  const json: unknown = text ? safeJson(text) : null;
  if (response.ok) return { ok: true, status: response.status, data: json as T };
  const error = (json as { error?: Partial<ApiError> } | null)?.error;
  return {
    ok: false,
    status: response.status,
    error: {
      code: error?.code ?? 'INTERNAL',
      message: error?.message ?? response.statusText,
      fields: error?.fields ?? [],
    },
  };
}

/**
 * The data of the API answer a page is made of; otherwise the page's error with the API's status
 * (503 when the API failed or did not answer). `hideForbidden`: a 403 is "no such page" too, so
 * the page does not tell that something exists to someone who may not see it.
 */
export function pageData<T>(result: ApiResult<T>, options: { hideForbidden?: boolean } = {}): T {
  if (result.ok) return result.data;
  if (result.status >= 500) error(503, result.error.message);
  if (result.status === 403 && options.hideForbidden) error(404, result.error.message);
  error(result.status, result.error.message);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
