import { contactDesks } from '#lib/server/contact-desk.ts';
import { officerAssociations } from '#lib/server/officer.ts';
import type { LayoutServerLoad } from './$types';

/** The officer's pages carry the desks of their associations' municipalities in the footer. */
export const load: LayoutServerLoad = async (event) => {
  const me = event.locals.me;
  const codes = me ? officerAssociations(me).map((a) => a.municipalityCode) : [];
  return { contactDesks: await contactDesks(event, codes) };
};
