import type { Cookies } from '@sveltejs/kit';
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

/**
 * Calls the board's API from server code (load functions, form actions, hooks). Goes through
 * `handleFetch`, which targets the API server with the visitor's cookies and our CSRF header.
 * Never throws for HTTP errors: they come back as `{ ok: false, error }` with the API's code.
 */
export async function callApi<T>(
  event: ApiEvent,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await event.fetch(path, {
      method,
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? null : JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    // never the query string: it may hold a one-time token (invitation preview)
    console.error(`api ${method} ${path.split('?')[0]} failed:`, error instanceof Error ? error.message : error);
    return {
      ok: false,
      status: 503,
      error: { code: 'SERVICE_UNAVAILABLE', message: 'The server did not answer.', fields: [] },
    };
  }
  forwardCookies(response, event.cookies);
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

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
