import { callApi, pageData } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

interface CapturedMail {
  id: number;
  at: string;
  to: string;
  subject: string;
  text: string;
}

/**
 * Demo only: the mail the board would have sent (GET /api/dev/mail). The API has that route
 * only when mail is captured rather than sent, never in production, and serves it to anyone only
 * while the server listens on loopback alone (else to foundation staff); otherwise this page is a 404.
 */
export const load: PageServerLoad = async (event) => {
  const { items } = pageData(await callApi<{ items: CapturedMail[] }>(event, 'GET', '/api/dev/mail'));
  // everyone's sign-in links: never keep a copy in any cache
  event.setHeaders({ 'cache-control': 'no-store' });
  return { mail: items };
};
