import { requireSignedIn } from '#lib/server/guards.ts';
import type { PageServerLoad } from './$types';

/** /me/data: download one's data (a plain POST to /me/export), and the way to delete the account. */
export const load: PageServerLoad = (event) => {
  requireSignedIn(event.locals, event.url);
  return {};
};
