import {
  categoryKeys,
  DomainError,
  type Category,
  type Municipality,
  type MunicipalitySettingsView,
  type MunicipalityStatus,
  type UpdateMunicipalitySettingsBody,
  type UpdateMunicipalityStatusBody,
  municipalityStatusChanges,
} from '@board/shared';
import type { ServiceContext, SignedInContext } from '../../services/context.ts';
import { recordAudit } from '../audit/record.ts';
import { authorize } from '../../services/authorize.ts';
import { municipalityRepository, type SettingsRow } from './repository.ts';

/** chosen categories in the starting order, each once */
function inStartingOrder(chosen: readonly string[]): Category[] {
  return categoryKeys.filter((c) => chosen.includes(c));
}

function view(row: SettingsRow): MunicipalitySettingsView {
  const enabled = row.settings.enabledCategories;
  return {
    code: row.code,
    moderationRequired: row.moderationRequired,
    // stored empty (never narrowed) means every category; keep the starting order either way
    enabledCategories:
      enabled && enabled.length > 0 ? categoryKeys.filter((c) => enabled.includes(c)) : [...categoryKeys],
    contactDesk: row.settings.contactDesk ?? '',
    nameJa: row.nameJa,
    nameKana: row.nameKana,
    nameEn: row.nameEn,
    firstComeDisallowed: inStartingOrder(row.settings.firstComeDisallowed ?? []),
  };
}

/** The municipalities, optionally of one status (public: the board's filters and sign-up need them). */
export async function listMunicipalities(
  ctx: ServiceContext,
  status: MunicipalityStatus | undefined,
): Promise<{ items: Municipality[] }> {
  return { items: await ctx.door.asActor(ctx.actor, (tx) => municipalityRepository(tx).list({ status })) };
}

/** A municipality's request settings: public (officers' forms need the categories; the desk is public). */
export async function getMunicipalitySettings(ctx: ServiceContext, code: string): Promise<MunicipalitySettingsView> {
  const row = await ctx.door.asActor(ctx.actor, (tx) => municipalityRepository(tx).find(code));
  if (!row) throw new DomainError('NOT_FOUND', 'No such municipality.');
  return view(row);
}

/** Staff of the municipality: moderation on or off, the categories officers may use, the contact desk. */
export async function updateMunicipalitySettings(
  ctx: SignedInContext,
  code: string,
  input: UpdateMunicipalitySettingsBody,
): Promise<MunicipalitySettingsView> {
  const { actor } = ctx;
  authorize(actor, 'municipality.updateSettings', "Only this municipality's staff change its settings.", {
    municipalityCode: code,
  });
  return ctx.door.asActor(actor, async (tx) => {
    const municipalities = municipalityRepository(tx);
    const before = await municipalities.find(code);
    if (!before) throw new DomainError('NOT_FOUND', 'No such municipality.');
    const settings = { ...before.settings };
    if (input.enabledCategories !== undefined) settings.enabledCategories = inStartingOrder(input.enabledCategories);
    if (input.contactDesk !== undefined) settings.contactDesk = input.contactDesk;
    if (input.firstComeDisallowed !== undefined)
      settings.firstComeDisallowed = inStartingOrder(input.firstComeDisallowed);
    const after = await municipalities.updateSettings(code, settings, input.moderationRequired);
    const was = view(before);
    const now = view(after);
    const changes = Object.fromEntries(
      (['moderationRequired', 'enabledCategories', 'contactDesk', 'firstComeDisallowed'] as const)
        .filter((key) => JSON.stringify(was[key]) !== JSON.stringify(now[key]))
        .map((key) => [key, { from: was[key], to: now[key] }]),
    );
    if (Object.keys(changes).length > 0) {
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'municipality.update_settings',
        municipalityCode: code,
        subjectType: 'municipality',
        subjectId: code,
        details: changes,
      });
    }
    return now;
  });
}

/**
 * Foundation staff activate, pause or resume a municipality, with a reason; audit-logged in the
 * same transaction. A change its status does not allow (activating an active one, a second click)
 * is 409 MUNICIPALITY_STATUS_NOT_ALLOWED and changes nothing. Pausing takes its requests off the
 * board and stops new posts; matches already made go on.
 */
export async function updateMunicipalityStatus(
  ctx: SignedInContext,
  code: string,
  input: UpdateMunicipalityStatusBody,
): Promise<Municipality> {
  const { actor } = ctx;
  authorize(actor, 'municipality.updateStatus', 'Only foundation staff activate, pause or resume a municipality.', {
    municipalityCode: code,
  });
  const { from, to } = municipalityStatusChanges[input.change];
  return ctx.door.asActor(actor, async (tx) => {
    const municipalities = municipalityRepository(tx);
    const before = await municipalities.find(code);
    if (!before) throw new DomainError('NOT_FOUND', 'No such municipality.');
    const after = await municipalities.changeStatus(code, from, to);
    if (!after) {
      throw new DomainError(
        'MUNICIPALITY_STATUS_NOT_ALLOWED',
        `This municipality is ${before.status}: "${input.change}" is not possible from there (it may have just changed).`,
      );
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'municipality.update_status',
      municipalityCode: code,
      subjectType: 'municipality',
      subjectId: code,
      details: { change: input.change, from: before.status, to, reason: input.reason },
    });
    return after;
  });
}
