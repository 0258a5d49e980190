import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/**
 * The address the "new hand raised" and "a match withdrew" mails link to
 * (server/src/mail/matching-mails.ts `applicants`). Officers answer applicants on their own
 * pages; anyone else lands on the request itself (sign-in first when signed out).
 */
export const GET: RequestHandler = ({ locals, params, url }) => {
  const id = params.id;
  if (!locals.me) redirect(303, `/signin?returnTo=${encodeURIComponent(url.pathname)}`);
  const roles = locals.me.roles;
  if (roles.some((g) => g.role === 'officer')) {
    redirect(303, `/association/requests/${encodeURIComponent(id)}`);
  }
  if (roles.some((g) => g.role === 'municipal_staff' || g.role === 'foundation_staff')) {
    redirect(303, `/staff/moderation/${encodeURIComponent(id)}`);
  }
  redirect(303, `/requests/${encodeURIComponent(id)}`);
};
