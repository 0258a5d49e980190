import { loadVolunteerPart, saveProfile } from '#lib/server/my-account.ts';
import type { Actions, PageServerLoad } from './$types';

/** /me/skills: what the volunteer can do, and a few words about them (a part of the volunteer profile). */
export const load: PageServerLoad = loadVolunteerPart;

export const actions: Actions = { profile: saveProfile };
