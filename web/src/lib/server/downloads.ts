import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { apiFetch, type CallOptions } from '#lib/server/api.ts';

interface DownloadRequest extends CallOptions {
  /** the page the download is on: where a person who is not signed in comes back to */
  page: string;
  method: 'GET' | 'POST';
  api: string;
  body?: unknown;
  /** the file's type and name where the API does not say them */
  type: string;
  fileName: string;
  /** what the person is told when the API refuses with this status (else the API's status) */
  refusal?: (status: number) => number;
}

/**
 * A file the API makes (a CSV export, the data export, a calendar, the figures) passed through to
 * the browser as a download, streamed, with the API's type and name. Nobody on the way keeps a
 * copy. Signing in first where needed; the API's refusal as an error page.
 */
export async function apiDownload(event: RequestEvent, request: DownloadRequest): Promise<Response> {
  const signIn = `/signin?returnTo=${encodeURIComponent(request.page)}`;
  if (!event.locals.me) redirect(303, signIn);
  const response = await apiFetch(event, request.method, request.api, request.body, request);
  if (!response) error(503, 'The server did not answer.');
  if (response.status === 401) redirect(303, signIn);
  if (!response.ok || !response.body) {
    const status = response.status >= 500 ? 503 : (request.refusal?.(response.status) ?? response.status);
    error(status, 'Download failed');
  }
  return new Response(response.body, {
    status: 200,
    headers: {
      'content-type': response.headers.get('content-type') ?? request.type,
      'content-disposition':
        response.headers.get('content-disposition') ?? `attachment; filename="${request.fileName}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
