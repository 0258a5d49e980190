import { callApi, type ApiEvent } from './api.ts';

/**
 * True when the API keeps mail instead of sending it and shows it at GET /api/dev/mail (demo
 * and tests only; the route does not exist otherwise). Pages use it to point demo visitors at
 * /dev/mail after "we sent you a mail".
 */
export async function devMailAvailable(event: ApiEvent): Promise<boolean> {
  const result = await callApi(event, 'HEAD', '/api/dev/mail', undefined, { timeoutMs: 2_000 });
  return result.ok;
}
