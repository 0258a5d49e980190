import type { ApiEvent } from './api.ts';

/**
 * True when the API keeps mail instead of sending it and shows it at GET /api/dev/mail (demo
 * and tests only; the route does not exist otherwise). Pages use it to point demo visitors at
 * /dev/mail after "we sent you a mail".
 */
export async function devMailAvailable(event: Pick<ApiEvent, 'fetch'>): Promise<boolean> {
  try {
    const response = await event.fetch('/api/dev/mail', { method: 'HEAD', signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
}
