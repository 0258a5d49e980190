import { municipalitiesWhere } from '#lib/actor.ts';
import { contactDesks } from '#lib/server/contact-desk.ts';
import type { LayoutServerLoad } from './$types';

/** Municipal staff see their own desk in the footer, as their associations and residents do. */
export const load: LayoutServerLoad = async (event) => ({
  contactDesks: await contactDesks(event, municipalitiesWhere(event.locals.me, 'municipal_staff')),
});
