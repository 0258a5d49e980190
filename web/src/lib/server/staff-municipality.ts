import type { Action } from '@board/shared';
import { can } from '@board/shared';
import { actorOf, municipalitiesWhere } from '#lib/actor.ts';

/** The municipalities where this person, as municipal staff, may do `action` (their own). */
export function staffMunicipalitiesFor(me: App.Locals['me'], action: Action): string[] {
  const actor = actorOf(me);
  return municipalitiesWhere(me, 'municipal_staff').filter((code) => can(actor, action, { municipalityCode: code }));
}

/** The one municipality a staff page is about: the only one, else the one asked for (`?municipality=`) if allowed. */
export function chosenMunicipality(codes: string[], asked: string | null): string | null {
  if (codes.length === 1) return codes[0]!;
  return codes.find((c) => c === asked) ?? null;
}
