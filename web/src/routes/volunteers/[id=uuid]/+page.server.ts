import type { VolunteerPublicProfile } from '@board/shared';
import { callApi, pageData } from '#lib/server/api.ts';
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
  return { profile: pageData(result), municipalities: municipalities.ok ? municipalities.items : [] };
};
