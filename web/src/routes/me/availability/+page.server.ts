import { loadVolunteerPart, saveProfile } from '#lib/server/my-account.ts';
import type { Actions, PageServerLoad } from './$types';

/** /me/availability: where, when and in which languages the volunteer can help (a part of the volunteer profile). */
export const load: PageServerLoad = loadVolunteerPart;

export const actions: Actions = { profile: saveProfile };
