import { requireStaffArea } from '#lib/server/guards.ts';
import { fetchAllMunicipalities } from '#lib/server/municipalities.ts';
import type { PageServerLoad } from './$types';

/** Foundation staff: every municipality by status, each linking to its page (activate, pause, resume, invite). */
export const load: PageServerLoad = async (event) => {
  requireStaffArea(event.locals, event.url, 'municipality.updateStatus');
  const municipalities = await fetchAllMunicipalities(event);
  return { municipalities, loadFailed: municipalities.length === 0 };
};
