import { redirect } from '@sveltejs/kit';
import { fetchAllMunicipalities } from '#lib/server/municipalities.ts';
import { requireSignedIn } from '#lib/server/guards.ts';
import { saveProfile } from '#lib/server/my-account.ts';
import type { Actions, PageServerLoad } from './$types';

/** /me/skills: the volunteer profile (what associations see); someone who is no volunteer goes back to /me. */
export const load: PageServerLoad = async (event) => {
  const me = requireSignedIn(event.locals, event.url);
  if (!me.roles.some((grant) => grant.role === 'volunteer')) redirect(303, '/me');
  event.setHeaders({ 'cache-control': 'no-store' });
  return { me, municipalities: await fetchAllMunicipalities(event) };
};

export const actions: Actions = { profile: saveProfile };
