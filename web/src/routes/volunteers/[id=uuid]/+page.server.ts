import type { VolunteerPublicProfile } from '@board/shared';
import { error } from '@sveltejs/kit';
import { callApi } from '#lib/server/api.ts';
import { requireSignedIn } from '#lib/server/guards.ts';
import { fetchActiveMunicipalities } from '#lib/server/municipalities.ts';
import type { PageServerLoad } from './$types';

/**
 * A volunteer's public profile: skills, languages, helps completed, thank-you notes if they allow.
 * The API shows it to signed-in people only, so a signed-out visitor is asked to sign in first.
 */
export const load: PageServerLoad = async (event) => {
  requireSignedIn(event.locals, event.url);
  const id = event.params.id;
  const [result, municipalities] = await Promise.all([
    callApi<VolunteerPublicProfile>(event, 'GET', `/api/volunteers/${id}`),
    fetchActiveMunicipalities(event),
  ]);
  if (!result.ok) {
    if (result.status === 404 || result.status === 400) error(404, 'No such volunteer');
    error(result.status >= 500 ? 503 : result.status, 'Could not load the profile');
  }
  return { profile: result.data, municipalities: municipalities.ok ? municipalities.items : [] };
};
