import type { Me, MunicipalitySettingsView } from '@board/shared';
import { can, canAtAll, categoryKeys, type Category } from '@board/shared';
import { error } from '@sveltejs/kit';
import { actorOf } from '#lib/actor.ts';
import { callApi, type ApiEvent } from './api.ts';
import { requireSignedIn } from './guards.ts';

/** An association this person is an officer of. */
export interface OfficerAssociation {
  id: string;
  name: string;
  municipalityCode: string;
}

/** The associations the person may post requests for (shared/src/permissions.ts `request.create`). */
export function officerAssociations(me: Me): OfficerAssociation[] {
  const actor = actorOf(me);
  const seen = new Map<string, OfficerAssociation>();
  for (const grant of me.roles) {
    if (grant.role !== 'officer' || !grant.associationId || !grant.municipalityCode) continue;
    if (!can(actor, 'request.create', { associationId: grant.associationId })) continue;
    seen.set(grant.associationId, {
      id: grant.associationId,
      name: grant.associationName ?? '',
      municipalityCode: grant.municipalityCode,
    });
  }
  return [...seen.values()];
}

/** For the officer's pages (/association/…): signed in (else to sign-in) and an officer somewhere (else 403). */
export function requireOfficer(locals: App.Locals, url: URL): Me {
  const me = requireSignedIn(locals, url);
  if (!canAtAll(actorOf(me), 'request.create')) error(403, 'Officers only');
  return me;
}

/**
 * What the request form needs of a municipality (`GET /api/municipalities/:code/settings`): the
 * categories officers may choose, and whether requests are reviewed before they are published.
 * Every category, and review, when the settings cannot be read (the API still decides).
 */
export async function postingSettings(
  event: ApiEvent,
  municipalityCode: string,
): Promise<{ categories: Category[]; moderationRequired: boolean }> {
  const result = await callApi<MunicipalitySettingsView>(
    event,
    'GET',
    `/api/municipalities/${encodeURIComponent(municipalityCode)}/settings`,
  );
  if (!result.ok) return { categories: [...categoryKeys], moderationRequired: true };
  const enabled = Array.isArray(result.data.enabledCategories) ? result.data.enabledCategories : [];
  return {
    categories: enabled.length === 0 ? [...categoryKeys] : categoryKeys.filter((key) => enabled.includes(key)),
    moderationRequired: result.data.moderationRequired !== false,
  };
}

/** The categories officers may choose in a municipality (see `postingSettings`). */
export async function enabledCategories(event: ApiEvent, municipalityCode: string): Promise<Category[]> {
  return (await postingSettings(event, municipalityCode)).categories;
}
